import type { Queryable } from '../db/types.js';
import type { Cursor } from '../http/cursor.js';

/**
 * Inbound mail's SQL: workspace addresses, the ledger of accepted messages, quarantine, failing
 * addresses. `findAddress` is unscoped on purpose: a recipient address is how inbound mail finds
 * its workspace, as a token hash is for an API request.
 */

export interface MailAddressRow {
  id: string;
  address: string;
  name: string | null;
  createdAt: Date;
}

const ADDRESS_COLS = `id, address, name, created_at AS "createdAt"`;

export async function findAddress(q: Queryable, address: string): Promise<(MailAddressRow & { workspaceId: string }) | undefined> {
  const { rows } = await q.query<MailAddressRow & { workspaceId: string }>(
    `SELECT ${ADDRESS_COLS}, workspace_id AS "workspaceId" FROM mail_addresses WHERE address = $1`,
    [address],
  );
  return rows[0];
}

export async function listAddresses(q: Queryable, workspaceId: string): Promise<MailAddressRow[]> {
  const { rows } = await q.query<MailAddressRow>(
    `SELECT ${ADDRESS_COLS} FROM mail_addresses WHERE workspace_id = $1 ORDER BY created_at, id`,
    [workspaceId],
  );
  return rows;
}

/** Inserts an address; false when any workspace already receives at it. */
export async function insertAddress(q: Queryable, workspaceId: string, row: MailAddressRow): Promise<boolean> {
  const { rows } = await q.query(
    `INSERT INTO mail_addresses (id, workspace_id, address, name, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (address) DO NOTHING RETURNING id`,
    [row.id, workspaceId, row.address, row.name, row.createdAt],
  );
  return rows.length === 1;
}

export async function deleteAddress(q: Queryable, workspaceId: string, id: string): Promise<boolean> {
  const { rows } = await q.query(`DELETE FROM mail_addresses WHERE workspace_id = $1 AND id = $2 RETURNING id`, [workspaceId, id]);
  return rows.length === 1;
}

export interface LedgerRow {
  id: string;
  dedupeKey: string;
  messageIdHeader: string | null;
  sender: string | null;
  receivedVia: 'smtp' | 'imap';
  mailFrom: string | null;
  rcptTo: string[];
  rawKey: string;
  size: number;
  createdAt: Date;
}

/**
 * Claims the dedupe key for a message. Answers null when the workspace accepted this message before
 * (or a concurrent delivery of it is committing: the unique index makes this insert wait for it).
 */
export async function claimLedger(
  q: Queryable,
  workspaceId: string,
  row: LedgerRow,
): Promise<{ claimed: true } | { claimed: false; conversationId: string | null }> {
  const { rows } = await q.query(
    `INSERT INTO mail_messages (id, workspace_id, dedupe_key, message_id_header, outcome, sender, received_via, mail_from, rcpt_to, raw_key, size, created_at)
     VALUES ($1, $2, $3, $4, 'quarantined', $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (workspace_id, dedupe_key) DO NOTHING RETURNING id`,
    [
      row.id,
      workspaceId,
      row.dedupeKey,
      row.messageIdHeader,
      row.sender,
      row.receivedVia,
      row.mailFrom,
      row.rcptTo,
      row.rawKey,
      row.size,
      row.createdAt,
    ],
  );
  if (rows.length === 1) return { claimed: true };
  const prior = await q.query<{ conversationId: string | null }>(
    `SELECT conversation_id AS "conversationId" FROM mail_messages WHERE workspace_id = $1 AND dedupe_key = $2`,
    [workspaceId, row.dedupeKey],
  );
  return { claimed: false, conversationId: prior.rows[0]?.conversationId ?? null };
}

export async function settleLedger(
  q: Queryable,
  workspaceId: string,
  id: string,
  s: { outcome: string; reason: string | null; conversationId: string | null; messageId: string | null },
): Promise<void> {
  await q.query(
    `UPDATE mail_messages SET outcome = $3, reason = $4, conversation_id = $5, message_id = $6 WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id, s.outcome, s.reason, s.conversationId, s.messageId],
  );
}

/** The conversations earlier mail with these Message-IDs went to, with their customer and status (newest first). */
export async function conversationsOfMessageIds(
  q: Queryable,
  workspaceId: string,
  messageIds: readonly string[],
): Promise<{ conversationId: string; customerId: string; status: string }[]> {
  if (!messageIds.length) return [];
  const { rows } = await q.query<{ conversationId: string; customerId: string; status: string }>(
    `SELECT c.id AS "conversationId", c.customer_id AS "customerId", c.status
       FROM mail_messages m JOIN conversations c ON c.workspace_id = m.workspace_id AND c.id = m.conversation_id
      WHERE m.workspace_id = $1 AND m.message_id_header = ANY($2::text[])
      ORDER BY m.created_at DESC LIMIT 5`,
    [workspaceId, messageIds],
  );
  return rows;
}

/** Messages accepted from a sender since an instant (the per-sender cap), and into one conversation. */
export async function recentMailCounts(
  q: Queryable,
  workspaceId: string,
  sender: string,
  conversationId: string | null,
  since: Date,
): Promise<{ bySender: number; byConversation: number }> {
  const { rows } = await q.query<{ bySender: number; byConversation: number }>(
    `SELECT (SELECT count(*)::int FROM mail_messages WHERE workspace_id = $1 AND sender = $2 AND created_at >= $4) AS "bySender",
            (SELECT count(*)::int FROM mail_messages WHERE workspace_id = $1 AND conversation_id = $3 AND created_at >= $4) AS "byConversation"`,
    [workspaceId, sender, conversationId, since],
  );
  return rows[0]!;
}

export async function markFailing(
  q: Queryable,
  workspaceId: string,
  f: { address: string; status: string | null; diagnostic: string | null },
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO mail_failing_addresses (workspace_id, address, status, diagnostic, bounces, last_bounced_at) VALUES ($1, $2, $3, $4, 1, $5)
     ON CONFLICT (workspace_id, address) DO UPDATE SET status = $3, diagnostic = $4, bounces = mail_failing_addresses.bounces + 1, last_bounced_at = $5`,
    [workspaceId, f.address, f.status, f.diagnostic, at],
  );
}

