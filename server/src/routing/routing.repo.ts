import type { CalendarDefinition } from '../calendars/calendar.schema.js';
import type { Queryable } from '../db/types.js';
import type { RoutingDecisionRecord } from './routing.schema.js';
import type {
  AssignmentMode,
  FollowTheSunChain,
  LanguageFallback,
  Priority,
  Proficiency,
  RoundRobinState,
  RoutingAgent,
  RoutingDecision,
  RoutingRule,
} from './types.js';

/** What a team routes with when the lead has set nothing for it. */
export const TEAM_DEFAULTS = { mode: 'round_robin', bar: 'fluent', fallbacks: [] } as const;

export interface TeamConfig {
  id: string;
  name: string;
  languages: string[];
  mode: AssignmentMode;
  bar: Proficiency;
  fallbacks: LanguageFallback[];
  /** Whether the team has settings of its own (else the defaults above). */
  customized: boolean;
  calendar: { id: string; definition: CalendarDefinition; updatedAt: Date } | null;
}

export interface RoutingConfig {
  /** Oldest first: "the first team declaring the language" and the default team follow this order. */
  teams: TeamConfig[];
  /** In the order they are tried. */
  rules: RoutingRule[];
  chains: FollowTheSunChain[];
}

/**
 * Whether the workspace has a team at all: what the create path asks first, since the statement below
 * costs about half a millisecond of PostgreSQL CPU to plan, more than the rest of an ingest.
 */
export async function hasTeams(q: Queryable, workspaceId: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM teams WHERE workspace_id = $1 LIMIT 1', [workspaceId]);
  return rows.length > 0;
}

/**
 * Teams (with their settings and calendars), rules and chains in one statement, so one routing
 * never sees half of a lead's change.
 */
export async function loadRoutingConfig(q: Queryable, workspaceId: string): Promise<RoutingConfig> {
  const { rows } = await q.query<{
    teams: (Omit<TeamConfig, 'calendar'> & { calendar: TeamConfig['calendar'] })[];
    rules: RoutingRule[];
    chains: FollowTheSunChain[];
  }>(
    `SELECT
       (SELECT COALESCE(json_agg(json_build_object(
                 'id', t.id, 'name', t.name, 'languages', t.languages,
                 'mode', COALESCE(s.mode, $2), 'bar', COALESCE(s.proficiency_bar, $3), 'fallbacks', COALESCE(s.fallbacks, '[]'::jsonb),
                 'customized', s.team_id IS NOT NULL,
                 'calendar', CASE WHEN cal.id IS NULL THEN NULL
                                  ELSE json_build_object('id', cal.id, 'definition', cal.definition, 'updatedAt', cal.updated_at) END)
               ORDER BY t.created_at, t.id), '[]')
          FROM teams t
          LEFT JOIN routing_team_settings s ON s.workspace_id = t.workspace_id AND s.team_id = t.id
          LEFT JOIN calendars cal ON cal.workspace_id = t.workspace_id AND cal.id = t.calendar_id
         WHERE t.workspace_id = $1) AS teams,
       (SELECT COALESCE(json_agg(json_build_object('id', r.id, 'name', r.name, 'when', r.conditions, 'teamId', r.team_id)
               ORDER BY r.position), '[]')
          FROM routing_rules r WHERE r.workspace_id = $1) AS rules,
       (SELECT COALESCE(json_agg(json_build_object('id', c.id, 'name', c.name, 'teamIds',
                 (SELECT json_agg(ct.team_id ORDER BY ct.position) FROM routing_chain_teams ct
                   WHERE ct.workspace_id = c.workspace_id AND ct.chain_id = c.id))
               ORDER BY c.position), '[]')
          FROM routing_chains c WHERE c.workspace_id = $1) AS chains`,
    [workspaceId, TEAM_DEFAULTS.mode, TEAM_DEFAULTS.bar],
  );
  const r = rows[0]!;
  for (const t of r.teams) if (t.calendar) t.calendar.updatedAt = new Date(t.calendar.updatedAt);
  return r;
}

export interface RoutingSettingsWrite {
  rules: (RoutingRule & { position: number })[];
  chains: (FollowTheSunChain & { position: number })[];
  teams: { teamId: string; mode: AssignmentMode; bar: Proficiency; fallbacks: LanguageFallback[] }[];
}

