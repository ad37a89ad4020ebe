import { Type, type Static } from '@sinclair/typebox';
import { Timestamp } from '../http/schemas.js';

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
