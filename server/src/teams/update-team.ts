import type { Queryable } from '../db/types.js';
import { recordChange } from '../events/events.repo.js';
import { notFound } from '../lib/errors.js';
import { assertTimeZone } from '../lib/time-zone.js';
import { assertCalendar, assertMembers, assertTeamNameFree, type Actor } from './create-team.js';
import { findTeam, replaceMembers, updateTeamRow, type TeamRow } from './teams.repo.js';
import type { UpdateTeamBody } from './teams.schema.js';

/** Changes the fields sent; `memberIds` replaces the membership, `calendarId: null` leaves the team without a calendar. */
export async function updateTeam(
  tx: Queryable,
  workspaceId: string,
  actor: Actor,
  id: string,
  body: UpdateTeamBody,
  at: Date,
): Promise<TeamRow> {
  const current = await findTeam(tx, workspaceId, id);
  if (!current) throw notFound('team');
  if (body.timeZone !== undefined) assertTimeZone(body.timeZone, '/timeZone');
  if (body.memberIds !== undefined) await assertMembers(tx, workspaceId, body.memberIds);
  if (body.calendarId !== undefined) await assertCalendar(tx, workspaceId, body.calendarId);
  if (body.name !== undefined && body.name !== current.name) await assertTeamNameFree(tx, workspaceId, body.name, id);
  await updateTeamRow(
    tx,
    workspaceId,
    id,
    {
      name: body.name ?? current.name,
      timeZone: body.timeZone ?? current.timeZone,
      languages: body.languages ?? current.languages,
      calendarId: body.calendarId === undefined ? current.calendarId : body.calendarId,
    },
    at,
  );
  if (body.memberIds !== undefined) await replaceMembers(tx, workspaceId, id, body.memberIds);
  const changed = Object.keys(body);
  await recordChange(
    tx,
    workspaceId,
    { type: 'team.updated', subjectId: id, payload: { teamId: id, changed } },
    { ...actor, action: 'team.update', targetType: 'team', targetId: id, data: { changed } },
    at,
  );
  return (await findTeam(tx, workspaceId, id))!;
}
