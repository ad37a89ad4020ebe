import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { recordChange } from '../events/events.repo.js';
import { notFound } from '../lib/errors.js';
import { unblockById } from './blocks.repo.js';

/** Lifts a block by its id (sender.unblocked, audited); another workspace's id is not found. */
export async function unblockSenderById(
  tx: Queryable,
  workspaceId: string,
  actor: Pick<AuditEntry, 'actorType' | 'actorId'>,
  id: string,
  at: Date,
): Promise<void> {
  const removed = await unblockById(tx, workspaceId, id);
  if (!removed) throw notFound('blocked sender');
  const sender = { channel: removed.channel, address: removed.address };
  await recordChange(
    tx,
    workspaceId,
    { type: 'sender.unblocked', subjectId: id, payload: { blockId: id, ...sender } },
    { ...actor, action: 'sender.unblock', targetType: 'blocked_sender', targetId: id, data: sender },
    at,
  );
}
