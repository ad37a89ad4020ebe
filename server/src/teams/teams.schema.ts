import { Type, type Static } from '@sinclair/typebox';
import { LanguageTag, PageQuery, Text, TimeZone, Timestamp, Uuid } from '../http/schemas.js';

export const Team = Type.Object({
  id: Uuid,
  name: Type.String(),
  timeZone: Type.String(),
  languages: Type.Array(Type.String()),
  memberIds: Type.Array(Uuid),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Team = Static<typeof Team>;

export const CreateTeamBody = Type.Object(
  {
    name: Text(120),
    timeZone: TimeZone,
    languages: Type.Optional(Type.Array(LanguageTag, { maxItems: 50, uniqueItems: true })),
    memberIds: Type.Optional(Type.Array(Uuid, { maxItems: 500, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CreateTeamBody = Static<typeof CreateTeamBody>;

export const ListTeamsQuery = Type.Object({ ...PageQuery, language: Type.Optional(LanguageTag) }, { additionalProperties: false });
export type ListTeamsQuery = Static<typeof ListTeamsQuery>;