/** Replaces the workspace's rules, chains and team settings with `s` (ids as given). */
export async function replaceRoutingSettings(q: Queryable, workspaceId: string, s: RoutingSettingsWrite): Promise<void> {
  // Chains first: deleting them takes their links along (ON DELETE CASCADE).
  await q.query('DELETE FROM routing_chains WHERE workspace_id = $1', [workspaceId]);
  await q.query('DELETE FROM routing_rules WHERE workspace_id = $1', [workspaceId]);
  await q.query('DELETE FROM routing_team_settings WHERE workspace_id = $1', [workspaceId]);
  if (s.rules.length > 0) {
    await q.query(
      `INSERT INTO routing_rules (workspace_id, id, position, name, conditions, team_id)
       SELECT $1, r.id, r.position, r.name, r.conditions, r.team_id
         FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, position int, name text, conditions jsonb, team_id uuid)`,
      [
        workspaceId,
        JSON.stringify(s.rules.map((r) => ({ id: r.id, position: r.position, name: r.name, conditions: r.when, team_id: r.teamId }))),
      ],
    );
  }
  if (s.chains.length > 0) {
    await q.query(
      `INSERT INTO routing_chains (workspace_id, id, position, name)
       SELECT $1, c.id, c.position, c.name FROM jsonb_to_recordset($2::jsonb) AS c(id uuid, position int, name text)`,
      [workspaceId, JSON.stringify(s.chains.map((c) => ({ id: c.id, position: c.position, name: c.name })))],
    );
    const links = s.chains.flatMap((c) => c.teamIds.map((teamId, position) => ({ chain_id: c.id, position, team_id: teamId })));
    await q.query(
      `INSERT INTO routing_chain_teams (workspace_id, chain_id, position, team_id)
       SELECT $1, l.chain_id, l.position, l.team_id FROM jsonb_to_recordset($2::jsonb) AS l(chain_id uuid, position int, team_id uuid)`,
      [workspaceId, JSON.stringify(links)],
    );
  }
  if (s.teams.length > 0) {
    await q.query(
      `INSERT INTO routing_team_settings (workspace_id, team_id, mode, proficiency_bar, fallbacks)
       SELECT $1, t.team_id, t.mode, t.bar, t.fallbacks FROM jsonb_to_recordset($2::jsonb) AS t(team_id uuid, mode text, bar text, fallbacks jsonb)`,
      [workspaceId, JSON.stringify(s.teams.map((t) => ({ team_id: t.teamId, mode: t.mode, bar: t.bar, fallbacks: t.fallbacks })))],
    );
  }
}

/** What a rule can ask about a conversation, in one read; the conversation row locked when `forUpdate`. */
export interface RoutingFacts {
  status: string;
  priority: Priority;
  channel: string;
  language: string | null;
  subject: string | null;
  tags: string[];
  teamId: string | null;
  assigneeId: string | null;
  country: string | null;
  region: string | null;
  tier: string | null;
  firstText: string | null;
}

export async function routingFacts(
  q: Queryable,
  workspaceId: string,
  conversationId: string,
  forUpdate: boolean,
): Promise<RoutingFacts | undefined> {
  const { rows } = await q.query<RoutingFacts>(
    `SELECT c.status, c.priority, c.channel, c.language, c.subject, c.tags, c.team_id AS "teamId", c.assignee_id AS "assigneeId",
            cu.country, cu.attributes->>'region' AS region, cu.tier,
            (SELECT m.text FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id
              ORDER BY m.created_at, m.id LIMIT 1) AS "firstText"
       FROM conversations c
       JOIN customers cu ON cu.workspace_id = c.workspace_id AND cu.id = c.customer_id
      WHERE c.workspace_id = $1 AND c.id = $2${forUpdate ? ' FOR UPDATE OF c' : ''}`,
    [workspaceId, conversationId],
  );
  return rows[0];
}

/**
 * Locks every team's round-robin row (in id order, so two routings never wait on each other crosswise)
 * and returns the cursors. Holding these until commit is what makes concurrent routing in a workspace
 * take turns: the next routing reads the cursor and the agents' loads only after this one has committed
 * its pick. Rows are created for teams that have none yet.
 */
export async function lockRoundRobin(q: Queryable, workspaceId: string, teamIds: string[]): Promise<RoundRobinState> {
  const lock = async () =>
    (
      await q.query<{ teamId: string; lastAgentId: string | null }>(
        `SELECT team_id AS "teamId", last_agent_id AS "lastAgentId" FROM routing_round_robin
          WHERE workspace_id = $1 ORDER BY team_id FOR UPDATE`,
        [workspaceId],
      )
    ).rows;
  let rows = await lock();
  const have = new Set(rows.map((r) => r.teamId));
  if (teamIds.some((id) => !have.has(id))) {
    await q.query(
      `INSERT INTO routing_round_robin (workspace_id, team_id)
       SELECT workspace_id, id FROM teams WHERE workspace_id = $1 ORDER BY id ON CONFLICT DO NOTHING`,
      [workspaceId],
    );
    rows = await lock();
  }
  const state: RoundRobinState = {};
  for (const r of rows) if (r.lastAgentId) state[r.teamId] = r.lastAgentId;
  return state;
}

