import { Type, type Static } from '@sinclair/typebox';
import { Nullable, Uuid } from '../http/schemas.js';
import { Status, Tag } from './conversations.schema.js';

const Tags = Type.Array(Tag, { minItems: 1, maxItems: 50, uniqueItems: true });

export const BulkAction = Type.Object(
  {
    assign: Type.Optional(Type.Object({ assigneeId: Nullable(Uuid) }, { additionalProperties: false })),
    tag: Type.Optional(
      Type.Object({ add: Type.Optional(Tags), remove: Type.Optional(Tags) }, { additionalProperties: false, minProperties: 1 }),
    ),
    status: Type.Optional(Status),
  },
  { additionalProperties: false, minProperties: 1, maxProperties: 1, description: 'Exactly one of assign, tag or status.' },
);
export type BulkAction = Static<typeof BulkAction>;

export const BulkBody = Type.Object(
  {
    ids: Type.Array(Uuid, { minItems: 1, maxItems: 100, uniqueItems: true }),
    action: BulkAction,
  },
  { additionalProperties: false },
);
export type BulkBody = Static<typeof BulkBody>;

export const BulkResult = Type.Object({
  id: Uuid,
  ok: Type.Boolean(),
  changed: Type.Optional(Type.Boolean({ description: 'false: the conversation already was so; nothing was written.' })),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
});
export type BulkResult = Static<typeof BulkResult>;

export const BulkResponse = Type.Object({ results: Type.Array(BulkResult, { description: 'One per id, in the order given.' }) });
