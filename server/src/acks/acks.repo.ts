import type { CalendarDefinition } from '../calendars/index.js';
import type { Queryable } from '../db/types.js';
import { DEFAULT_WINDOW_MINUTES } from './rate-limit.js';
import type { FirstReplySample } from './eta.js';

/** An agent's reply: outbound, written by an agent or through a token (system messages such as acknowledgements are not). */
const AGENT_REPLY = `m.direction = 'outbound' AND m.author_type IN ('agent', 'api')`;

export interface AckSettings {
  enabled: boolean;
  windowMinutes: number;
  updatedAt: Date | null;
}

export const DEFAULT_ACK_SETTINGS: AckSettings = { enabled: true, windowMinutes: DEFAULT_WINDOW_MINUTES, updatedAt: null };

export async function findAckSettings(q: Queryable, workspaceId: string): Promise<AckSettings> {
  const { rows } = await q.query<AckSettings>(
    `SELECT enabled, window_minutes AS "windowMinutes", updated_at AS "updatedAt" FROM acknowledgement_settings WHERE workspace_id = $1`,
    [workspaceId],
  );
  return rows[0] ?? DEFAULT_ACK_SETTINGS;
}

export async function saveAckSettings(q: Queryable, workspaceId: string, s: Omit<AckSettings, 'updatedAt'>, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO acknowledgement_settings (workspace_id, enabled, window_minutes, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (workspace_id) DO UPDATE SET enabled = $2, window_minutes = $3, updated_at = $4`,
    [workspaceId, s.enabled, s.windowMinutes, at],
  );
}

/** What the acknowledgement needs about a conversation, in one read. */
export interface AckFacts {
  status: string;
  language: string | null;
  teamId: string | null;
  createdAt: Date;
  customerId: string;
  customer: { locale: string | null; country: string | null; timeZone: string | null; formality: string | null; emails: string[] };
  /** The first message's direction and channel metadata (the headers it arrived with). */
  firstDirection: string | null;
  channelMeta: Record<string, string>;
  calendar: { id: string; definition: CalendarDefinition; updatedAt: Date } | null;
  answered: boolean;
  logged: boolean;
}

export async function ackFacts(q: Queryable, workspaceId: string, conversationId: string): Promise<AckFacts | undefined> {
  const { rows } = await q.query<AckFacts>(
    `SELECT c.status, c.language, c.team_id AS "teamId", c.created_at AS "createdAt", c.customer_id AS "customerId",
            jsonb_build_object('locale', cu.locale, 'country', cu.country, 'timeZone', cu.time_zone, 'formality', cu.formality,
              'emails', COALESCE((SELECT jsonb_agg(ci.value ORDER BY ci.position, ci.value) FROM customer_identities ci
                                   WHERE ci.workspace_id = cu.workspace_id AND ci.customer_id = cu.id AND ci.kind = 'email'), '[]')) AS customer,
            f.direction AS "firstDirection", COALESCE(f.channel_meta, '{}') AS "channelMeta",
            CASE WHEN cal.id IS NULL THEN NULL
                 ELSE jsonb_build_object('id', cal.id, 'definition', cal.definition, 'updatedAt', cal.updated_at) END AS calendar,
            EXISTS (SELECT 1 FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id AND ${AGENT_REPLY}) AS answered,
            EXISTS (SELECT 1 FROM acknowledgements a WHERE a.workspace_id = c.workspace_id AND a.conversation_id = c.id) AS logged
       FROM conversations c
       JOIN customers cu ON cu.workspace_id = c.workspace_id AND cu.id = c.customer_id
       LEFT JOIN LATERAL (SELECT direction, channel_meta FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id
                           ORDER BY m.created_at, m.id LIMIT 1) f ON true
       LEFT JOIN teams t ON t.workspace_id = c.workspace_id AND t.id = c.team_id
       LEFT JOIN calendars cal ON cal.workspace_id = t.workspace_id AND cal.id = t.calendar_id
      WHERE c.workspace_id = $1 AND c.id = $2`,
    [workspaceId, conversationId],
  );
  const r = rows[0];
  if (r?.calendar) r.calendar.updatedAt = new Date(r.calendar.updatedAt);
  return r;
}

/** The team condition on $2: an equality the (workspace_id, team_id, created_at) index serves, or no team. */
const teamIs = (teamId: string | null) => (teamId ? 'c.team_id = $2' : '(c.team_id IS NULL AND $2::uuid IS NULL)');

/**
 * The team's most recent first replies: customer-started conversations created in [since, before)
 * with an agent's reply, newest first, at most `limit`. A team of null means conversations
 * without a team.
 */
export async function recentFirstReplies(
  q: Queryable,
  workspaceId: string,
  teamId: string | null,
  since: Date,
  before: Date,
  limit: number,
): Promise<FirstReplySample[]> {
  const { rows } = await q.query<FirstReplySample>(
    `SELECT c.created_at AS "createdAt", r.at AS "firstReplyAt"
       FROM conversations c
       CROSS JOIN LATERAL (SELECT min(m.created_at) AS at FROM messages m
                            WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id AND ${AGENT_REPLY}) r
      WHERE c.workspace_id = $1 AND ${teamIs(teamId)} AND c.created_at >= $3 AND c.created_at < $4 AND r.at IS NOT NULL
        AND (SELECT m.direction FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id
              ORDER BY m.created_at, m.id LIMIT 1) = 'inbound'
      ORDER BY c.created_at DESC LIMIT $5`,
    [workspaceId, teamId, since, before, limit],
  );
  return rows.map((r) => ({ createdAt: new Date(r.createdAt), firstReplyAt: new Date(r.firstReplyAt) }));
}

/** Conversations of the team still waiting for a first reply (new or open), created in [since, before). */
export async function queueAhead(q: Queryable, workspaceId: string, teamId: string | null, since: Date, before: Date): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM conversations c
      WHERE c.workspace_id = $1 AND ${teamIs(teamId)} AND c.status IN ('new', 'open') AND c.created_at >= $3 AND c.created_at < $4
        AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id AND ${AGENT_REPLY})`,
    [workspaceId, teamId, since, before],
  );
  return rows[0]!.n;
}

