import type { Queryable } from '../../db/types.js';
import type { Cursor } from '../../http/cursor.js';

export type OutboxStatus = 'queued' | 'sent' | 'failed' | 'held';

export interface OutboxRow {
  id: string;
  conversationId: string;
  messageId: string;
  recipient: string | null;
  status: OutboxStatus;
  /** Why a row is held or failed: awaiting_review, no_recipient, address_failing, disabled, refused, expired. */
  reason: string | null;
  /** An admin retried it: a failing address no longer holds it. */
  forced: boolean;
  subject: string;
  inReplyTo: string | null;
  /** Space-separated Message-IDs, oldest first. */
  references: string | null;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  smtpResponse: string | null;
  messageIdHeader: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
}

const COLS = `id, conversation_id AS "conversationId", message_id AS "messageId", recipient, status, reason, forced, subject,
  in_reply_to AS "inReplyTo", references_header AS "references", attempts, next_attempt_at AS "nextAttemptAt",
  last_error AS "lastError", smtp_response AS "smtpResponse", message_id_header AS "messageIdHeader",
  created_at AS "createdAt", updated_at AS "updatedAt", sent_at AS "sentAt"`;

export type NewOutboxRow = Pick<
  OutboxRow,
  'id' | 'conversationId' | 'messageId' | 'recipient' | 'status' | 'reason' | 'subject' | 'inReplyTo' | 'references'
>;

/** Queues one e-mail; a message already queued keeps its row (false). */
export async function insertOutbox(q: Queryable, workspaceId: string, r: NewOutboxRow, at: Date): Promise<boolean> {
  const { rowCount } = await q.query(
    `INSERT INTO mail_outbox (id, workspace_id, conversation_id, message_id, recipient, status, reason, subject, in_reply_to,
                              references_header, next_attempt_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
     ON CONFLICT (workspace_id, message_id) DO NOTHING`,
    [
      r.id,
      workspaceId,
      r.conversationId,
      r.messageId,
      r.recipient,
      r.status,
      r.reason,
      r.subject,
      r.inReplyTo,
      r.references,
      r.status === 'queued' ? at : null,
      at,
    ],
  );
  return rowCount > 0;
}

export async function findOutboxByMessage(q: Queryable, workspaceId: string, messageId: string): Promise<OutboxRow | undefined> {
  const { rows } = await q.query<OutboxRow>(`SELECT ${COLS} FROM mail_outbox WHERE workspace_id = $1 AND message_id = $2`, [
    workspaceId,
    messageId,
  ]);
  return rows[0];
}

export async function findOutbox(q: Queryable, workspaceId: string, id: string, forUpdate = false): Promise<OutboxRow | undefined> {
  const { rows } = await q.query<OutboxRow>(
    `SELECT ${COLS} FROM mail_outbox WHERE workspace_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [workspaceId, id],
  );
  return rows[0];
}

/** Newest first, optionally of one status and/or one conversation. */
export async function listOutbox(
  q: Queryable,
  workspaceId: string,
  opts: { status?: OutboxStatus | undefined; conversationId?: string | undefined; limit: number; after?: Cursor | undefined },
): Promise<OutboxRow[]> {
  const params: unknown[] = [workspaceId, opts.limit + 1];
  let cond = '';
  if (opts.status) {
    params.push(opts.status);
    cond += ` AND status = $${params.length}`;
  }
  if (opts.conversationId) {
    params.push(opts.conversationId);
    cond += ` AND conversation_id = $${params.length}`;
  }
  if (opts.after) {
    params.push(opts.after.at, opts.after.id);
    cond += ` AND (created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
  }
  const { rows } = await q.query<OutboxRow>(
    `SELECT ${COLS} FROM mail_outbox WHERE workspace_id = $1${cond} ORDER BY created_at DESC, id DESC LIMIT $2`,
    params,
  );
  return rows;
}

/** A reply held for translation review becomes due (its translation was approved or released). */
export async function releaseReviewHold(q: Queryable, workspaceId: string, messageId: string, at: Date): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE mail_outbox SET status = 'queued', reason = NULL, next_attempt_at = $3, updated_at = $3
      WHERE workspace_id = $1 AND message_id = $2 AND status = 'held' AND reason = 'awaiting_review'`,
    [workspaceId, messageId, at],
  );
  return rowCount > 0;
}

/**
 * An admin's retry: due now, the failing-address hold lifted (`forced`), a fresh run of attempts
 * (the count restarts; the last error stays as history until the next try).
 */
export async function requeueOutbox(q: Queryable, workspaceId: string, id: string, recipient: string, at: Date): Promise<void> {
  await q.query(
    `UPDATE mail_outbox SET status = 'queued', reason = NULL, forced = true, recipient = $3, attempts = 0, next_attempt_at = $4, updated_at = $4
      WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id, recipient, at],
  );
}

