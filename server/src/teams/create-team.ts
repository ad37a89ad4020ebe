import type { Queryable } from '../db/types.js';
import { agentsExist } from '../agents/agents.repo.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { recordChange } from '../events/events.repo.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { assertTimeZone } from '../lib/time-zone.js';
import { findTeamByName, insertTeam, type TeamRow } from './teams.repo.js';
import type { CreateTeamBody } from './teams.schema.js';

export async function createTeam(
  tx: Queryable,
  workspaceId: string,
  actor: Pick<AuditEntry, 'actorType' | 'actorId'>,
  body: CreateTeamBody,
  at: Date,
): Promise<TeamRow> {
  assertTimeZone(body.timeZone, '/timeZone');
  const memberIds = body.memberIds ?? [];
  const found = await agentsExist(tx, workspaceId, memberIds);
  const missing = memberIds.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new AppError('not_found', 'agent not found', [{ path: `body/memberIds/${missing}`, message: 'no such agent' }]);
  if (await findTeamByName(tx, workspaceId, body.name)) {
    throw new AppError('already_exists', 'a team with this name exists', [{ path: 'body/name', message: 'taken' }]);
  }
  const team = await insertTeam(
    tx,
    workspaceId,
    { id: newId(), name: body.name, timeZone: body.timeZone, languages: body.languages ?? [], memberIds },
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
