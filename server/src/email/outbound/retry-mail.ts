import type { Queryable } from '../../db/types.js';
import type { AuditEntry } from '../../events/audit.repo.js';
import { recordChange } from '../../events/events.repo.js';
import { AppError, notFound } from '../../lib/errors.js';
import { cleanAddress } from './headers.js';
import { findOutbox, requeueOutbox, type OutboxRow } from './outbox.repo.js';
import { outboundFacts, firstCustomerEmail } from './thread.repo.js';

/**
 * An admin sends a failed or held e-mail again: due now, with a fresh run of attempts, and past a
 * failing-address hold (the admin vouches that the address works again). A reply still awaiting
 * its translation review is never forced out (the customer would get the untranslated draft), a
 * row being tried or already sent is left alone, and one without a recipient takes the customer's
 * current address or stays as it is.
 */
export async function retryMail(
  tx: Queryable,
  workspaceId: string,
  actor: Pick<AuditEntry, 'actorType' | 'actorId'>,
  id: string,
  at: Date,
): Promise<OutboxRow> {
  const row = await findOutbox(tx, workspaceId, id, true);
  if (!row) throw notFound('outbound mail');
  if (row.status === 'sent') throw new AppError('conflict', 'this mail was sent already');
  if (row.status === 'queued') throw new AppError('conflict', 'this mail is queued already');
  if (row.reason === 'awaiting_review')
    throw new AppError('conflict', 'this reply waits for its translation review; approve it to send it');
  let recipient = cleanAddress(row.recipient);
  if (!recipient) {
    const facts = await outboundFacts(tx, workspaceId, row.messageId);
    recipient = facts ? cleanAddress(await firstCustomerEmail(tx, workspaceId, facts.customerId)) : null;
  }
  if (!recipient) throw new AppError('conflict', 'the customer has no e-mail address to send to');
  await requeueOutbox(tx, workspaceId, id, recipient, at);
  await recordChange(
    tx,
    workspaceId,
    { type: 'mail_outbox.retried', subjectId: id, payload: { outboxId: id, conversationId: row.conversationId, messageId: row.messageId } },
    { ...actor, action: 'mail_outbox.retry', targetType: 'mail_outbox', targetId: id, data: { from: row.status, reason: row.reason } },
    at,
  );
  return (await findOutbox(tx, workspaceId, id))!;
}
