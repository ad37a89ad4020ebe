import type { Queryable } from '../../db/types.js';
import type { AuditEntry } from '../../events/audit.repo.js';
import { recordChange } from '../../events/events.repo.js';
import { AppError, notFound } from '../../lib/errors.js';
import { findChannelOutbox, requeueChannelOutbox, type ChannelOutboxRow } from './outbox.repo.js';
import { channelTarget, upTo } from './queue-channel-message.js';

/**
 * A lead sends a failed or held channel message again: due now with a fresh run of attempts. A row
 * without an account or recipient looks for them again in the conversation (the customer may have
 * written since). A reply still awaiting its translation review is never forced out, and one being
 * tried or already sent is left alone. A WhatsApp reply outside the 24-hour window is held again by
 * the sender: send a template instead.
 */
export async function retryChannelMessage(
  tx: Queryable,
  workspaceId: string,
  actor: Pick<AuditEntry, 'actorType' | 'actorId'>,
  id: string,
  at: Date,
): Promise<ChannelOutboxRow> {
  const row = await findChannelOutbox(tx, workspaceId, id, true);
  if (!row) throw notFound('channel message');
  if (row.status !== 'failed' && row.status !== 'held') throw new AppError('conflict', `this message is ${row.status} already`);
  if (row.heldReason === 'awaiting_review')
    throw new AppError('conflict', 'this reply waits for its translation review; approve it to send it');
  let target: { accountId: string | null; recipient: string | null } = { accountId: row.accountId, recipient: row.recipient };
  if (!row.accountId || !row.recipient) {
    target = await channelTarget(tx, workspaceId, row.channel, row.conversationId, upTo(at));
  }
  await requeueChannelOutbox(tx, workspaceId, id, target, at);
  await recordChange(
    tx,
    workspaceId,
    {
      type: 'channel_outbox.retried',
      subjectId: id,
      payload: { outboxId: id, conversationId: row.conversationId, messageId: row.messageId },
    },
    {
      ...actor,
      action: 'channel_outbox.retry',
      targetType: 'channel_outbox',
      targetId: id,
      data: { from: row.status, reason: row.heldReason ?? row.failedReason },
    },
    at,
  );
  return (await findChannelOutbox(tx, workspaceId, id))!;
}
