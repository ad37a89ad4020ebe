import type { Queryable } from '../../db/types.js';
import type { Cursor } from '../../http/cursor.js';
import type { ChannelKind } from '../accounts.repo.js';

export type ChannelOutboxStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed' | 'held';
export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';

export interface ChannelOutboxRow {
  id: string;
  conversationId: string;
  messageId: string;
  accountId: string | null;
  channel: ChannelKind;
  recipient: string | null;
  bodyKind: 'text' | 'template';
  /** template: { name, language, components? }; text: {} (the text is read at send time). */
  payload: Record<string, unknown>;
  status: ChannelOutboxStatus;
  /** Why it waits: no_recipient, no_account, account_disabled, awaiting_review, outside_24h_window. */
  heldReason: string | null;
  /** Why it was given up: rejected (the provider refused it), expired, missing, template_rejected. */
  failedReason: string | null;
  attempts: number;
  nextAttemptAt: Date | null;
  leaseUntil: Date | null;
  partsSent: number;
  providerMessageId: string | null;
  providerMessageIds: string[];
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  failedAt: Date | null;
}

const COLS = `id, conversation_id AS "conversationId", message_id AS "messageId", account_id AS "accountId", channel, recipient,
  body_kind AS "bodyKind", payload, status, held_reason AS "heldReason", failed_reason AS "failedReason", attempts,
  next_attempt_at AS "nextAttemptAt", lease_until AS "leaseUntil", parts_sent AS "partsSent",
  provider_message_id AS "providerMessageId", provider_message_ids AS "providerMessageIds", last_error AS "lastError",
  created_at AS "createdAt", updated_at AS "updatedAt", sent_at AS "sentAt", delivered_at AS "deliveredAt", read_at AS "readAt",
  failed_at AS "failedAt"`;

export type NewChannelOutboxRow = Pick<
  ChannelOutboxRow,
  'id' | 'conversationId' | 'messageId' | 'accountId' | 'channel' | 'recipient' | 'bodyKind' | 'payload' | 'heldReason'
>;

/** What every channel_message.* event names: the conversation, message, outbox row and channel. */
export const outboxRef = (r: Pick<ChannelOutboxRow, 'id' | 'conversationId' | 'messageId' | 'channel'>) => ({
  conversationId: r.conversationId,
  messageId: r.messageId,
  outboxId: r.id,
  channel: r.channel,
});

/** Queues one outbound message (held when heldReason is set); a message already queued keeps its row (false). */
export async function insertChannelOutbox(q: Queryable, workspaceId: string, r: NewChannelOutboxRow, at: Date): Promise<boolean> {
  const { rowCount } = await q.query(
    `INSERT INTO channel_outbox (id, workspace_id, conversation_id, message_id, account_id, channel, recipient, body_kind, payload,
                                 status, held_reason, next_attempt_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
     ON CONFLICT (workspace_id, message_id) DO NOTHING`,
    [
      r.id,
      workspaceId,
      r.conversationId,
      r.messageId,
      r.accountId,
      r.channel,
      r.recipient,
      r.bodyKind,
      JSON.stringify(r.payload),
      r.heldReason ? 'held' : 'queued',
      r.heldReason,
      r.heldReason ? null : at,
      at,
    ],
  );
  return rowCount > 0;
}

export async function findChannelOutboxByMessage(
  q: Queryable,
  workspaceId: string,
  messageId: string,
): Promise<ChannelOutboxRow | undefined> {
  const { rows } = await q.query<ChannelOutboxRow>(`SELECT ${COLS} FROM channel_outbox WHERE workspace_id = $1 AND message_id = $2`, [
    workspaceId,
    messageId,
  ]);
  return rows[0];
}

