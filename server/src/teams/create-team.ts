import type { Queryable } from '../db/types.js';
import { agentsExist } from '../agents/agents.repo.js';
import { calendarExists } from '../calendars/calendars.repo.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { recordChange } from '../events/events.repo.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { assertTimeZone } from '../lib/time-zone.js';
import { findTeamByName, insertTeam, type TeamRow } from './teams.repo.js';
import type { CreateTeamBody } from './teams.schema.js';

export type Actor = Pick<AuditEntry, 'actorType' | 'actorId'>;

/** Body references are looked up in the caller's workspace only: another workspace's id is "no such". */
export async function assertMembers(tx: Queryable, workspaceId: string, memberIds: string[]): Promise<void> {
  const found = await agentsExist(tx, workspaceId, memberIds);
  const missing = memberIds.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new AppError('not_found', 'agent not found', [{ path: `body/memberIds/${missing}`, message: 'no such agent' }]);
}

export async function assertCalendar(tx: Queryable, workspaceId: string, calendarId: string | null): Promise<void> {
  if (calendarId !== null && !(await calendarExists(tx, workspaceId, calendarId))) {
    throw new AppError('not_found', 'calendar not found', [{ path: 'body/calendarId', message: 'no such calendar' }]);
  }
}

export async function assertTeamNameFree(tx: Queryable, workspaceId: string, name: string, self?: string): Promise<void> {
  const other = await findTeamByName(tx, workspaceId, name);
  if (other && other.id !== self) {
    throw new AppError('already_exists', 'a team with this name exists', [{ path: 'body/name', message: 'taken' }]);
  }
}

export async function createTeam(tx: Queryable, workspaceId: string, actor: Actor, body: CreateTeamBody, at: Date): Promise<TeamRow> {
  assertTimeZone(body.timeZone, '/timeZone');
  const memberIds = body.memberIds ?? [];
  const calendarId = body.calendarId ?? null;
  await assertMembers(tx, workspaceId, memberIds);
  await assertCalendar(tx, workspaceId, calendarId);
  await assertTeamNameFree(tx, workspaceId, body.name);
  const team = await insertTeam(
    tx,
    workspaceId,
    { id: newId(), name: body.name, timeZone: body.timeZone, languages: body.languages ?? [], calendarId, memberIds },
    at,
  );
  await recordChange(
    tx,
    workspaceId,
    { type: 'team.created', subjectId: team.id, payload: { teamId: team.id } },
    { ...actor, action: 'team.create', targetType: 'team', targetId: team.id },
    at,
  );
  return team;
}
