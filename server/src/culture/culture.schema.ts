import { Type, type Static } from '@sinclair/typebox';
import { Formality } from '../customers/customers.schema.js';
import { LanguageTag, Nullable, Uuid } from '../http/schemas.js';

/**
 * The date and number every profile's format examples show: 4 March 2026 (day ≠ month, so the
 * order is visible) and 1234567.89 (grouping and decimal separator). Examples are stored as
 * static data; a test recomputes them with Intl and fails if they drift.
 */
export const FORMAT_SAMPLE_DATE = '2026-03-04';
export const FORMAT_SAMPLE_NUMBER = 1234567.89;

/** Placeholders greeting and closing examples may use. */
export const NAME_PLACEHOLDERS = ['{givenName}', '{familyName}', '{fullName}', '{patronymic}'] as const;

const Line = (max = 200) => Type.String({ minLength: 1, maxLength: max });
const Examples = Type.Array(Line(160), { minItems: 1, maxItems: 4 });

export const FormalityLevel = Formality;
export type FormalityLevel = Static<typeof FormalityLevel>;

export const Source = Type.Object(
  {
    title: Line(160),
    url: Type.String({ format: 'uri', pattern: '^https://', maxLength: 300 }),
  },
  { additionalProperties: false },
);

export const CultureProfile = Type.Object(
  {
    locale: Type.String({ pattern: '^[a-z]{2,3}-[A-Z]{2}$', description: 'BCP 47 language-REGION, e.g. de-AT' }),
    language: Type.String({ pattern: '^[a-z]{2,3}$' }),
    region: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' })),
    name: Line(80),
    languageDefault: Type.Optional(Type.Boolean({ description: 'The profile a bare language tag (e.g. "pt") falls back to' })),
    formality: Type.Object(
      {
        default: FormalityLevel,
        note: Line(300),
      },
      { additionalProperties: false },
    ),
    tvForms: Nullable(
      Type.Object(
        {
          informal: Line(120),
          formal: Line(120),
        },
        { additionalProperties: false, description: 'Informal and formal "you"; null where the language has no such pair' },
      ),
    ),
    names: Type.Object(
      {
        order: Type.Union([Type.Literal('given-family'), Type.Literal('family-given')]),
        formalAddress: Line(200),
        informalAddress: Line(200),
        honorifics: Type.Array(Type.Object({ term: Line(60), meaning: Line(120) }, { additionalProperties: false }), {
          maxItems: 8,
        }),
        note: Type.Optional(Line(300)),
      },
      { additionalProperties: false },
    ),
    greetings: Type.Object({ formal: Examples, informal: Examples }, { additionalProperties: false }),
    closings: Type.Object({ formal: Examples, informal: Examples }, { additionalProperties: false }),
    weekend: Type.Object(
      {
        days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
          minItems: 1,
          maxItems: 3,
          uniqueItems: true,
          description: 'ISO weekday numbers: 1 = Monday … 7 = Sunday',
        }),
        note: Type.Optional(Line(300)),
      },
      { additionalProperties: false },
    ),
    formats: Type.Object(
      {
        calendar: Type.String({ pattern: '^[a-z0-9-]{3,20}$', description: "Intl's default calendar, e.g. gregory, buddhist" }),
        numberingSystem: Type.String({ pattern: '^[a-z]{3,10}$', description: "Intl's default digits, e.g. latn, arab" }),
        date: Type.Object(
          {
            pattern: Line(40),
            example: Line(60),
            long: Line(80),
          },
          { additionalProperties: false, description: `Numeric and long date of ${FORMAT_SAMPLE_DATE}` },
        ),
        number: Type.Object(
          {
            example: Line(40),
            decimal: Type.String({ minLength: 1, maxLength: 2 }),
            group: Type.String({ minLength: 1, maxLength: 2 }),
          },
          { additionalProperties: false, description: `${FORMAT_SAMPLE_NUMBER} formatted` },
        ),
      },
      { additionalProperties: false },
    ),
    writingNotes: Type.Optional(Line(400)),
    directness: Type.String({ minLength: 40, maxLength: 400, description: '1–3 sentences, phrased as tendencies' }),
    sources: Type.Array(Source, { minItems: 1, maxItems: 10 }),
  },
  { additionalProperties: false },
);
export type CultureProfile = Static<typeof CultureProfile>;

export const MatchedBy = Type.Union([Type.Literal('exact'), Type.Literal('alias'), Type.Literal('language'), Type.Literal('country')], {
  description:
    'exact: the tag itself; alias: its language+region, script or a listed alias; language: the default profile of its language; country: inferred from the country alone',
});
export type MatchedBy = Static<typeof MatchedBy>;

export const PreferenceSource = Type.Union([Type.Literal('customer'), Type.Literal('culture')]);
export type PreferenceSource = Static<typeof PreferenceSource>;

export const CultureSummary = Type.Object({
  locale: Type.String(),
  language: Type.String(),
  region: Type.Optional(Type.String()),
  name: Type.String(),
  languageDefault: Type.Boolean(),
});
export type CultureSummary = Static<typeof CultureSummary>;

export const CultureList = Type.Object({ data: Type.Array(CultureSummary) });

export const ListCulturesQuery = Type.Object(
  { language: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2,3}$', description: 'only profiles of this language' })) },
  { additionalProperties: false },
);
export type ListCulturesQuery = Static<typeof ListCulturesQuery>;

export const LocaleParams = Type.Object({ locale: LanguageTag }, { additionalProperties: false });

export const CultureMatch = Type.Object({
  requestedLocale: Type.String(),
  matchedLocale: Type.String(),
  matchedBy: MatchedBy,
  profile: CultureProfile,
});
export type CultureMatch = Static<typeof CultureMatch>;

/** The card shown beside a conversation: the customer's culture with their stated preferences applied. */
export const CustomerCulture = Type.Object({
  customerId: Uuid,
  requestedLocale: Nullable(Type.String({ description: "the customer's stated locale" })),
  country: Nullable(Type.String()),
  matchedLocale: Nullable(Type.String()),
  matchedBy: Nullable(MatchedBy),
  localeSource: Nullable(PreferenceSource),
  formality: Nullable(FormalityLevel),
  formalitySource: Nullable(PreferenceSource),
  addressForm: Nullable(Type.String({ description: 'the "you" to use at that formality, where the language has a T/V pair' })),
  greetings: Type.Array(Type.String()),
  closings: Type.Array(Type.String()),
  profile: Nullable(CultureProfile),
});
export type CustomerCulture = Static<typeof CustomerCulture>;
