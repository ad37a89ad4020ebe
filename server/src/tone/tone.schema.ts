import { Type, type Static } from '@sinclair/typebox';
import { FormalityLevel, PreferenceSource } from '../culture/culture.schema.js';
import { LanguageTag, Nullable, Uuid } from '../http/schemas.js';

export const ToneCheckBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 20_000, description: 'the reply draft' }),
    language: LanguageTag,
    conversationId: Uuid,
  },
  { additionalProperties: false },
);
export type ToneCheckBody = Static<typeof ToneCheckBody>;

export const ToneCode = Type.Union([
  Type.Literal('formality_mismatch'),
  Type.Literal('idiom'),
  Type.Literal('ambiguous_date'),
  Type.Literal('all_caps'),
  Type.Literal('missing_greeting'),
  Type.Literal('missing_closing'),
]);

export const ToneFindingSchema = Type.Object({
  code: ToneCode,
  severity: Type.Union([Type.Literal('warning'), Type.Literal('info')]),
  message: Type.String(),
  span: Nullable(
    Type.Object(
      { start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 0 }) },
      { description: 'UTF-16 offsets into the draft, end exclusive' },
    ),
  ),
  suggestion: Type.Optional(Type.String()),
});

export const ToneCheckResponse = Type.Object({
  findings: Type.Array(ToneFindingSchema),
  culture: Type.Object({
    locale: Type.String(),
    formality: Nullable(FormalityLevel),
    formalitySource: Nullable(PreferenceSource),
  }),
});
export type ToneCheckResponse = Static<typeof ToneCheckResponse>;
