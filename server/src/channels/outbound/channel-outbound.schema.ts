import { Type, type Static } from '@sinclair/typebox';
import { Nullable, PageQuery, Timestamp, Uuid } from '../../http/schemas.js';

const Status = Type.Union((['queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'held'] as const).map((s) => Type.Literal(s)));
const Channel = Type.Union([Type.Literal('whatsapp'), Type.Literal('telegram'), Type.Literal('sms')]);

export const ListChannelOutboxQuery = Type.Object(
  { ...PageQuery, status: Type.Optional(Status), channel: Type.Optional(Channel), conversationId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export type ListChannelOutboxQuery = Static<typeof ListChannelOutboxQuery>;

export const ChannelOutboxItem = Type.Object({
  id: Uuid,
  conversationId: Uuid,
  messageId: Uuid,
  accountId: Nullable(Uuid),
  channel: Channel,
  recipient: Nullable(Type.String()),
  bodyKind: Type.Union([Type.Literal('text'), Type.Literal('template')]),
  payload: Type.Record(Type.String(), Type.Unknown()),
  status: Status,
  heldReason: Nullable(Type.String()),
  failedReason: Nullable(Type.String()),
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(Timestamp),
  partsSent: Type.Integer(),
  providerMessageId: Nullable(Type.String()),
  providerMessageIds: Type.Array(Type.String()),
  lastError: Nullable(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  sentAt: Nullable(Timestamp),
  deliveredAt: Nullable(Timestamp),
  readAt: Nullable(Timestamp),
  failedAt: Nullable(Timestamp),
});

/**
 * A WhatsApp message template as approved in WhatsApp Manager: its name (lower-case letters, digits,
 * underscores), the approved language code, and the parameters in Meta's documented component shape.
 */
export const WhatsAppTemplateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 512, pattern: '^[a-z0-9_]+$' }),
    language: Type.String({ minLength: 2, maxLength: 15, pattern: '^[a-z]{2,3}(_[A-Za-z0-9]{2,8})?$' }),
    components: Type.Optional(
      Type.Array(
        Type.Object({ type: Type.String({ minLength: 1, maxLength: 20, pattern: '^[a-z_]+$' }) }, { additionalProperties: true }),
        { maxItems: 20 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type WhatsAppTemplateBody = Static<typeof WhatsAppTemplateBody>;
