import type { Queryable } from '../db/types.js';

/** What a scheduled message delivers: an outbound message body, as the add-message command takes it. */
export interface ScheduledBody {
  text?: string;
  html?: string;
  language?: string;
  attachments?: { name: string; contentType: string; size: number; url?: string }[];
  /** Delivered machine-translated into this language (translated when it goes out, like a reply sent then). */
  translateTo?: string;
}

export type ScheduleStatus = 'scheduled' | 'sent' | 'cancelled';

export interface ScheduledMessageRow {
  id: string;
  conversationId: string;
  body: ScheduledBody;
  sendAt: Date;
  requested: string;
  status: ScheduleStatus;
  messageId: string | null;
  createdByType: 'agent' | 'token';
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type SnoozeKind = 'snooze' | 'follow_up';
export type SnoozeStatus = 'scheduled' | 'done' | 'cancelled';

export interface SnoozeRow {
  id: string;
  conversationId: string;
  kind: SnoozeKind;
  until: Date;
  note: string | null;
  status: SnoozeStatus;
  createdByType: 'agent' | 'token';
  createdBy: string | null;
  createdAt: Date;
  doneAt: Date | null;
}

/** A due row found by the scheduler's search across workspaces; it is then handled with its workspace id. */
export interface DueRow {
  workspaceId: string;
  id: string;
}

const MESSAGE_COLS = `id, conversation_id AS "conversationId", body, send_at AS "sendAt", requested, status,
  message_id AS "messageId", created_by_type AS "createdByType", created_by AS "createdBy",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

const SNOOZE_COLS = `id, conversation_id AS "conversationId", kind, until, note, status,
  created_by_type AS "createdByType", created_by AS "createdBy", created_at AS "createdAt", done_at AS "doneAt"`;

export async function insertScheduledMessage(q: Queryable, workspaceId: string, r: ScheduledMessageRow): Promise<void> {
  await q.query(
    `INSERT INTO scheduled_messages (id, workspace_id, conversation_id, body, send_at, requested, status, message_id,
       created_by_type, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      r.id,
      workspaceId,
      r.conversationId,
      JSON.stringify(r.body),
      r.sendAt,
      r.requested,
      r.status,
      r.messageId,
      r.createdByType,
      r.createdBy,
      r.createdAt,
      r.updatedAt,
    ],
  );
}

export async function findScheduledMessage(
  q: Queryable,
  workspaceId: string,
  id: string,
  forUpdate = false,
): Promise<ScheduledMessageRow | undefined> {
  const { rows } = await q.query<ScheduledMessageRow>(
    `SELECT ${MESSAGE_COLS} FROM scheduled_messages WHERE workspace_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [workspaceId, id],
  );
  return rows[0];
}

/** A conversation's scheduled messages (every status), soonest first; at most `limit`. */
export async function listScheduledMessages(
  q: Queryable,
  workspaceId: string,
  conversationId: string,
  limit = 200,
): Promise<ScheduledMessageRow[]> {
  const { rows } = await q.query<ScheduledMessageRow>(
    `SELECT ${MESSAGE_COLS} FROM scheduled_messages WHERE workspace_id = $1 AND conversation_id = $2
      ORDER BY send_at, id LIMIT $3`,
    [workspaceId, conversationId, limit],
  );
  return rows;
}

export async function settleScheduledMessage(
  q: Queryable,
  workspaceId: string,
  id: string,
  status: Exclude<ScheduleStatus, 'scheduled'>,
  messageId: string | null,
  at: Date,
): Promise<ScheduledMessageRow> {
  const { rows } = await q.query<ScheduledMessageRow>(
    `UPDATE scheduled_messages SET status = $3, message_id = $4, updated_at = $5
      WHERE workspace_id = $1 AND id = $2 RETURNING ${MESSAGE_COLS}`,
    [workspaceId, id, status, messageId, at],
  );
  return rows[0]!;
}

export async function insertSnooze(q: Queryable, workspaceId: string, r: SnoozeRow): Promise<void> {
  await q.query(
    `INSERT INTO conversation_snoozes (id, workspace_id, conversation_id, kind, until, note, status, created_by_type, created_by,
       created_at, done_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [r.id, workspaceId, r.conversationId, r.kind, r.until, r.note, r.status, r.createdByType, r.createdBy, r.createdAt, r.doneAt],
  );
}

export async function findSnooze(q: Queryable, workspaceId: string, id: string, forUpdate = false): Promise<SnoozeRow | undefined> {
  const { rows } = await q.query<SnoozeRow>(
    `SELECT ${SNOOZE_COLS} FROM conversation_snoozes WHERE workspace_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [workspaceId, id],
  );
  return rows[0];
}

/** A conversation's snoozes and reminders (every status), soonest first. */
export async function listSnoozes(q: Queryable, workspaceId: string, conversationId: string, limit = 200): Promise<SnoozeRow[]> {
  const { rows } = await q.query<SnoozeRow>(
    `SELECT ${SNOOZE_COLS} FROM conversation_snoozes WHERE workspace_id = $1 AND conversation_id = $2 ORDER BY until, id LIMIT $3`,
    [workspaceId, conversationId, limit],
  );
  return rows;
}

/** Cancels the conversation's pending snooze, if any; returns its id. */
export async function cancelActiveSnooze(q: Queryable, workspaceId: string, conversationId: string, at: Date): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `UPDATE conversation_snoozes SET status = 'cancelled', done_at = $3
      WHERE workspace_id = $1 AND conversation_id = $2 AND kind = 'snooze' AND status = 'scheduled' RETURNING id`,
    [workspaceId, conversationId, at],
  );
  return rows[0]?.id ?? null;
}

export async function settleSnooze(
  q: Queryable,
  workspaceId: string,
  id: string,
  status: Exclude<SnoozeStatus, 'scheduled'>,
  at: Date,
): Promise<void> {
  await q.query(`UPDATE conversation_snoozes SET status = $3, done_at = $4 WHERE workspace_id = $1 AND id = $2`, [
    workspaceId,
    id,
    status,
    at,
  ]);
}

/**
 * The scheduler's search: due rows of every workspace (each is then locked and re-checked with its
 * workspace id). Like the SLA evaluator's, one of the few deliberately unscoped reads.
 */
export async function dueScheduledMessages(q: Queryable, now: Date, limit: number): Promise<DueRow[]> {
  const { rows } = await q.query<DueRow>(
    `SELECT workspace_id AS "workspaceId", id FROM scheduled_messages WHERE status = 'scheduled' AND send_at <= $1
      ORDER BY send_at, id LIMIT $2`,
    [now, limit],
  );
  return rows;
}

export async function dueSnoozes(q: Queryable, now: Date, limit: number): Promise<DueRow[]> {
  const { rows } = await q.query<DueRow>(
    `SELECT workspace_id AS "workspaceId", id FROM conversation_snoozes WHERE status = 'scheduled' AND until <= $1
      ORDER BY until, id LIMIT $2`,
    [now, limit],
  );
  return rows;
}
