import { Type, type Static } from '@sinclair/typebox';
import { Channel } from '../customers/customers.schema.js';
import { LanguageTag, Nullable, Timestamp, Uuid } from '../http/schemas.js';
import { SURVEY_KINDS } from './survey-kinds.js';
import { SURVEY_SUPPRESS_REASONS } from './survey-rules.js';

const Kind = Type.Union(SURVEY_KINDS.map((k) => Type.Literal(k)));
const Hour = (description: string) => Type.Integer({ minimum: 0, maximum: 23, description });
const TAG_KEY = LanguageTag.pattern!;
const Wording = Type.String({ minLength: 1, maxLength: 500 });

export const SurveyReason = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,39}$', description: 'Stable key stored with answers (lower case)' }),
    labels: Type.Record(Type.String({ pattern: TAG_KEY }), Type.String({ minLength: 1, maxLength: 120 }), {
      minProperties: 1,
      maxProperties: 60,
      additionalProperties: false,
      description: 'The choice as customers read it, by locale tag (falls back from pt-BR to pt to en)',
    }),
  },
  { additionalProperties: false },
);

export const SurveyTextOverride = Type.Object(
  {
    subject: Type.Optional(Wording),
    invitation: Type.Optional(Wording),
    question: Type.Optional(Wording),
    low: Type.Optional(Wording),
    high: Type.Optional(Wording),
    openLink: Type.Optional(Wording),
  },
  { additionalProperties: false, minProperties: 1 },
);

const fields = {
  enabled: Type.Boolean({ description: 'Send surveys when conversations are solved (default true)' }),
  kind: { ...Kind, description: 'csat (1–5, default), nps (0–10) or ces (1–7)' },
  askComment: Type.Boolean({ description: 'Offer a comment box on the survey page (default true)' }),
  reasons: Type.Array(SurveyReason, { maxItems: 12, description: 'Optional reason choices (at most 12, unique keys)' }),
  delayMinutes: Type.Integer({ minimum: 0, maximum: 10080, description: 'Minutes after solving before the survey goes out (default 60)' }),
  quietStart: Hour('Local hour (customer’s zone) quiet hours start (default 20)'),
  quietEnd: Hour('Local hour quiet hours end; a survey due in between waits until then (default 9; equal to quietStart: none)'),
  throttleDays: Type.Integer({
    minimum: 0,
    maximum: 365,
    description: 'At most one survey per customer within this many days (default 30; 0: no limit)',
  }),
  linkTtlHours: Type.Integer({ minimum: 1, maximum: 2160, description: 'How long a survey link works (default 168)' }),
  channels: Type.Array(Channel, {
    uniqueItems: true,
    maxItems: 7,
    description: 'Conversation channels that get surveys (default email, chat)',
  }),
  texts: Type.Record(Type.String({ pattern: TAG_KEY }), SurveyTextOverride, {
    maxProperties: 100,
    additionalProperties: false,
    description: 'Per-locale rewording of the shipped texts; `{workspace}` is the only placeholder',
  }),
};

/** PUT replaces the settings; a field left out takes its default. */
export const SurveySettingsBody = Type.Object(
  {
    enabled: Type.Optional(fields.enabled),
    kind: Type.Optional(fields.kind),
    askComment: Type.Optional(fields.askComment),
    reasons: Type.Optional(fields.reasons),
    delayMinutes: Type.Optional(fields.delayMinutes),
    quietStart: Type.Optional(fields.quietStart),
    quietEnd: Type.Optional(fields.quietEnd),
    throttleDays: Type.Optional(fields.throttleDays),
    linkTtlHours: Type.Optional(fields.linkTtlHours),
    channels: Type.Optional(fields.channels),
    texts: Type.Optional(fields.texts),
  },
  { additionalProperties: false },
);
export type SurveySettingsBody = Static<typeof SurveySettingsBody>;

export const SurveySettingsView = Type.Object({ ...fields, updatedAt: Nullable(Timestamp) });

export const SurveyStatus = Type.Union(
  ['waiting', 'scheduled', 'sent', 'suppressed', 'answered'].map((s) => Type.Literal(s)),
  {
    description:
      'scheduled: goes out at `dueAt`; waiting: the conversation was reopened before then, the next solve decides again; ' +
      'sent; answered; suppressed: never sent, see `reason`',
  },
);

export const SurveyView = Type.Object({
  id: Uuid,
  conversationId: Uuid,
  customerId: Uuid,
  kind: Kind,
  status: SurveyStatus,
  reason: Nullable(Type.Union(SURVEY_SUPPRESS_REASONS.map((r) => Type.Literal(r)))),
  detail: Nullable(Type.String()),
  locale: Nullable(Type.String()),
  channel: Type.String(),
  teamId: Nullable(Uuid),
  agentId: Nullable(Uuid),
  language: Nullable(Type.String()),
  country: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  decidedAt: Timestamp,
  dueAt: Nullable(Timestamp),
  sentAt: Nullable(Timestamp),
  expiresAt: Nullable(Timestamp),
  messageId: Nullable(Uuid),
  response: Nullable(
    Type.Object({
      score: Type.Integer(),
      reasons: Type.Array(Type.String()),
      comment: Nullable(Type.String()),
      source: Type.String(),
      answeredAt: Timestamp,
      commentedAt: Nullable(Timestamp),
    }),
  ),
});

export const ConversationSurveyView = Type.Object({ survey: Nullable(SurveyView) });
