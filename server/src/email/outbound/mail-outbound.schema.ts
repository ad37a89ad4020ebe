import { Type, type Static } from '@sinclair/typebox';
import { MailboxAddress as Address, Nullable, PageQuery, Timestamp, Uuid } from '../../http/schemas.js';

const RelayUrl = Type.String({ minLength: 8, maxLength: 300, pattern: '^smtps?://[^\\s@/]+$' });

/** What an admin sends; fields left out keep their value. The password is write-only (null clears it). */
export const PutMailSettingsBody = Type.Object(
  {
    enabled: Type.Optional(Type.Boolean()),
    fromName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
    fromAddress: Type.Optional(Nullable(Address)),
    relayUrl: Type.Optional(Nullable(RelayUrl)),
    relayUser: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 254, pattern: '^\\S+$' }))),
    relayPassword: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 1000, pattern: '^[^\\r\\n]+$' }))),
  },
  { additionalProperties: false },
);
export type PutMailSettingsBody = Static<typeof PutMailSettingsBody>;

export const MailSettings = Type.Object({
  enabled: Type.Boolean(),
  fromName: Nullable(Type.String()),
  fromAddress: Nullable(Type.String()),
  relayUrl: Nullable(Type.String()),
  relayUser: Nullable(Type.String()),
  passwordSet: Type.Boolean(),
  /** Which relay mail goes through now: the workspace's, the server's (--smtp-relay), or none (mail waits). */
  relay: Nullable(Type.Union([Type.Literal('workspace'), Type.Literal('server')])),
  updatedAt: Nullable(Timestamp),
});

const Status = Type.Union([Type.Literal('queued'), Type.Literal('sent'), Type.Literal('failed'), Type.Literal('held')]);

export const ListOutboxQuery = Type.Object(
  { ...PageQuery, status: Type.Optional(Status), conversationId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export type ListOutboxQuery = Static<typeof ListOutboxQuery>;

export const OutboxItem = Type.Object({
  id: Uuid,
  conversationId: Uuid,
  messageId: Uuid,
  recipient: Nullable(Type.String()),
  status: Status,
  reason: Nullable(Type.String()),
  forced: Type.Boolean(),
  subject: Type.String(),
  inReplyTo: Nullable(Type.String()),
  references: Nullable(Type.String()),
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(Timestamp),
  lastError: Nullable(Type.String()),
  smtpResponse: Nullable(Type.String()),
  messageIdHeader: Nullable(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  sentAt: Nullable(Timestamp),
});
