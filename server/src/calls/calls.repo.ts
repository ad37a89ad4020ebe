import type { Queryable } from '../db/types.js';
import type { Cursor } from '../http/cursor.js';
import type { Call } from './calls.schema.js';

export type CallRow = Omit<Call, 'startedAt' | 'createdAt'> & { startedAt: Date; createdAt: Date };

const COLS = `id, conversation_id AS "conversationId", message_id AS "messageId", direction, from_number AS "from", to_number AS "to",
  started_at AS "startedAt", duration_seconds AS "durationSeconds", outcome, notes, recording_url AS "recordingUrl",
  agent_id AS "agentId", created_at AS "createdAt"`;

export async function insertCall(q: Queryable, workspaceId: string, c: CallRow): Promise<void> {
  await q.query(
    `INSERT INTO calls (id, workspace_id, conversation_id, message_id, direction, from_number, to_number, started_at, duration_seconds,
                        outcome, notes, recording_url, agent_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      c.id,
      workspaceId,
      c.conversationId,
      c.messageId,
      c.direction,
      c.from,
      c.to,
      c.startedAt,
      c.durationSeconds,
      c.outcome,
      c.notes,
      c.recordingUrl,
      c.agentId,
      c.createdAt,
    ],
  );
}

/** A conversation's calls, latest first, limit + 1 rows (for paginate). */
export async function listCalls(
  q: Queryable,
  workspaceId: string,
  conversationId: string,
  limit: number,
  after?: Cursor,
): Promise<CallRow[]> {
  const params: unknown[] = [workspaceId, conversationId, limit + 1];
  let page = '';
  if (after) {
    params.push(after.at, after.id);
    page = ' AND (started_at, id) < ($4::timestamptz, $5::uuid)';
  }
  const { rows } = await q.query<CallRow>(
    `SELECT ${COLS} FROM calls WHERE workspace_id = $1 AND conversation_id = $2${page} ORDER BY started_at DESC, id DESC LIMIT $3`,
    params,
  );
  return rows;
}

/** The customer's number on the conversation's latest call that names one (the caller, or whom we called). */
export async function latestCustomerNumber(q: Queryable, workspaceId: string, conversationId: string): Promise<string | null> {
  const { rows } = await q.query<{ n: string }>(
    `SELECT n FROM (SELECT CASE direction WHEN 'inbound' THEN from_number ELSE to_number END AS n, started_at, id
                      FROM calls WHERE workspace_id = $1 AND conversation_id = $2) c
      WHERE n IS NOT NULL ORDER BY started_at DESC, id DESC LIMIT 1`,
    [workspaceId, conversationId],
  );
  return rows[0]?.n ?? null;
}
