import { Type, type Static } from '@sinclair/typebox';
import { LanguageTag } from '../http/schemas.js';

export const DetectBody = Type.Object(
  {
    texts: Type.Array(Type.String({ maxLength: 10_000 }), { minItems: 1, maxItems: 100 }),
    hints: Type.Optional(
      Type.Object(
        {
          locale: Type.Optional(LanguageTag),
          acceptLanguage: Type.Optional(Type.String({ maxLength: 500 })),
          previous: Type.Optional(Type.Array(Type.String({ maxLength: 10_000 }), { maxItems: 20 })),
        },
        { additionalProperties: false },
      ),
    ),
    candidates: Type.Optional(Type.Array(LanguageTag, { maxItems: 200 })),
  },
  { additionalProperties: false },
);
export type DetectBody = Static<typeof DetectBody>;

const Guess = Type.Object({
  language: Type.String({ description: "BCP-47 tag; 'und' when the text has no letters" }),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
});

export const DetectResponse = Type.Object({
  results: Type.Array(
    Type.Object({
      language: Type.String({ description: "BCP-47 tag; 'und' when the text has no letters" }),
      confidence: Type.Number({ minimum: 0, maximum: 1 }),
      alternatives: Type.Array(Guess, { description: 'the next most likely languages, best first (up to 3)' }),
    }),
  ),
});
