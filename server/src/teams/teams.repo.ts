import type { Queryable } from '../db/types.js';
import type { Cursor } from '../http/cursor.js';
import type { ListTeamsQuery, Team } from './teams.schema.js';

export type TeamRow = Omit<Team, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };
/** The team's own columns (members live in team_members). */
export type TeamFields = Pick<TeamRow, 'name' | 'timeZone' | 'languages' | 'calendarId'>;

const COLS = `t.id, t.name, t.time_zone AS "timeZone", t.languages, t.calendar_id AS "calendarId",
  t.created_at AS "createdAt", t.updated_at AS "updatedAt",
  COALESCE((SELECT array_agg(tm.agent_id ORDER BY tm.agent_id) FROM team_members tm
             WHERE tm.workspace_id = t.workspace_id AND tm.team_id = t.id), '{}') AS "memberIds"`;

export async function insertTeam(
  q: Queryable,
  workspaceId: string,
  t: TeamFields & { id: string; memberIds: string[] },
  at: Date,
): Promise<TeamRow> {
  await q.query(
    `INSERT INTO teams (id, workspace_id, name, time_zone, languages, calendar_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
    [t.id, workspaceId, t.name, t.timeZone, t.languages, t.calendarId, at],
  );
  await addMembers(q, workspaceId, t.id, t.memberIds);
  return (await findTeam(q, workspaceId, t.id))!;
}

async function addMembers(q: Queryable, workspaceId: string, teamId: string, memberIds: string[]): Promise<void> {
  if (memberIds.length === 0) return;
  await q.query(`INSERT INTO team_members (workspace_id, team_id, agent_id) SELECT $1, $2, unnest($3::uuid[])`, [
    workspaceId,
    teamId,
    memberIds,
  ]);
}

export async function updateTeamRow(q: Queryable, workspaceId: string, id: string, t: TeamFields, at: Date): Promise<void> {
  await q.query(
    `UPDATE teams SET name = $3, time_zone = $4, languages = $5, calendar_id = $6, updated_at = $7 WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id, t.name, t.timeZone, t.languages, t.calendarId, at],
  );
}

/** Makes the team's members exactly `memberIds`. */
export async function replaceMembers(q: Queryable, workspaceId: string, teamId: string, memberIds: string[]): Promise<void> {
  await q.query(`DELETE FROM team_members WHERE workspace_id = $1 AND team_id = $2 AND NOT (agent_id = ANY($3::uuid[]))`, [
    workspaceId,
    teamId,
    memberIds,
  ]);
  await q.query(
    `INSERT INTO team_members (workspace_id, team_id, agent_id) SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT (team_id, agent_id) DO NOTHING`,
    [workspaceId, teamId, memberIds],
  );
}

export async function findTeam(q: Queryable, workspaceId: string, id: string): Promise<TeamRow | undefined> {
  const { rows } = await q.query<TeamRow>(`SELECT ${COLS} FROM teams t WHERE t.workspace_id = $1 AND t.id = $2`, [workspaceId, id]);
  return rows[0];
}

export async function findTeamByName(q: Queryable, workspaceId: string, name: string): Promise<TeamRow | undefined> {
  const { rows } = await q.query<TeamRow>(`SELECT ${COLS} FROM teams t WHERE t.workspace_id = $1 AND t.name = $2`, [workspaceId, name]);
  return rows[0];
}

export async function teamExists(q: Queryable, workspaceId: string, id: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM teams WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
  return rows.length > 0;
}

export async function listTeams(
  q: Queryable,
  workspaceId: string,
  f: ListTeamsQuery & { limit: number },
  after?: Cursor,
): Promise<TeamRow[]> {
  const params: unknown[] = [workspaceId];
  const where = ['t.workspace_id = $1'];
  if (f.language) {
    params.push(f.language);
    where.push(`$${params.length} = ANY(t.languages)`);
  }
  if (after) {
    params.push(after.at, after.id);
    where.push(`(t.created_at, t.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(f.limit + 1);
  const { rows } = await q.query<TeamRow>(
    `SELECT ${COLS} FROM teams t WHERE ${where.join(' AND ')} ORDER BY t.created_at, t.id LIMIT $${params.length}`,
    params,
  );
  return rows;
}
