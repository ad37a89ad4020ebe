import type { CalendarDefinition } from '../calendars/index.js';
import type { Queryable } from '../db/types.js';
import type { SlaChange, SlaClock } from './clock.js';
import type { ConversationStatus } from './lifecycle.js';

/** The per-conversation row every SLA writer locks first. */
export interface SlaHeader {
  policyId: string | null;
  calendarId: string | null;
  status: ConversationStatus;
  awaitingReply: boolean;
  /** The instant of the last transition applied (transitions never move back in time). */
  lastAt: Date;
}

const HEADER = `policy_id AS "policyId", calendar_id AS "calendarId", status, awaiting_reply AS "awaitingReply", last_at AS "lastAt"`;

export async function lockHeader(q: Queryable, workspaceId: string, conversationId: string): Promise<SlaHeader | undefined> {
  const { rows } = await q.query<SlaHeader>(
    `SELECT ${HEADER} FROM sla_conversations WHERE workspace_id = $1 AND conversation_id = $2 FOR UPDATE`,
    [workspaceId, conversationId],
  );
  return rows[0];
}

export async function findHeader(q: Queryable, workspaceId: string, conversationId: string): Promise<SlaHeader | undefined> {
  const { rows } = await q.query<SlaHeader>(`SELECT ${HEADER} FROM sla_conversations WHERE workspace_id = $1 AND conversation_id = $2`, [
    workspaceId,
    conversationId,
  ]);
  return rows[0];
}