export async function findChannelOutbox(
  q: Queryable,
  workspaceId: string,
  id: string,
  forUpdate = false,
): Promise<ChannelOutboxRow | undefined> {
  const { rows } = await q.query<ChannelOutboxRow>(
    `SELECT ${COLS} FROM channel_outbox WHERE workspace_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [workspaceId, id],
  );
  return rows[0];
}

/** Newest first, optionally of one status, channel and/or conversation. */
export async function listChannelOutbox(
  q: Queryable,
  workspaceId: string,
  opts: {
    status?: ChannelOutboxStatus | undefined;
    channel?: ChannelKind | undefined;
    conversationId?: string | undefined;
    limit: number;
    after?: Cursor | undefined;
  },
): Promise<ChannelOutboxRow[]> {
  const params: unknown[] = [workspaceId, opts.limit + 1];
  let cond = '';
  for (const [col, v] of [
    ['status', opts.status],
    ['channel', opts.channel],
    ['conversation_id', opts.conversationId],
  ] as const) {
    if (v === undefined) continue;
    params.push(v);
    cond += ` AND ${col} = $${params.length}`;
  }
  if (opts.after) {
    params.push(opts.after.at, opts.after.id);
    cond += ` AND (created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
  }
  const { rows } = await q.query<ChannelOutboxRow>(
    `SELECT ${COLS} FROM channel_outbox WHERE workspace_id = $1${cond} ORDER BY created_at DESC, id DESC LIMIT $2`,
    params,
  );
  return rows;
}

/** A reply held for translation review becomes due (its translation was approved or released). */
export async function releaseChannelReviewHold(q: Queryable, workspaceId: string, messageId: string, at: Date): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE channel_outbox SET status = 'queued', held_reason = NULL, next_attempt_at = $3, updated_at = $3
      WHERE workspace_id = $1 AND message_id = $2 AND status = 'held' AND held_reason = 'awaiting_review'`,
    [workspaceId, messageId, at],
  );
  return rowCount > 0;
}

/** A retry: due now with a fresh run of attempts; the account and recipient may have been found again. */
export async function requeueChannelOutbox(
  q: Queryable,
  workspaceId: string,
  id: string,
  target: { accountId: string | null; recipient: string | null },
  at: Date,
): Promise<void> {
  await q.query(
    `UPDATE channel_outbox SET status = 'queued', held_reason = NULL, failed_reason = NULL, failed_at = NULL, attempts = 0,
            account_id = $3, recipient = $4, next_attempt_at = $5, lease_until = NULL, updated_at = $5
      WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id, target.accountId, target.recipient, at],
  );
}

/** A due row as the sender claims it. */
export type ClaimedChannelRow = ChannelOutboxRow & { workspaceId: string };

/**
 * Claims up to `limit` rows of every workspace that are due, or whose sender's lease ran out:
 * 'sending' until `leaseUntil`, one more attempt counted, under SKIP LOCKED, so two senders never
 * take the same row. A chat reads in order: a row waits while an earlier one of its conversation is
 * still queued or being sent (in backoff too), so replies never overtake each other. The HTTP
 * requests happen after this transaction, never inside one.
 */
