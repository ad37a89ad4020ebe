import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { LanguageTag, Nullable, Timestamp, Uuid } from '../http/schemas.js';

const Url = Type.String({ minLength: 8, maxLength: 500, pattern: '^https?://' });
const Key = Type.String({ minLength: 1, maxLength: 500, pattern: '^[\\x21-\\x7e]+$' });
/** No leading or trailing whitespace: a blank keyword would match every text, a blank term nothing. */
const TRIMMED = '^\\S(.*\\S)?$';
const TimeoutMs = Type.Integer({ minimum: 500, maximum: 120_000 });
// Every Record below sets additionalProperties: TypeBox puts the key pattern in patternProperties,
// which alone lets keys outside the pattern through with any value.

/** Settings fields that are secrets: accepted on write, sealed at rest, never returned. */
export const SECRET_FIELDS = ['apiKey', 'secretAccessKey', 'sessionToken'] as const;
export type SecretField = (typeof SECRET_FIELDS)[number];

const provider = <P extends Record<string, TSchema>>(kind: string, props: P) =>
  Type.Object({ kind: Type.Literal(kind), timeoutMs: Type.Optional(TimeoutMs), ...props }, { additionalProperties: false });

/** What an admin sends. Secret fields may be left out to keep the stored ones (same kind only). */
export const ProviderInput = Type.Union([
  provider('apertium', { baseUrl: Url }),
  provider('libretranslate', { baseUrl: Url, apiKey: Type.Optional(Key) }),
  provider('deepl', {
    apiKey: Type.Optional(Key),
    baseUrl: Type.Optional(Url),
    english: Type.Optional(Type.Union([Type.Literal('EN-US'), Type.Literal('EN-GB')])),
    portuguese: Type.Optional(Type.Union([Type.Literal('PT-BR'), Type.Literal('PT-PT')])),
    glossaries: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-z]{2,3}>[a-z]{2,3}$' }), Type.String({ minLength: 1, maxLength: 100 }), {
        maxProperties: 200,
        additionalProperties: false,
      }),
    ),
  }),
  provider('google', { apiKey: Type.Optional(Key), baseUrl: Type.Optional(Url) }),
  provider('azure', {
    apiKey: Type.Optional(Key),
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 50, pattern: '^[a-z0-9-]+$' })),
    baseUrl: Type.Optional(Url),
  }),
  provider('amazon', {
    region: Type.String({ minLength: 1, maxLength: 50, pattern: '^[a-z0-9-]+$' }),
    accessKeyId: Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9]+$' }),
    secretAccessKey: Type.Optional(Key),
    sessionToken: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
    baseUrl: Type.Optional(Url),
  }),
  provider('openai', {
    model: Type.String({ minLength: 1, maxLength: 200 }),
    apiKey: Type.Optional(Key),
    baseUrl: Type.Optional(Url),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50, pattern: '^[a-z0-9._-]+$' })),
  }),
]);
export type ProviderInput = Static<typeof ProviderInput>;

/** Category → language (primary subtag) → keywords. */
export const CriticalKeywords = Type.Record(
  Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
  Type.Record(
    Type.String({ pattern: '^[a-z]{2,3}$' }),
    Type.Array(Type.String({ minLength: 2, maxLength: 100, pattern: TRIMMED }), { maxItems: 200 }),
    {
      maxProperties: 100,
      additionalProperties: false,
    },
  ),
  { maxProperties: 30, additionalProperties: false },
);
export type CriticalKeywords = Static<typeof CriticalKeywords>;

export const UpdateTranslationSettingsBody = Type.Object(
  {
    /** null: back to the server's default engine. */
    provider: Type.Optional(Nullable(ProviderInput)),
    discloseMachineTranslation: Type.Optional(Type.Boolean()),
    /** null: back to the built-in lists. */
    criticalKeywords: Type.Optional(Nullable(CriticalKeywords)),
    /** Languages inbound detection may answer (the ones the workspace serves); null: any. */
    detectionLanguages: Type.Optional(Nullable(Type.Array(LanguageTag, { minItems: 1, maxItems: 60, uniqueItems: true }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateTranslationSettingsBody = Static<typeof UpdateTranslationSettingsBody>;

export const TranslationSettings = Type.Object({
  /** The workspace's own engine, without secrets; null when it uses the server default. */
  provider: Nullable(Type.Record(Type.String(), Type.Unknown())),
  /** Which secret fields are stored (never their values). */
  secretsSet: Type.Array(Type.String()),
  /** False when stored secrets cannot be opened (the server's secret key changed). */
  secretsReadable: Type.Boolean(),
  serverDefault: Nullable(Type.String()),
  /** The engine translations go through now, or null when none. */
  effectiveProvider: Nullable(Type.String()),
  discloseMachineTranslation: Type.Boolean(),
  criticalKeywords: CriticalKeywords,
  criticalKeywordsCustomized: Type.Boolean(),
  detectionLanguages: Nullable(Type.Array(Type.String())),
  updatedAt: Nullable(Timestamp),
});

export const GlossaryTermBody = Type.Object(
  {
    term: Type.String({ minLength: 1, maxLength: 200, pattern: TRIMMED }),
    language: Type.Optional(Nullable(LanguageTag)),
    translations: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-z]{2,3}$' }), Type.String({ minLength: 1, maxLength: 200, pattern: TRIMMED }), {
        maxProperties: 100,
        additionalProperties: false,
      }),
    ),
    caseSensitive: Type.Optional(Type.Boolean()),
    note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);
export type GlossaryTermBody = Static<typeof GlossaryTermBody>;

export const GlossaryTerm = Type.Object({
  id: Uuid,
  term: Type.String(),
  language: Nullable(Type.String()),
  translations: Type.Record(Type.String(), Type.String()),
  caseSensitive: Type.Boolean(),
  note: Nullable(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const GlossaryList = Type.Object({ data: Type.Array(GlossaryTerm) });
