import type { Queryable } from '../db/types.js';

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
  await q.query(
    'INSERT INTO events (workspace_id, type, subject_id, payload, created_at) VALUES ($1, $2, $3, $4, $5)',
    [workspaceId, ev.type, ev.subjectId ?? null, JSON.stringify(ev.payload), at],
  );
}

/**
 * Claims up to `limit` unprocessed events. FOR UPDATE SKIP LOCKED lets several
 * processes drain one PostgreSQL outbox without handing the same event to two of them.
 * Cross-workspace by design: this is the processor, not a request path.
 */
export async function claimUnprocessed(q: Queryable, limit: number): Promise<EventRow[]> {
  const { rows } = await q.query<EventRow>(
    `SELECT id, workspace_id AS "workspaceId", type, subject_id AS "subjectId", payload, created_at AS "createdAt"
       FROM events WHERE processed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
  return rows;
}

export async function markProcessed(q: Queryable, ids: number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await q.query('UPDATE events SET processed_at = $2 WHERE id = ANY($1::bigint[])', [ids, at]);
}

export async function listEvents(q: Queryable, workspaceId: string, afterId: number, limit: number): Promise<EventRow[]> {
  const { rows } = await q.query<EventRow>(
    `SELECT id, workspace_id AS "workspaceId", type, subject_id AS "subjectId", payload, created_at AS "createdAt"
       FROM events WHERE workspace_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
    [workspaceId, afterId, limit],
  );
  return rows;
}
