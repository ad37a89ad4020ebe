import type { Queryable } from '../db/types.js';
import type { AuditEntry } from './audit.repo.js';

export interface NewEvent {
  type: string;
  subjectId?: string | null;
  payload: Record<string, unknown>;
}

export interface EventRow {
  id: number;
  workspaceId: string;
  type: string;
  subjectId: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** Writes an outbox event inside the caller's transaction. */
export async function appendEvent(q: Queryable, workspaceId: string, ev: NewEvent, at: Date): Promise<void> {
  await q.query('INSERT INTO events (workspace_id, type, subject_id, payload, created_at) VALUES ($1, $2, $3, $4, $5)', [
    workspaceId,
    ev.type,
    ev.subjectId ?? null,
    JSON.stringify(ev.payload),
    at,
  ]);
}

export interface OutboxCursor {
  txid: string;
  eventId: number;
}

/**
 * Writes the outbox event and the audit entry of one change in a single statement: every
 * command records both, and one round trip instead of two matters on the create path.
 */
export async function recordChange(q: Queryable, workspaceId: string, ev: NewEvent, audit: AuditEntry, at: Date): Promise<void> {
  await q.query(
    `WITH ev AS (
       INSERT INTO events (workspace_id, type, subject_id, payload, created_at) VALUES ($1, $2, $3, $4, $5)
     )
     INSERT INTO audit_log (workspace_id, actor_type, actor_id, action, target_type, target_id, data, created_at)
     VALUES ($1, $6, $7, $8, $9, $10, $11, $5)`,
    [
      workspaceId,
      ev.type,
      ev.subjectId ?? null,
      JSON.stringify(ev.payload),
      at,
      audit.actorType,
      audit.actorId,
      audit.action,
      audit.targetType ?? null,
      audit.targetId ?? null,
      JSON.stringify(audit.data ?? {}),
    ],
  );
}

/**
 * Locks the named cursor for this transaction, or returns undefined when another processor
 * holds it (it is draining; this one has nothing to do).
 */
export async function lockCursor(q: Queryable, name: string): Promise<OutboxCursor | undefined> {
  const { rows } = await q.query<OutboxCursor>(
    `SELECT txid::text AS txid, event_id AS "eventId" FROM outbox_cursors WHERE name = $1 FOR UPDATE SKIP LOCKED`,
    [name],
  );
  return rows[0];
}

/** An event as the outbox processor reads it, with the writing transaction's id for the cursor. */
const OUTBOX_COLUMNS = `id, workspace_id AS "workspaceId", type, subject_id AS "subjectId", payload, created_at AS "createdAt", txid::text AS txid`;

/**
 * Events after the cursor, in commit-safe order: only those written by transactions older than
 * every transaction still running, so nothing can later commit behind them.
 * Cross-workspace by design: this is the processor, not a request path.
 */
export async function eventsAfter(q: Queryable, c: OutboxCursor, limit: number): Promise<(EventRow & { txid: string })[]> {
  const { rows } = await q.query<EventRow & { txid: string }>(
    `SELECT ${OUTBOX_COLUMNS}
       FROM events
      WHERE (txid, id) > ($1::xid8, $2::bigint) AND txid < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY txid, id LIMIT $3`,
    [c.txid, c.eventId, limit],
  );
  return rows;
}

/**
 * The live tail's read: events after an in-memory position, each marked `settled` when no running
 * transaction can still commit an event before it. The caller stops at the first unsettled row and
 * looks again shortly, instead of waiting for the next commit to ask. Outside any transaction.
 */
export async function eventsSince(
  q: Queryable,
  c: OutboxCursor,
  limit: number,
): Promise<(EventRow & { txid: string; settled: boolean })[]> {
  const { rows } = await q.query<EventRow & { txid: string; settled: boolean }>(
    `SELECT ${OUTBOX_COLUMNS}, txid < pg_snapshot_xmin(pg_current_snapshot()) AS settled
       FROM events
      WHERE (txid, id) > ($1::xid8, $2::bigint)
      ORDER BY txid, id LIMIT $3`,
    [c.txid, c.eventId, limit],
  );
  return rows;
}

/** Where a named cursor stands, without locking it (the live tail starts from the durable drain's position). */
export async function readCursor(q: Queryable, name: string): Promise<OutboxCursor | undefined> {
  const { rows } = await q.query<OutboxCursor>(`SELECT txid::text AS txid, event_id AS "eventId" FROM outbox_cursors WHERE name = $1`, [
    name,
  ]);
  return rows[0];
}

export async function moveCursor(q: Queryable, name: string, c: OutboxCursor, at: Date): Promise<void> {
  await q.query('UPDATE outbox_cursors SET txid = $2::xid8, event_id = $3, updated_at = $4 WHERE name = $1', [name, c.txid, c.eventId, at]);
}

/** How many committed events the cursor has not reached yet (for health and tests). */
export async function outboxBacklog(q: Queryable, name: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM events e, outbox_cursors c WHERE c.name = $1 AND (e.txid, e.id) > (c.txid, c.event_id)`,
    [name],
  );
  return rows[0]?.n ?? 0;
}

export async function listEvents(q: Queryable, workspaceId: string, afterId: number, limit: number): Promise<EventRow[]> {
  const { rows } = await q.query<EventRow>(
    `SELECT id, workspace_id AS "workspaceId", type, subject_id AS "subjectId", payload, created_at AS "createdAt"
       FROM events WHERE workspace_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
    [workspaceId, afterId, limit],
  );
  return rows;
}
