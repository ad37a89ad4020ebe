import { Type, type Static } from '@sinclair/typebox';
import { Nullable, Timestamp, Uuid } from '../http/schemas.js';

export const Mention = Type.Object({
  id: Uuid,
  messageId: Uuid,
  conversationId: Uuid,
  agentId: Uuid,
  byAgentId: Nullable(Uuid),
  byName: Nullable(Type.String()),
  subject: Nullable(Type.String()),
  excerpt: Type.String({ description: 'The first 200 characters of the note' }),
  createdAt: Timestamp,
  readAt: Nullable(Timestamp),
});

export const MentionPage = Type.Object({
  data: Type.Array(Mention),
  nextCursor: Nullable(Type.String()),
  unread: Type.Integer({ description: 'How many of your mentions are unread, in all' }),
});

export const ListMentionsQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean({ description: 'Only unread mentions' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ListMentionsQuery = Static<typeof ListMentionsQuery>;

export const ReadMentionsBody = Type.Union(
  [
    Type.Object({ ids: Type.Array(Uuid, { minItems: 1, maxItems: 100 }) }, { additionalProperties: false }),
    Type.Object({ conversationId: Uuid }, { additionalProperties: false }),
  ],
  { description: 'The mentions to mark read: by id, or all of one conversation' },
);
export type ReadMentionsBody = Static<typeof ReadMentionsBody>;