/**
 * Agents who answer for the team (its members; every agent of the workspace when there is no team),
 * and how many of them read `language` (a primary subtag) fluently or natively.
 */
export async function answeringAgents(
  q: Queryable,
  workspaceId: string,
  teamId: string | null,
  language: string | null,
): Promise<{ agents: number; readers: number }> {
  const reads = `EXISTS (SELECT 1 FROM jsonb_array_elements(a.languages) l
                  WHERE lower(split_part(l->>'tag', '-', 1)) = $3 AND l->>'proficiency' IN ('native', 'fluent'))`;
  const from = teamId
    ? `FROM team_members m JOIN agents a ON a.workspace_id = m.workspace_id AND a.id = m.agent_id WHERE m.workspace_id = $1 AND m.team_id = $2`
    : `FROM agents a WHERE a.workspace_id = $1 AND $2::uuid IS NULL`;
  const { rows } = await q.query<{ agents: number; readers: number }>(
    `SELECT count(*)::int AS agents, (count(*) FILTER (WHERE ${reads}))::int AS readers ${from}`,
    [workspaceId, teamId, language ?? ''],
  );
  return rows[0]!;
}

/**
 * Serialises acknowledgement decisions for one sender until the transaction ends, so two
 * conversations from the same address cannot both pass the window check.
 */
export async function lockRecipient(q: Queryable, workspaceId: string, recipient: string): Promise<void> {
  await q.query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, [workspaceId, recipient]);
}

/** When an acknowledgement was last sent to this sender, if ever. */
export async function lastSentTo(q: Queryable, workspaceId: string, recipient: string): Promise<Date | null> {
  const { rows } = await q.query<{ at: Date }>(
    `SELECT sent_at AS at FROM acknowledgements WHERE workspace_id = $1 AND recipient = $2 AND sent_at IS NOT NULL
      ORDER BY sent_at DESC LIMIT 1`,
    [workspaceId, recipient],
  );
  return rows[0] ? new Date(rows[0].at) : null;
}

export interface AckLogRow {
  conversationId: string;
  recipient: string;
  decidedAt: Date;
  sentAt: Date | null;
  promisedAt: Date | null;
  language: string | null;
  text: string | null;
  messageId: string | null;
  suppressed: string | null;
  detail: string | null;
  basis: Record<string, unknown>;
}

/** Logs the decision; false when the conversation was decided before (the caller then writes nothing). */
export async function claimAck(q: Queryable, workspaceId: string, r: AckLogRow): Promise<boolean> {
  const { rowCount } = await q.query(
    `INSERT INTO acknowledgements (workspace_id, conversation_id, recipient, decided_at, sent_at, promised_at, language, text,
                                   message_id, suppressed, detail, basis)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING`,
    [
      workspaceId,
      r.conversationId,
      r.recipient,
      r.decidedAt,
      r.sentAt,
      r.promisedAt,
      r.language,
      r.text,
      r.messageId,
      r.suppressed,
      r.detail,
      JSON.stringify(r.basis),
    ],
  );
  return rowCount > 0;
}

export async function findAck(q: Queryable, workspaceId: string, conversationId: string): Promise<AckLogRow | undefined> {
  const { rows } = await q.query<AckLogRow>(
    `SELECT conversation_id AS "conversationId", recipient, decided_at AS "decidedAt", sent_at AS "sentAt", promised_at AS "promisedAt",
            language, text, message_id AS "messageId", suppressed, detail, basis
       FROM acknowledgements WHERE workspace_id = $1 AND conversation_id = $2`,
    [workspaceId, conversationId],
  );
  return rows[0];
}
