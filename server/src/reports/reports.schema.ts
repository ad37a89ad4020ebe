import { Type, type Static } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../http/schemas.js';

export const CoverageQuery = Type.Object(
  {
    /** Weeks of demand to look back on, ending with the last full week. */
    weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 12, default: 4 })),
    /** The least proficiency that counts as covering a language. */
    proficiency: Type.Optional(
      Type.Union([Type.Literal('native'), Type.Literal('fluent'), Type.Literal('working'), Type.Literal('basic')]),
    ),
  },
  { additionalProperties: false },
);
export type CoverageQuery = Static<typeof CoverageQuery>;

export const CoverageReport = Type.Object({
  from: Timestamp,
  to: Timestamp,
  weeks: Type.Integer(),
  proficiency: Type.String(),
  languages: Type.Array(
    Type.Object({
      language: Type.String(),
      demand: Type.Number(),
      coveredShare: Type.Number(),
      hours: Type.Array(Type.Object({ hour: Type.Integer(), demand: Type.Number(), agents: Type.Number() })),
    }),
  ),
  gaps: Type.Array(
    Type.Object({
      language: Type.String(),
      startHour: Type.Integer(),
      endHour: Type.Integer(),
      label: Type.String(),
      demand: Type.Number(),
    }),
  ),
});

/** Longest range one volume report covers: a year keeps the scan bounded. */
export const MAX_VOLUME_DAYS = 366;
export const VOLUME_GROUPINGS = ['language', 'channel', 'team', 'country'] as const;
export type VolumeGrouping = (typeof VOLUME_GROUPINGS)[number];

export const VolumeQuery = Type.Object(
  {
    by: Type.Optional(
      Type.Union(
        VOLUME_GROUPINGS.map((g) => Type.Literal(g)),
        { description: "language (primary subtag, the default), channel, team, or the customer's country" },
      ),
    ),
    from: Type.Optional(Type.String({ format: 'date', description: 'First UTC day included; default: 30 days before `to`' })),
    to: Type.Optional(
      Type.String({ format: 'date', description: `Last UTC day included; default: yesterday; at most ${MAX_VOLUME_DAYS} days after from` }),
    ),
  },
  { additionalProperties: false },
);
export type VolumeQuery = Static<typeof VolumeQuery>;

const Attainment = Type.Object({
  targets: Type.Integer({ description: 'SLA targets decided (met or breached) on these conversations' }),
  met: Type.Integer(),
  share: Nullable(Type.Number({ description: 'met / targets, two decimals; null without decided targets' })),
});

export const VolumeReport = Type.Object({
  by: Type.String(),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  groups: Type.Array(
    Type.Object({
      key: Nullable(Type.String({ description: 'null: conversations without one (no language, team or country)' })),
      label: Nullable(Type.String({ description: "the team's name for by=team; else the key" })),
      conversations: Type.Integer({ description: 'conversations started in the range' }),
      replied: Type.Integer({ description: 'of those, with at least one outbound reply' }),
      firstReplyMedianSeconds: Nullable(Type.Number({ description: 'median wall-clock time to the first outbound reply' })),
      sla: Attainment,
    }),
  ),
  sla: Attainment,
});