/** The sent mail's Message-ID on the message itself (channel metadata), so the console can show it. */
export async function recordSentMessageId(q: Queryable, workspaceId: string, messageId: string, header: string): Promise<void> {
  await q.query(
    `UPDATE messages SET channel_meta = channel_meta || jsonb_build_object('messageId', $3::text) WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, messageId, header],
  );
}

/** A due row as the sender claims it. */
export type ClaimedRow = OutboxRow & { workspaceId: string };

/**
 * Claims up to `limit` due rows of every workspace: each one's next attempt moves to `leaseUntil`
 * and its attempt count up by one, under SKIP LOCKED, so two senders never take the same row and a
 * sender that dies mid-send leaves it due again when the lease ends. The SMTP conversation happens
 * after this transaction, never inside one.
 */
export async function claimDue(q: Queryable, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedRow[]> {
  const { rows } = await q.query<ClaimedRow>(
    `UPDATE mail_outbox o SET next_attempt_at = $2, attempts = o.attempts + 1, updated_at = $1
      WHERE o.id IN (SELECT id FROM mail_outbox WHERE status = 'queued' AND next_attempt_at <= $1
                      ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
      RETURNING workspace_id AS "workspaceId", ${COLS}`,
    [now, leaseUntil, limit],
  );
  return rows;
}

/** What one attempt came to. Only the claim that made the attempt may settle it (`attempts` matches). */
export type Settlement =
  | { status: 'sent'; smtpResponse: string }
  | { status: 'queued'; nextAttemptAt: Date; lastError: string; countsAsAttempt: boolean }
  | { status: 'failed' | 'held'; reason: string; lastError: string | null; smtpResponse?: string | null };

export async function settleOutbox(
  q: Queryable,
  workspaceId: string,
  row: Pick<ClaimedRow, 'id' | 'attempts'>,
  s: Settlement,
  messageIdHeader: string | null,
  at: Date,
): Promise<boolean> {
  const common = [workspaceId, row.id, row.attempts, at, messageIdHeader];
  let sql: string;
  let params: unknown[];
  switch (s.status) {
    case 'sent':
      sql = `status = 'sent', reason = NULL, sent_at = $4, smtp_response = $6, last_error = NULL, next_attempt_at = NULL`;
      params = [...common, s.smtpResponse];
      break;
    case 'queued':
      // Not an attempt (no relay, no sender address yet): the claim's increment is taken back.
      sql = `next_attempt_at = $6, last_error = $7${s.countsAsAttempt ? '' : ', attempts = attempts - 1'}`;
      params = [...common, s.nextAttemptAt, s.lastError];
      break;
    default:
      sql = `status = $6, reason = $7, last_error = $8, smtp_response = COALESCE($9, smtp_response), next_attempt_at = NULL`;
      params = [...common, s.status, s.reason, s.lastError, s.smtpResponse ?? null];
  }
  const { rowCount } = await q.query(
    `UPDATE mail_outbox SET ${sql}, updated_at = $4, message_id_header = COALESCE($5, message_id_header)
      WHERE workspace_id = $1 AND id = $2 AND attempts = $3 AND status = 'queued'`,
    params,
  );
  return rowCount > 0;
}
