import type { Queryable } from '../db/types.js';
import type { Cursor } from '../http/cursor.js';
import type { Agent, CreateAgentBody, ListAgentsQuery } from './agents.schema.js';

const COLS = `a.id, a.email, a.name, a.role, a.time_zone AS "timeZone", a.languages, a.capacity, a.status, a.ui_locale AS "uiLocale",
  a.created_at AS "createdAt", a.updated_at AS "updatedAt",
  COALESCE((SELECT array_agg(tm.team_id ORDER BY tm.team_id) FROM team_members tm
             WHERE tm.workspace_id = a.workspace_id AND tm.agent_id = a.id), '{}') AS "teamIds"`;

export type AgentRow = Omit<Agent, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };

export async function insertAgent(
  q: Queryable,
  workspaceId: string,
  a: Required<Omit<CreateAgentBody, 'password'>> & { id: string; passwordHash: string | null },
  at: Date,
): Promise<AgentRow> {
  await q.query(
    `INSERT INTO agents (id, workspace_id, email, name, role, password_hash, time_zone, languages, capacity, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
    [
      a.id,
      workspaceId,
      a.email.toLowerCase(),
      a.name,
      a.role,
      a.passwordHash,
      a.timeZone,
      JSON.stringify(a.languages),
      a.capacity,
      a.status,
      at,
    ],
  );
  return (await findAgent(q, workspaceId, a.id))!;
}

export async function findAgent(q: Queryable, workspaceId: string, id: string): Promise<AgentRow | undefined> {
  const { rows } = await q.query<AgentRow>(`SELECT ${COLS} FROM agents a WHERE a.workspace_id = $1 AND a.id = $2`, [workspaceId, id]);
  return rows[0];
}

export async function findAgentByEmail(q: Queryable, workspaceId: string, email: string): Promise<AgentRow | undefined> {
  const { rows } = await q.query<AgentRow>(`SELECT ${COLS} FROM agents a WHERE a.workspace_id = $1 AND a.email = $2`, [
    workspaceId,
    email.toLowerCase(),
  ]);
  return rows[0];
}

export async function agentsExist(q: Queryable, workspaceId: string, ids: string[]): Promise<Set<string>> {
  const { rows } = await q.query<{ id: string }>('SELECT id FROM agents WHERE workspace_id = $1 AND id = ANY($2::uuid[])', [
    workspaceId,
    ids,
  ]);
  return new Set(rows.map((r) => r.id));
}

export async function listAgents(
  q: Queryable,
  workspaceId: string,
  f: ListAgentsQuery & { limit: number },
  after?: Cursor,
): Promise<AgentRow[]> {
  const where = ['a.workspace_id = $1'];
  const params: unknown[] = [workspaceId];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.role) add('a.role = ?', f.role);
  if (f.teamId)
    add(
      'EXISTS (SELECT 1 FROM team_members tm WHERE tm.workspace_id = a.workspace_id AND tm.agent_id = a.id AND tm.team_id = ?)',
      f.teamId,
    );
  if (f.language) add(`a.languages @> jsonb_build_array(jsonb_build_object('tag', ?::text))`, f.language);
  if (after) {
    params.push(after.at, after.id);
    where.push(`(a.created_at, a.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(f.limit + 1);
  const { rows } = await q.query<AgentRow>(
    `SELECT ${COLS} FROM agents a WHERE ${where.join(' AND ')} ORDER BY a.created_at, a.id LIMIT $${params.length}`,
    params,
  );
  return rows;
}

/** The languages of the agents who read a team's conversations (every agent when there is no team). */
export async function readerLanguages(q: Queryable, workspaceId: string, teamId: string | null): Promise<AgentRow['languages'][]> {
  const { rows } = await q.query<{ languages: AgentRow['languages'] }>(
    teamId
      ? `SELECT a.languages FROM agents a JOIN team_members tm ON tm.workspace_id = a.workspace_id AND tm.agent_id = a.id
          WHERE a.workspace_id = $1 AND tm.team_id = $2`
      : 'SELECT languages FROM agents WHERE workspace_id = $1',
    teamId ? [workspaceId, teamId] : [workspaceId],
  );
  return rows.map((r) => r.languages);
}

export type AgentChanges = Partial<Pick<AgentRow, 'name' | 'role' | 'timeZone' | 'languages' | 'capacity' | 'status' | 'uiLocale'>>;

const CHANGE_COLUMNS: Record<keyof AgentChanges, string> = {
  name: 'name',
  role: 'role',
  timeZone: 'time_zone',
  languages: 'languages',
  capacity: 'capacity',
  status: 'status',
  uiLocale: 'ui_locale',
};

/** Locks the agent's row, so two changes to one agent apply one after the other. */
export async function lockAgent(q: Queryable, workspaceId: string, id: string): Promise<AgentRow | undefined> {
  const { rows } = await q.query<{ id: string }>('SELECT id FROM agents WHERE workspace_id = $1 AND id = $2 FOR UPDATE', [workspaceId, id]);
  return rows[0] ? findAgent(q, workspaceId, id) : undefined;
}

export async function updateAgentRow(q: Queryable, workspaceId: string, id: string, changes: AgentChanges, at: Date): Promise<AgentRow> {
  const sets: string[] = [];
  const params: unknown[] = [workspaceId, id, at];
  for (const [key, value] of Object.entries(changes) as [keyof AgentChanges, unknown][]) {
    if (value === undefined) continue;
    params.push(key === 'languages' ? JSON.stringify(value) : value);
    sets.push(`${CHANGE_COLUMNS[key]} = $${params.length}`);
  }
  await q.query(`UPDATE agents SET ${[...sets, 'updated_at = $3'].join(', ')} WHERE workspace_id = $1 AND id = $2`, params);
  return (await findAgent(q, workspaceId, id))!;
}

/** How many conversations the agent holds now (what capacity is measured against). */
export async function agentLoad(q: Queryable, workspaceId: string, id: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM conversations WHERE workspace_id = $1 AND assignee_id = $2 AND status IN ('new', 'open', 'on_hold')`,
    [workspaceId, id],
  );
  return rows[0]!.n;
}

export async function countOtherAdmins(q: Queryable, workspaceId: string, exceptId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM agents WHERE workspace_id = $1 AND role = 'admin' AND id <> $2`,
    [workspaceId, exceptId],
  );
  return rows[0]!.n;
}