export async function claimDueChannelRows(q: Queryable, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedChannelRow[]> {
  const { rows } = await q.query<ClaimedChannelRow>(
    `UPDATE channel_outbox o SET status = 'sending', lease_until = $2, attempts = o.attempts + 1, updated_at = $1
      WHERE o.id IN (SELECT d.id FROM channel_outbox d
                      WHERE ((d.status = 'queued' AND d.next_attempt_at <= $1) OR (d.status = 'sending' AND d.lease_until <= $1))
                        AND NOT EXISTS (SELECT 1 FROM channel_outbox e
                                         WHERE e.workspace_id = d.workspace_id AND e.conversation_id = d.conversation_id
                                           AND e.status IN ('queued', 'sending') AND (e.created_at, e.id) < (d.created_at, d.id))
                      ORDER BY COALESCE(d.next_attempt_at, d.lease_until) LIMIT $3 FOR UPDATE OF d SKIP LOCKED)
      RETURNING workspace_id AS "workspaceId", ${COLS}`,
    [now, leaseUntil, limit],
  );
  return rows;
}

/** What one attempt came to. */
export type ChannelOutcome =
  | { status: 'sent' }
  | { status: 'queued'; nextAttemptAt: Date; lastError: string }
  | { status: 'held'; reason: string; lastError: string | null }
  | { status: 'failed'; reason: string; lastError: string };

/** The outcome with the parts already accepted, so a retry sends only the rest. */
export type ChannelSettlement = ChannelOutcome & { partsSent: number; providerIds: string[] };

/** Settles a claimed row; only the claim that made the attempt may (`attempts` and 'sending' match). */
export async function settleChannelOutbox(
  q: Queryable,
  workspaceId: string,
  row: Pick<ClaimedChannelRow, 'id' | 'attempts'>,
  s: ChannelSettlement,
  at: Date,
): Promise<boolean> {
  const common = [workspaceId, row.id, row.attempts, at, s.partsSent, s.providerIds];
  let sql: string;
  let params: unknown[];
  switch (s.status) {
    case 'sent':
      sql = `status = 'sent', sent_at = $4, last_error = NULL, next_attempt_at = NULL`;
      params = common;
      break;
    case 'queued':
      sql = `status = 'queued', next_attempt_at = $7, last_error = $8`;
      params = [...common, s.nextAttemptAt, s.lastError];
      break;
    case 'held':
      sql = `status = 'held', held_reason = $7, last_error = COALESCE($8, last_error), next_attempt_at = NULL`;
      params = [...common, s.reason, s.lastError];
      break;
    default:
      sql = `status = 'failed', failed_reason = $7, last_error = $8, failed_at = $4, next_attempt_at = NULL`;
      params = [...common, s.reason, s.lastError];
  }
  const { rowCount } = await q.query(
    `UPDATE channel_outbox SET ${sql}, lease_until = NULL, updated_at = $4, parts_sent = $5, provider_message_ids = $6::text[],
            provider_message_id = COALESCE(provider_message_id, ($6::text[])[1])
      WHERE workspace_id = $1 AND id = $2 AND attempts = $3 AND status = 'sending'`,
    params,
  );
  return rowCount > 0;
}

/**
 * A provider's delivery report for one of our messages: the row moves forward only (sent →
 * delivered → read; failed only from sent, never after the customer got it), and reports that
 * change nothing (late, repeated, out of order) return undefined.
 */
export async function applyProviderStatus(
  q: Queryable,
  workspaceId: string,
  accountId: string,
  u: { providerMessageId: string; status: DeliveryStatus; at: Date; error?: string | undefined },
): Promise<ChannelOutboxRow | undefined> {
  const { rows } = await q.query<ChannelOutboxRow>(
    `UPDATE channel_outbox SET status = $4, updated_at = $5,
            delivered_at = CASE WHEN $4 IN ('delivered', 'read') THEN COALESCE(delivered_at, $5) ELSE delivered_at END,
            read_at = CASE WHEN $4 = 'read' THEN $5 ELSE read_at END,
            failed_at = CASE WHEN $4 = 'failed' THEN $5 ELSE failed_at END,
            failed_reason = CASE WHEN $4 = 'failed' THEN 'undelivered' ELSE failed_reason END,
            last_error = CASE WHEN $4 = 'failed' THEN $6 ELSE last_error END
      WHERE workspace_id = $1 AND account_id = $2 AND provider_message_ids @> ARRAY[$3::text]
        AND CASE $4 WHEN 'failed' THEN status = 'sent'
                    ELSE status IN ('sent', 'delivered', 'read')
                         AND array_position(ARRAY['sent', 'delivered', 'read'], $4::text) > array_position(ARRAY['sent', 'delivered', 'read'], status)
            END
      RETURNING ${COLS}`,
    [workspaceId, accountId, u.providerMessageId, u.status, u.at, u.error?.slice(0, 1000) ?? null],
  );
  return rows[0];
}

/** The sent message's provider id, account and address on the message itself, so the console can show them. */
export async function recordChannelDelivery(
  q: Queryable,
  workspaceId: string,
  messageId: string,
  meta: Record<string, string>,
): Promise<void> {
  await q.query(`UPDATE messages SET channel_meta = channel_meta || $3::jsonb WHERE workspace_id = $1 AND id = $2`, [
    workspaceId,
    messageId,
    JSON.stringify(meta),
  ]);
}

/**
 * When the customer last wrote to us on this account from this address (any of their conversations):
 * WhatsApp lets free-form messages go out only within 24 hours of it.
 */
export async function lastCustomerMessageAt(
  q: Queryable,
  workspaceId: string,
  customerId: string,
  accountId: string,
  address: string,
): Promise<Date | null> {
  const { rows } = await q.query<{ at: Date | null }>(
    `SELECT max(m.created_at) AS at FROM messages m
       JOIN conversations c ON c.workspace_id = m.workspace_id AND c.id = m.conversation_id
      WHERE m.workspace_id = $1 AND c.customer_id = $2 AND m.direction = 'inbound'
        AND m.channel_meta->>'accountId' = $3 AND m.channel_meta->>'from' = $4`,
    [workspaceId, customerId, accountId, address],
  );
  return rows[0]?.at ?? null;
}
