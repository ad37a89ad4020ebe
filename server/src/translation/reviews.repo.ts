import type { Queryable } from '../db/types.js';
import type { HoldReason } from './translated-reply.js';

export interface OutboundReview {
  messageId: string;
  language: string;
  status: 'awaiting_review' | 'approved';
  reasons: HoldReason[];
  requestedAt: Date;
  /** Null on an approved review: released by the translation retry, no person involved. */
  reviewedBy: string | null;
  reviewedAt: Date | null;
}

const COLS = `message_id AS "messageId", language, status, reasons, requested_at AS "requestedAt", reviewed_by AS "reviewedBy", reviewed_at AS "reviewedAt"`;

export async function insertReview(
  q: Queryable,
  workspaceId: string,
  r: { messageId: string; language: string; reasons: unknown[] },
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO outbound_reviews (workspace_id, message_id, language, status, reasons, requested_at) VALUES ($1, $2, $3, 'awaiting_review', $4, $5)`,
    [workspaceId, r.messageId, r.language, JSON.stringify(r.reasons), at],
  );
}

export async function findReview(
  q: Queryable,
  workspaceId: string,
  messageId: string,
  forUpdate = false,
): Promise<OutboundReview | undefined> {
  const { rows } = await q.query<OutboundReview>(
    `SELECT ${COLS} FROM outbound_reviews WHERE workspace_id = $1 AND message_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [workspaceId, messageId],
  );
  return rows[0];
}

export async function approveReview(q: Queryable, workspaceId: string, messageId: string, agentId: string, at: Date): Promise<void> {
  await q.query(
    `UPDATE outbound_reviews SET status = 'approved', reviewed_by = $3, reviewed_at = $4 WHERE workspace_id = $1 AND message_id = $2`,
    [workspaceId, messageId, agentId, at],
  );
}

/** Replaces why a waiting reply is held (a retried translation brought new reasons). */
export async function setReviewReasons(q: Queryable, workspaceId: string, messageId: string, reasons: unknown[]): Promise<void> {
  await q.query(`UPDATE outbound_reviews SET reasons = $3 WHERE workspace_id = $1 AND message_id = $2 AND status = 'awaiting_review'`, [
    workspaceId,
    messageId,
    JSON.stringify(reasons),
  ]);
}

/**
 * Lets a waiting reply go without a person: what held it (a failed translation) is gone. The
 * reasons stay as the record of why it waited; `reviewed_by` stays null.
 */
export async function releaseReview(q: Queryable, workspaceId: string, messageId: string, at: Date): Promise<void> {
  await q.query(
    `UPDATE outbound_reviews SET status = 'approved', reviewed_at = $3 WHERE workspace_id = $1 AND message_id = $2 AND status = 'awaiting_review'`,
    [workspaceId, messageId, at],
  );
}

export async function reviewsFor(q: Queryable, workspaceId: string, messageIds: string[]): Promise<Map<string, OutboundReview>> {
  if (messageIds.length === 0) return new Map();
  const { rows } = await q.query<OutboundReview>(
    `SELECT ${COLS} FROM outbound_reviews WHERE workspace_id = $1 AND message_id = ANY($2::uuid[])`,
    [workspaceId, messageIds],
  );
  return new Map(rows.map((r) => [r.messageId, r]));
}
