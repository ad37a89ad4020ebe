import { Type, type Static } from '@sinclair/typebox';
import { LanguageTag, Nullable } from '../http/schemas.js';

export const GlossaryEntrySchema = Type.Object(
  {
    term: Type.String({ minLength: 1, maxLength: 200 }),
    translation: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    caseSensitive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const PreviewBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 20_000 }),
    source: LanguageTag,
    target: LanguageTag,
    format: Type.Optional(Type.Union([Type.Literal('text'), Type.Literal('html')])),
    formality: Type.Optional(Type.Union([Type.Literal('formal'), Type.Literal('informal')])),
    glossary: Type.Optional(Type.Array(GlossaryEntrySchema, { maxItems: 200 })),
  },
  { additionalProperties: false },
);
export type PreviewBody = Static<typeof PreviewBody>;

export const Outcome = Type.Object({
  status: Type.Union([Type.Literal('translated'), Type.Literal('untranslated')]),
  text: Nullable(Type.String()),
  source: Type.String(),
  target: Type.String(),
  provider: Nullable(Type.String()),
  flags: Type.Array(Type.String()),
  unknownWordRatio: Nullable(Type.Number()),
  protected: Type.Record(Type.String(), Type.Integer()),
});

export const PreviewResponse = Type.Object({
  translation: Outcome,
  backTranslation: Nullable(Outcome),
});