export async function saveRoundRobin(q: Queryable, workspaceId: string, teamId: string, agentId: string): Promise<void> {
  await q.query('UPDATE routing_round_robin SET last_agent_id = $3 WHERE workspace_id = $1 AND team_id = $2', [
    workspaceId,
    teamId,
    agentId,
  ]);
}

/**
 * Team members with their live load: conversations assigned to them in status new, open or on_hold.
 * Pending ones wait on the customer and solved/closed ones are done, so neither takes an agent's
 * attention now. `exceptConversationId` (the one being routed) is left out: routing it again must not
 * count it against the agent who has it.
 */
export async function routingAgents(q: Queryable, workspaceId: string, exceptConversationId: string): Promise<RoutingAgent[]> {
  const { rows } = await q.query<RoutingAgent>(
    `SELECT a.id, a.name, a.languages, a.status, a.capacity, array_agg(tm.team_id ORDER BY tm.team_id) AS "teamIds",
            (SELECT count(*)::int FROM conversations c
              WHERE c.workspace_id = a.workspace_id AND c.assignee_id = a.id AND c.status IN ('new', 'open', 'on_hold')
                AND c.id <> $2) AS load
       FROM agents a
       JOIN team_members tm ON tm.workspace_id = a.workspace_id AND tm.agent_id = a.id
      WHERE a.workspace_id = $1
      GROUP BY a.id`,
    [workspaceId, exceptConversationId],
  );
  return rows;
}

const DECISION_COLS = `id, conversation_id AS "conversationId", decided_at AS "decidedAt", trigger, team_id AS "teamId",
  agent_id AS "agentId", urgent, served_in AS "servedIn", handover, steps`;

export type DecisionRow = Omit<RoutingDecisionRecord, 'decidedAt'> & { decidedAt: Date };

export async function insertDecision(
  q: Queryable,
  workspaceId: string,
  d: { id: string; conversationId: string; trigger: DecisionRow['trigger']; decision: RoutingDecision },
  at: Date,
): Promise<DecisionRow> {
  const { rows } = await q.query<DecisionRow>(
    `INSERT INTO routing_decisions (workspace_id, id, conversation_id, decided_at, trigger, team_id, agent_id, urgent, served_in, handover, steps)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${DECISION_COLS}`,
    [
      workspaceId,
      d.id,
      d.conversationId,
      at,
      d.trigger,
      d.decision.teamId,
      d.decision.agentId,
      d.decision.urgent,
      d.decision.servedIn,
      d.decision.handover === null ? null : JSON.stringify(d.decision.handover),
      JSON.stringify(d.decision.steps),
    ],
  );
  return rows[0]!;
}

/** A conversation's decisions, newest first (at most `limit`). */
export async function listDecisions(q: Queryable, workspaceId: string, conversationId: string, limit: number): Promise<DecisionRow[]> {
  const { rows } = await q.query<DecisionRow>(
    `SELECT ${DECISION_COLS} FROM routing_decisions WHERE workspace_id = $1 AND conversation_id = $2
      ORDER BY decided_at DESC, id DESC LIMIT $3`,
    [workspaceId, conversationId, limit],
  );
  return rows;
}

/** Serialises changes to one workspace's settings (two PUTs at once would clash on rule positions). */
export async function lockRoutingSettings(q: Queryable, workspaceId: string): Promise<void> {
  await q.query(`SELECT pg_advisory_xact_lock(hashtext('routing:' || $1::text))`, [workspaceId]);
}

/**
 * Conversations waiting in these teams for an agent, urgent first, then oldest first: the order a
 * freed-up agent should take them in. Reads without locking; routing locks each one before taking it.
 */
export async function queuedConversations(q: Queryable, workspaceId: string, teamIds: string[], limit: number): Promise<string[]> {
  if (teamIds.length === 0 || limit <= 0) return [];
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM conversations
      WHERE workspace_id = $1 AND team_id = ANY($2::uuid[]) AND assignee_id IS NULL AND status IN ('new', 'open')
      ORDER BY (priority = 'urgent') DESC, created_at, id
      LIMIT $3`,
    [workspaceId, teamIds, limit],
  );
  return rows.map((r) => r.id);
}