export interface FailingAddressRow {
  address: string;
  status: string | null;
  diagnostic: string | null;
  bounces: number;
  lastBouncedAt: Date;
}

export async function listFailing(q: Queryable, workspaceId: string): Promise<FailingAddressRow[]> {
  const { rows } = await q.query<FailingAddressRow>(
    `SELECT address, status, diagnostic, bounces, last_bounced_at AS "lastBouncedAt" FROM mail_failing_addresses
      WHERE workspace_id = $1 ORDER BY last_bounced_at DESC LIMIT 500`,
    [workspaceId],
  );
  return rows;
}

export async function clearFailing(q: Queryable, workspaceId: string, address: string): Promise<boolean> {
  const { rows } = await q.query(`DELETE FROM mail_failing_addresses WHERE workspace_id = $1 AND address = $2 RETURNING address`, [
    workspaceId,
    address,
  ]);
  return rows.length === 1;
}

export interface QuarantineRow {
  id: string;
  mailMessageId: string;
  reason: string;
  detail: string | null;
  subject: string | null;
  sender: string | null;
  size: number;
  receivedVia: string;
  releasedAt: Date | null;
  releasedOutcome: string | null;
  createdAt: Date;
}

const Q_COLS = `q.id, q.mail_message_id AS "mailMessageId", q.reason, q.detail, q.subject, q.sender, m.size, m.received_via AS "receivedVia",
  q.released_at AS "releasedAt", q.released_outcome AS "releasedOutcome", q.created_at AS "createdAt"`;

export async function insertQuarantine(
  q: Queryable,
  workspaceId: string,
  row: Pick<QuarantineRow, 'id' | 'mailMessageId' | 'reason' | 'detail' | 'subject' | 'sender' | 'createdAt'>,
): Promise<void> {
  await q.query(
    `INSERT INTO mail_quarantine (id, workspace_id, mail_message_id, reason, detail, subject, sender, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [row.id, workspaceId, row.mailMessageId, row.reason, row.detail, row.subject, row.sender, row.createdAt],
  );
}

export async function listQuarantine(
  q: Queryable,
  workspaceId: string,
  opts: { limit: number; cursor?: Cursor | undefined; released?: boolean | undefined },
): Promise<QuarantineRow[]> {
  const params: unknown[] = [workspaceId, opts.limit + 1];
  let where = 'q.workspace_id = $1';
  if (opts.released !== undefined) where += opts.released ? ' AND q.released_at IS NOT NULL' : ' AND q.released_at IS NULL';
  if (opts.cursor) {
    params.push(opts.cursor.at, opts.cursor.id);
    where += ` AND (q.created_at, q.id) < ($3, $4)`;
  }
  const { rows } = await q.query<QuarantineRow>(
    `SELECT ${Q_COLS} FROM mail_quarantine q JOIN mail_messages m ON m.id = q.mail_message_id
      WHERE ${where} ORDER BY q.created_at DESC, q.id DESC LIMIT $2`,
    params,
  );
  return rows;
}

export async function findQuarantine(
  q: Queryable,
  workspaceId: string,
  id: string,
  lock = false,
): Promise<(QuarantineRow & { ledger: LedgerRow }) | undefined> {
  const { rows } = await q.query<QuarantineRow & { ledger: LedgerRow }>(
    `SELECT ${Q_COLS}, json_build_object('id', m.id, 'dedupeKey', m.dedupe_key, 'messageIdHeader', m.message_id_header, 'sender', m.sender,
            'receivedVia', m.received_via, 'mailFrom', m.mail_from, 'rcptTo', m.rcpt_to, 'rawKey', m.raw_key, 'size', m.size,
            'createdAt', m.created_at) AS ledger
       FROM mail_quarantine q JOIN mail_messages m ON m.id = q.mail_message_id
      WHERE q.workspace_id = $1 AND q.id = $2${lock ? ' FOR UPDATE OF q' : ''}`,
    [workspaceId, id],
  );
  const row = rows[0];
  if (row) row.ledger.createdAt = new Date(row.ledger.createdAt);
  return row;
}

export async function releaseQuarantine(q: Queryable, workspaceId: string, id: string, outcome: string, at: Date): Promise<void> {
  await q.query(`UPDATE mail_quarantine SET released_at = $3, released_outcome = $4 WHERE workspace_id = $1 AND id = $2`, [
    workspaceId,
    id,
    at,
    outcome,
  ]);
}
