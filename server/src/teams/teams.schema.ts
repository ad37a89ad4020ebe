import { Type, type Static } from '@sinclair/typebox';
import { LanguageTag, Nullable, PageQuery, Text, TimeZone, Timestamp, Uuid } from '../http/schemas.js';

export const Team = Type.Object({
  id: Uuid,
  name: Type.String(),
  timeZone: Type.String(),
  languages: Type.Array(Type.String()),
  memberIds: Type.Array(Uuid),
  calendarId: Nullable(Uuid),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Team = Static<typeof Team>;

const teamFields = {
  name: Text(120),
  timeZone: TimeZone,
  languages: Type.Array(LanguageTag, { maxItems: 50, uniqueItems: true }),
  memberIds: Type.Array(Uuid, { maxItems: 500, uniqueItems: true }),
  calendarId: Type.Union([Uuid, Type.Null()], { description: "the team's business calendar; null for none" }),
};

export const CreateTeamBody = Type.Object(
  {
    name: teamFields.name,
    timeZone: teamFields.timeZone,
    languages: Type.Optional(teamFields.languages),
    memberIds: Type.Optional(teamFields.memberIds),
    calendarId: Type.Optional(teamFields.calendarId),
  },
  { additionalProperties: false },
);
export type CreateTeamBody = Static<typeof CreateTeamBody>;

/** A change: the fields sent replace the stored ones (memberIds the whole membership; calendarId null clears it). */
export const UpdateTeamBody = Type.Object(
  {
    name: Type.Optional(teamFields.name),
    timeZone: Type.Optional(teamFields.timeZone),
    languages: Type.Optional(teamFields.languages),
    memberIds: Type.Optional(teamFields.memberIds),
    calendarId: Type.Optional(teamFields.calendarId),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateTeamBody = Static<typeof UpdateTeamBody>;

export const ListTeamsQuery = Type.Object({ ...PageQuery, language: Type.Optional(LanguageTag) }, { additionalProperties: false });
export type ListTeamsQuery = Static<typeof ListTeamsQuery>;
