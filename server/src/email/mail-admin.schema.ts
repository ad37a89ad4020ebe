import { Type, type Static } from '@sinclair/typebox';
import { Nullable, PageQuery, Text, Timestamp, Uuid } from '../http/schemas.js';

/** A mailbox address: one @, no spaces or angle brackets; normalised to lower case when stored. */
const Address = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@<>"(),;:\\\\]+@[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$' });

export const MailAddress = Type.Object({
  id: Uuid,
  address: Type.String(),
  name: Nullable(Type.String()),
  createdAt: Timestamp,
});

export const PostAddressBody = Type.Object({ address: Address, name: Type.Optional(Nullable(Text(200))) }, { additionalProperties: false });
export type PostAddressBody = Static<typeof PostAddressBody>;

export const FailingAddress = Type.Object({
  address: Type.String(),
  status: Nullable(Type.String()),
  diagnostic: Nullable(Type.String()),
  bounces: Type.Integer(),
  lastBouncedAt: Timestamp,
});

export const FailingAddressParams = Type.Object({ address: Address }, { additionalProperties: false });
export type FailingAddressParams = Static<typeof FailingAddressParams>;

export const QuarantineItem = Type.Object({
  id: Uuid,
  reason: Type.String(),
  detail: Nullable(Type.String()),
  subject: Nullable(Type.String()),
  sender: Nullable(Type.String()),
  size: Type.Integer(),
  receivedVia: Type.String(),
  releasedAt: Nullable(Timestamp),
  releasedOutcome: Nullable(Type.String()),
  createdAt: Timestamp,
});

export const ListQuarantineQuery = Type.Object({ ...PageQuery, released: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export type ListQuarantineQuery = Static<typeof ListQuarantineQuery>;

export const ReprocessResult = Type.Object({
  outcome: Type.String(),
  conversationId: Nullable(Uuid),
  reason: Nullable(Type.String()),
});

export const AttachmentMeta = Type.Object({
  id: Uuid,
  messageId: Uuid,
  name: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  inline: Type.Boolean(),
  contentId: Nullable(Type.String()),
  sha256: Type.String(),
  createdAt: Timestamp,
});
