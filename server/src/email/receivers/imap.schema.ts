import { Type, type Static } from '@sinclair/typebox';
import { MailboxAddress as Address, Nullable, Timestamp } from '../../http/schemas.js';

const Host = Type.String({ minLength: 1, maxLength: 253, pattern: '^([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.?)+$|^[0-9a-fA-F:.]+$' });
const Security = Type.Union([Type.Literal('tls'), Type.Literal('starttls'), Type.Literal('none')]);

/** What an admin sends. `password` may be left out to keep the stored one for the same host and user. */
export const PutImapBody = Type.Object(
  {
    host: Host,
    port: Type.Integer({ minimum: 1, maximum: 65535 }),
    security: Security,
    username: Type.String({ minLength: 1, maxLength: 254, pattern: '^\\S+$' }),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, pattern: '^[^\\r\\n]+$' })),
    mailbox: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\r\\n*%]+$' })),
    address: Type.Optional(Nullable(Address)),
    idle: Type.Optional(Type.Boolean()),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type PutImapBody = Static<typeof PutImapBody>;

/** The mailbox as the API shows it: never the password. */
export const ImapSettings = Type.Object({
  configured: Type.Boolean(),
  host: Nullable(Type.String()),
  port: Nullable(Type.Integer()),
  security: Nullable(Security),
  username: Nullable(Type.String()),
  passwordSet: Type.Boolean(),
  mailbox: Nullable(Type.String()),
  address: Nullable(Type.String()),
  idle: Type.Boolean(),
  enabled: Type.Boolean(),
  uidValidity: Nullable(Type.String()),
  lastUid: Type.Integer(),
  lastPollAt: Nullable(Timestamp),
  lastError: Nullable(Type.String()),
  updatedAt: Nullable(Timestamp),
});

export const ImapPollResult = Type.Object({
  fetched: Type.Integer(),
  outcomes: Type.Record(Type.String(), Type.Integer()),
  uidValidity: Nullable(Type.String()),
  lastUid: Type.Integer(),
  error: Nullable(Type.String()),
});
