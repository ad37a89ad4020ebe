import { Type, type Static } from '@sinclair/typebox';
import { LanguageTag, Nullable, PageQuery, Timestamp, TimeZone, Uuid } from '../http/schemas.js';
import { SURVEY_KINDS } from '../surveys/survey-kinds.js';
import { BREAKDOWNS } from './analytics.js';

/** Longest range one summary or export covers: a year keeps the scan bounded. */
export const MAX_FEEDBACK_DAYS = 366;

const Kind = Type.Union(
  SURVEY_KINDS.map((k) => Type.Literal(k)),
  { description: "csat, nps or ces; default: the workspace's survey kind (csat when none is set)" },
);
const Day = (description: string) => Type.String({ format: 'date', description });

const Range = {
  from: Type.Optional(Day('First local day included (in `tz`); default: 30 days before `to`')),
  to: Type.Optional(Day(`Last local day included (in \`tz\`); default: yesterday; at most ${MAX_FEEDBACK_DAYS} days after from`)),
  tz: Type.Optional({ ...TimeZone, description: 'IANA time zone of the days and trend buckets; default UTC' }),
  kind: Type.Optional(Kind),
};

export const SummaryQuery = Type.Object(
  {
    ...Range,
    by: Type.Optional(
      Type.Union(
        BREAKDOWNS.map((b) => Type.Literal(b)),
        {
          description:
            'language (primary subtag, the default), country, channel, team, agent or tag (a survey counts under each of its tags)',
        },
      ),
    ),
    bucket: Type.Optional(
      Type.Union([Type.Literal('day'), Type.Literal('week')], { description: 'trend buckets: day or ISO week (default)' }),
    ),
  },
  { additionalProperties: false },
);
export type SummaryQuery = Static<typeof SummaryQuery>;

const Metrics = {
  sent: Type.Integer({ description: 'surveys sent in the range' }),
  answered: Type.Integer({ description: 'of those, answered (whenever the answer came)' }),
  responseRate: Nullable(Type.Number({ description: 'answered / sent, two decimals' })),
  distribution: Type.Array(Type.Integer(), {
    description: "answers per scale point from the scale's minimum (CSAT 1–5, NPS 0–10, CES 1–7)",
  }),
  average: Nullable(Type.Number({ description: 'mean score, two decimals' })),
  normalisedAverage: Nullable(
    Type.Number({ description: "mean score with each language's response style removed (README: Feedback analytics), two decimals" }),
  ),
  satisfiedPercent: Nullable(Type.Number({ description: 'CSAT: % of answers 4–5; CES: % easy (5–7); one decimal; null for NPS' })),
  nps: Nullable(Type.Integer({ description: 'NPS only: % promoters − % detractors, rounded half away from zero' })),
  promoters: Nullable(Type.Integer()),
  passives: Nullable(Type.Integer()),
  detractors: Nullable(Type.Integer()),
};

export const FeedbackSummary = Type.Object({
  kind: Type.String(),
  by: Type.String(),
  bucket: Type.String(),
  tz: Type.String(),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  overall: Type.Object(Metrics),
  groups: Type.Array(
    Type.Object({
      key: Nullable(Type.String({ description: 'null: surveys without one (no language, team, agent, country or tag)' })),
      label: Nullable(Type.String({ description: "the team's or agent's name for by=team|agent; else the key" })),
      ...Metrics,
    }),
  ),
  trend: Type.Array(Type.Object({ bucket: Type.String({ format: 'date', description: "the bucket's first local day" }), ...Metrics })),
});

export const SENTIMENT_LABELS = ['positive', 'neutral', 'negative'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export const ResponsesQuery = Type.Object(
  {
    ...Range,
    language: Type.Optional({ ...LanguageTag, description: 'primary subtag match: pt matches pt-BR' }),
    country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$' })),
    channel: Type.Optional(Type.String({ minLength: 1, maxLength: 32, pattern: '^[a-z_]+$' })),
    teamId: Type.Optional(Uuid),
    agentId: Type.Optional(Uuid),
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    sentiment: Type.Optional(Type.Union(SENTIMENT_LABELS.map((l) => Type.Literal(l)))),
    commented: Type.Optional(Type.Boolean({ description: 'true: only answers with a comment' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ResponsesQuery = Static<typeof ResponsesQuery>;

export const CsvQuery = Type.Object(
  {
    ...Type.Omit(ResponsesQuery, ['limit', 'cursor']).properties,
  },
  { additionalProperties: false },
);
export type CsvQuery = Static<typeof CsvQuery>;

const Ref = Nullable(Type.Object({ id: Uuid, name: Nullable(Type.String()) }));

export const FeedbackResponse = Type.Object({
  id: Uuid,
  surveyId: Uuid,
  conversationId: Uuid,
  kind: Type.String(),
  score: Type.Integer(),
  reasons: Type.Array(Type.String()),
  comment: Nullable(Type.String()),
  commentLanguage: Nullable(Type.String()),
  commentTranslation: Nullable(Type.String({ description: 'the comment machine-translated for leads (README: Feedback analytics)' })),
  commentTranslationLanguage: Nullable(Type.String()),
  sentiment: Nullable(
    Type.Object({
      score: Type.Number({ description: '−1 (negative) … 1 (positive)' }),
      label: Type.Union(SENTIMENT_LABELS.map((l) => Type.Literal(l))),
    }),
  ),
  answeredAt: Timestamp,
  sentAt: Nullable(Timestamp),
  language: Nullable(Type.String()),
  country: Nullable(Type.String()),
  channel: Type.String(),
  team: Ref,
  agent: Ref,
  tags: Type.Array(Type.String()),
});
export type FeedbackResponse = Static<typeof FeedbackResponse>;