/** Inserts the header; false when one exists already (the creation was handled before). */
export async function insertHeader(q: Queryable, workspaceId: string, conversationId: string, h: SlaHeader): Promise<boolean> {
  const { rowCount } = await q.query(
    `INSERT INTO sla_conversations (workspace_id, conversation_id, policy_id, calendar_id, status, awaiting_reply, last_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
    [workspaceId, conversationId, h.policyId, h.calendarId, h.status, h.awaitingReply, h.lastAt],
  );
  return rowCount > 0;
}

export async function updateHeader(q: Queryable, workspaceId: string, conversationId: string, h: SlaHeader): Promise<void> {
  await q.query(
    `UPDATE sla_conversations SET calendar_id = $3, status = $4, awaiting_reply = $5, last_at = $6
      WHERE workspace_id = $1 AND conversation_id = $2`,
    [workspaceId, conversationId, h.calendarId, h.status, h.awaitingReply, h.lastAt],
  );
}

// Milliseconds are bigint columns: read as float8 so both drivers return numbers.
const CLOCK = `metric, cycle, time_basis AS "time", target_ms::float8 AS "targetMs", warn_before_ms::float8 AS "warnBeforeMs",
  started_at AS "startedAt", status, due_at AS "dueAt", warn_at AS "warnAt", paused_since AS "pausedSince",
  paused_ms::float8 AS "pausedMs", remaining_ms::float8 AS "remainingMs", warned_at AS "warnedAt", breached_at AS "breachedAt",
  achieved_at AS "achievedAt", stopped_at AS "stoppedAt"`;

/** Every cycle of every metric, oldest first (`latest`: only the latest cycle of each metric). */
export async function loadClocks(q: Queryable, workspaceId: string, conversationId: string, latest = false): Promise<SlaClock[]> {
  const { rows } = await q.query<SlaClock>(
    latest
      ? `SELECT DISTINCT ON (metric) ${CLOCK} FROM conversation_sla WHERE workspace_id = $1 AND conversation_id = $2
          ORDER BY metric, cycle DESC`
      : `SELECT ${CLOCK} FROM conversation_sla WHERE workspace_id = $1 AND conversation_id = $2 ORDER BY started_at, metric, cycle`,
    [workspaceId, conversationId],
  );
  return rows;
}

/** Writes the clocks as they are now (insert or replace, by metric and cycle). */
export async function saveClocks(q: Queryable, workspaceId: string, conversationId: string, policyId: string, clocks: SlaClock[]) {
  for (const c of clocks) {
    await q.query(
      `INSERT INTO conversation_sla (workspace_id, conversation_id, metric, cycle, policy_id, time_basis, target_ms, warn_before_ms,
              started_at, status, due_at, warn_at, paused_since, paused_ms, remaining_ms, warned_at, breached_at, achieved_at, stopped_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       ON CONFLICT (workspace_id, conversation_id, metric, cycle) DO UPDATE SET
         status = EXCLUDED.status, due_at = EXCLUDED.due_at, warn_at = EXCLUDED.warn_at, paused_since = EXCLUDED.paused_since,
         paused_ms = EXCLUDED.paused_ms, remaining_ms = EXCLUDED.remaining_ms, warned_at = EXCLUDED.warned_at,
         breached_at = EXCLUDED.breached_at, achieved_at = EXCLUDED.achieved_at, stopped_at = EXCLUDED.stopped_at`,
      [
        workspaceId,
        conversationId,
        c.metric,
        c.cycle,
        policyId,
        c.time,
        Math.round(c.targetMs),
        Math.round(c.warnBeforeMs),
        c.startedAt,
        c.status,
        c.dueAt,
        c.warnAt,
        c.pausedSince,
        Math.round(c.pausedMs),
        c.remainingMs === null ? null : Math.round(c.remainingMs),
        c.warnedAt,
        c.breachedAt,
        c.achievedAt,
        c.stoppedAt,
      ],
    );
  }
  // The inbox sorts by the earliest running due instant (sort=sla_due): kept on the header, which the caller holds locked.
  await q.query(
    `UPDATE sla_conversations s SET (next_due_at, next_due_metric) = (
       SELECT c.due_at, c.metric FROM conversation_sla c
        WHERE c.workspace_id = s.workspace_id AND c.conversation_id = s.conversation_id AND c.status = 'running' AND c.due_at IS NOT NULL
        ORDER BY c.due_at, c.metric LIMIT 1)
      WHERE s.workspace_id = $1 AND s.conversation_id = $2`,
    [workspaceId, conversationId],
  );
}

/**
 * Claims a change in the ledger: true the first time (the caller then writes its event in the same
 * transaction), false when it was recorded before — by an earlier run, a concurrent one, or the run
 * that crashed after committing it.
 */
export async function claimSlaEvent(q: Queryable, workspaceId: string, conversationId: string, c: SlaChange, at: Date): Promise<boolean> {
  const { rowCount } = await q.query(
    `INSERT INTO sla_events (workspace_id, conversation_id, metric, kind, cycle, at, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
    [workspaceId, conversationId, c.metric, c.kind, c.cycle, c.at, at],
  );
  return rowCount > 0;
}

/**
 * Conversations with a running clock past due or past its warning and not yet recorded, across
 * workspaces: like the outbox processor, the evaluator serves every workspace (each conversation
 * is then handled with its workspace id). Oldest deadline first.
 */
export async function dueConversations(q: Queryable, now: Date, limit: number): Promise<{ workspaceId: string; conversationId: string }[]> {
  const { rows } = await q.query<{ workspaceId: string; conversationId: string }>(
    `SELECT workspace_id AS "workspaceId", conversation_id AS "conversationId" FROM (
       SELECT workspace_id, conversation_id, due_at AS t FROM conversation_sla
        WHERE status = 'running' AND breached_at IS NULL AND due_at < $1
       UNION ALL
       SELECT workspace_id, conversation_id, warn_at FROM conversation_sla
        WHERE status = 'running' AND warned_at IS NULL AND breached_at IS NULL AND warn_at <= $1
     ) d GROUP BY workspace_id, conversation_id ORDER BY min(t) LIMIT $2`,
    [now, limit],
  );
  return rows;
}

/** What policy conditions and the calendar need about a conversation, in one read. */
export interface SlaConversationFacts {
  status: ConversationStatus;
  priority: string;
  channel: string;
  language: string | null;
  teamId: string | null;
  tier: string | null;
  country: string | null;
  segment: string | null;
  region: string | null;
  calendar: { id: string; definition: CalendarDefinition; updatedAt: Date } | null;
}

export async function conversationFacts(
  q: Queryable,
  workspaceId: string,
  conversationId: string,
): Promise<SlaConversationFacts | undefined> {
  const { rows } = await q.query<SlaConversationFacts>(
    `SELECT c.status, c.priority, c.channel, c.language, c.team_id AS "teamId", cu.tier, cu.country,
            cu.attributes->>'segment' AS segment, cu.attributes->>'region' AS region,
            CASE WHEN cal.id IS NULL THEN NULL
                 ELSE jsonb_build_object('id', cal.id, 'definition', cal.definition, 'updatedAt', cal.updated_at) END AS calendar
       FROM conversations c
       JOIN customers cu ON cu.workspace_id = c.workspace_id AND cu.id = c.customer_id
       LEFT JOIN teams t ON t.workspace_id = c.workspace_id AND t.id = c.team_id
       LEFT JOIN calendars cal ON cal.workspace_id = t.workspace_id AND cal.id = t.calendar_id
      WHERE c.workspace_id = $1 AND c.id = $2`,
    [workspaceId, conversationId],
  );
  const r = rows[0];
  if (r?.calendar) r.calendar.updatedAt = new Date(r.calendar.updatedAt);
  return r;
}

/** A calendar by id (the one the clocks counted on before the team or its calendar changed). */
export async function calendarById(q: Queryable, workspaceId: string, id: string): Promise<SlaConversationFacts['calendar']> {
  const { rows } = await q.query<NonNullable<SlaConversationFacts['calendar']>>(
    `SELECT id, definition, updated_at AS "updatedAt" FROM calendars WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id],
  );
  return rows[0] ?? null;
}

/** Who wrote a message and whether it was ever held for review (then it counts as a reply when released). */
export async function messageForSla(
  q: Queryable,
  workspaceId: string,
  messageId: string,
): Promise<{ direction: string; authorType: string; held: boolean } | undefined> {
  const { rows } = await q.query<{ direction: string; authorType: string; held: boolean }>(
    `SELECT m.direction, m.author_type AS "authorType",
            EXISTS (SELECT 1 FROM outbound_reviews r WHERE r.workspace_id = m.workspace_id AND r.message_id = m.id) AS held
       FROM messages m WHERE m.workspace_id = $1 AND m.id = $2`,
    [workspaceId, messageId],
  );
  return rows[0];
}
