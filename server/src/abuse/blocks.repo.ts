import type { Queryable } from '../db/types.js';
import type { Cursor } from '../http/cursor.js';
import { normaliseAddress, type BlockableChannel } from './sender.js';

export interface BlockedSenderRow {
  id: string;
  channel: BlockableChannel;
  address: string;
  reason: string | null;
  createdBy: string | null;
  createdAt: Date;
}

const COLS = `id, channel, address, reason, created_by AS "createdBy", created_at AS "createdAt"`;

/** Whether the workspace refuses messages from `address` on `channel` (the address normalised as stored). */
export async function isBlocked(q: Queryable, workspaceId: string, channel: BlockableChannel, address: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM blocked_senders WHERE workspace_id = $1 AND channel = $2 AND address = $3`, [
    workspaceId,
    channel,
    normaliseAddress(channel, address),
  ]);
  return rows.length > 0;
}

/**
 * Blocks a sender; blocking one already blocked keeps the first block (its reason, author and time).
 * `created` says whether this call added it.
 */
export async function blockSender(
  q: Queryable,
  workspaceId: string,
  b: { id: string; channel: BlockableChannel; address: string; reason: string | null; createdBy: string | null },
  at: Date,
): Promise<{ row: BlockedSenderRow; created: boolean }> {
  const address = normaliseAddress(b.channel, b.address);
  const inserted = await q.query<BlockedSenderRow>(
    `INSERT INTO blocked_senders (id, workspace_id, channel, address, reason, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (workspace_id, channel, address) DO NOTHING RETURNING ${COLS}`,
    [b.id, workspaceId, b.channel, address, b.reason, b.createdBy, at],
  );
  if (inserted.rows[0]) return { row: inserted.rows[0], created: true };
  const { rows } = await q.query<BlockedSenderRow>(
    `SELECT ${COLS} FROM blocked_senders WHERE workspace_id = $1 AND channel = $2 AND address = $3`,
    [workspaceId, b.channel, address],
  );
  return { row: rows[0]!, created: false };
}

/** Removes a block by channel and address; the removed row, if there was one. */
export async function unblockSender(
  q: Queryable,
  workspaceId: string,
  channel: BlockableChannel,
  address: string,
): Promise<BlockedSenderRow | undefined> {
  const { rows } = await q.query<BlockedSenderRow>(
    `DELETE FROM blocked_senders WHERE workspace_id = $1 AND channel = $2 AND address = $3 RETURNING ${COLS}`,
    [workspaceId, channel, normaliseAddress(channel, address)],
  );
  return rows[0];
}

/** Removes a block by its id; the removed row, if there was one. */
export async function unblockById(q: Queryable, workspaceId: string, id: string): Promise<BlockedSenderRow | undefined> {
  const { rows } = await q.query<BlockedSenderRow>(`DELETE FROM blocked_senders WHERE workspace_id = $1 AND id = $2 RETURNING ${COLS}`, [
    workspaceId,
    id,
  ]);
  return rows[0];
}

/** Blocks newest first, limit + 1 rows (for paginate), optionally of one channel. */
export async function listBlocked(
  q: Queryable,
  workspaceId: string,
  f: { limit: number; channel?: BlockableChannel | undefined },
  after?: Cursor,
): Promise<BlockedSenderRow[]> {
  const params: unknown[] = [workspaceId];
  const where = ['workspace_id = $1'];
  if (f.channel) {
    params.push(f.channel);
    where.push(`channel = $${params.length}`);
  }
  if (after) {
    params.push(after.at, after.id);
    where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(f.limit + 1);
  const { rows } = await q.query<BlockedSenderRow>(
    `SELECT ${COLS} FROM blocked_senders WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
    params,
  );
  return rows;
}
