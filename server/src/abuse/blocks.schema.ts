import { Type, type Static } from '@sinclair/typebox';
import { Conversation } from '../conversations/conversations.schema.js';
import { Nullable, PageQuery, Timestamp, Uuid } from '../http/schemas.js';
import { BLOCKABLE_CHANNELS } from './sender.js';

const BlockableChannel = Type.Union(BLOCKABLE_CHANNELS.map((c) => Type.Literal(c)));

export const BlockedSender = Type.Object({
  id: Uuid,
  channel: BlockableChannel,
  address: Type.String({ description: 'E-mail sender (lower case), phone number (E.164), Telegram chat id or chat visitor id.' }),
  reason: Nullable(Type.String()),
  createdBy: Nullable(Uuid),
  createdAt: Timestamp,
});

export const ListBlockedQuery = Type.Object({ ...PageQuery, channel: Type.Optional(BlockableChannel) }, { additionalProperties: false });
export type ListBlockedQuery = Static<typeof ListBlockedQuery>;

export const SpamResult = Type.Object({
  conversation: Conversation,
  block: Type.Union([BlockedSender, Type.Null()], {
    description: 'The sender blocked (marking) or unblocked (undoing); null when the conversation names no sender to block.',
  }),
});
