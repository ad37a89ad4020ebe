import { Type, type Static } from '@sinclair/typebox';
import { Nullable, Timestamp, Uuid } from '../http/schemas.js';

/**
 * A conversation's SLA clocks as the API shows them (on GET /conversations/:id). Apart from the
 * policy schemas so the conversations schema can use it without importing them back.
 */

export const SLA_METRICS = ['first_reply', 'next_reply', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];
export const SlaMetricSchema = Type.Union(SLA_METRICS.map((m) => Type.Literal(m)));

/** One clock of a conversation, as GET /conversations/:id shows it. */
export const SlaClockView = Type.Object({
  metric: SlaMetricSchema,
  cycle: Type.Integer({ description: 'first_reply: 1; next_reply and resolution count up as they restart' }),
  status: Type.Union(
    ['running', 'paused', 'achieved', 'breached'].map((s) => Type.Literal(s)),
    {
      description: "'breached' once past due, whether or not the clock has stopped since",
    },
  ),
  atRisk: Type.Boolean({ description: 'Running, past the warning threshold, not yet breached' }),
  time: Type.Union([Type.Literal('business'), Type.Literal('calendar')]),
  targetMinutes: Type.Number(),
  startedAt: Timestamp,
  dueAt: Nullable(Timestamp),
  warnAt: Nullable(Timestamp),
  remainingMinutes: Nullable(Type.Number({ description: 'While paused: the time left, re-added when the clock resumes' })),
  pausedSince: Nullable(Timestamp),
  pausedMinutes: Type.Number({ description: 'Wall-clock minutes spent paused' }),
  warnedAt: Nullable(Timestamp),
  breachedAt: Nullable(Timestamp),
  achievedAt: Nullable(Timestamp),
  stoppedAt: Nullable(Timestamp),
});

export type SlaClockView = Static<typeof SlaClockView>;

export const ConversationSla = Type.Object({
  policyId: Nullable(Uuid),
  calendarId: Nullable(Uuid),
  clocks: Type.Array(SlaClockView),
});
export type ConversationSla = Static<typeof ConversationSla>;
