import { Type, type Static } from '@sinclair/typebox';
import { LanguageTag, Text, Timestamp, Uuid } from '../http/schemas.js';

export const FormalitySchema = Type.Union([Type.Literal('formal'), Type.Literal('informal'), Type.Literal('neutral')]);
const Body = Type.String({ minLength: 1, maxLength: 20_000, description: 'ICU MessageFormat' });

export const VariantInput = Type.Object(
  { locale: LanguageTag, formality: Type.Optional(FormalitySchema), body: Body },
  { additionalProperties: false },
);
export type VariantInput = Static<typeof VariantInput>;

export const CreateTemplateBody = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z0-9][a-z0-9_.-]{0,99}$' }),
    name: Text(200),
    sourceLocale: LanguageTag,
    variants: Type.Array(VariantInput, { minItems: 1, maxItems: 200 }),
  },
  { additionalProperties: false },
);
export type CreateTemplateBody = Static<typeof CreateTemplateBody>;

export const Variant = Type.Object({
  locale: Type.String(),
  formality: FormalitySchema,
  body: Type.String(),
  origin: Type.Union([Type.Literal('human'), Type.Literal('machine')]),
  reviewed: Type.Boolean(),
  stale: Type.Boolean(),
  updatedAt: Timestamp,
});

export const Template = Type.Object({
  id: Uuid,
  key: Type.String(),
  name: Type.String(),
  sourceLocale: Type.String(),
  variants: Type.Array(Variant),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const RenderBody = Type.Object(
  {
    conversationId: Uuid,
    locale: Type.Optional(LanguageTag),
    formality: Type.Optional(Type.Union([Type.Literal('formal'), Type.Literal('informal')])),
    values: Type.Optional(
      Type.Record(
        Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' }),
        Type.Union([Type.String({ maxLength: 2000 }), Type.Number()]),
        { maxProperties: 50, additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type RenderBody = Static<typeof RenderBody>;

export const Rendered = Type.Object({
  text: Type.String(),
  locale: Type.String(),
  formality: FormalitySchema,
  reason: Type.String(),
  chain: Type.Array(Type.String()),
  formalitySource: Type.Union([Type.Literal('request'), Type.Literal('customer'), Type.Literal('culture'), Type.Literal('default')]),
  stale: Type.Boolean(),
  origin: Type.String(),
  reviewed: Type.Boolean(),
});

export const DraftBody = Type.Object({ locale: LanguageTag, formality: Type.Optional(FormalitySchema) }, { additionalProperties: false });
export type DraftBody = Static<typeof DraftBody>;
