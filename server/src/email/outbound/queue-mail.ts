import type { Queryable } from '../../db/types.js';
import { newId } from '../../lib/ids.js';
import { MAIL_META } from '../channel-meta.js';
import { cleanAddress, messageIds, replyReferences, replySubject } from './headers.js';
import { findMailSettings } from './mail-settings.repo.js';
import { insertOutbox, type NewOutboxRow } from './outbox.repo.js';
import { firstCustomerEmail, isFailingAddress, lastInboundMeta, outboundFacts, previousSentHeader } from './thread.repo.js';

export type QueueOutcome =
  { kind: 'queued' | 'held'; row: NewOutboxRow } | { kind: 'skipped'; why: 'missing' | 'not_outbound' | 'not_email' | 'exists' };

/**
 * Why a new e-mail waits instead of going out, first match wins: nobody to send it to, the
 * workspace switched mail off, a translated reply still awaiting its fluent reviewer (the customer
 * must never get the draft), or an address a bounce reported failing. Pure.
 */
export function holdReason(f: {
  recipient: string | null;
  enabled: boolean;
  awaitingReview: boolean;
  failing: boolean;
}): 'no_recipient' | 'disabled' | 'awaiting_review' | 'address_failing' | null {
  if (!f.recipient) return 'no_recipient';
  if (!f.enabled) return 'disabled';
  if (f.awaitingReview) return 'awaiting_review';
  if (f.failing) return 'address_failing';
  return null;
}

/**
 * Queues the e-mail for an outbound message (agent reply, API reply, acknowledgement) of an e-mail
 * conversation, once per message, in the caller's transaction. Recipient and threading are decided
 * here: the customer's address the latest mail came from (else their first e-mail identity), "Re:"
 * + the subject (the bare subject when we write first), In-Reply-To the customer's latest Message-ID (else our latest sent one) and
 * References its References plus it. Internal notes and inbound messages never become mail.
 */
export async function queueOutboundMail(tx: Queryable, workspaceId: string, messageId: string, at: Date): Promise<QueueOutcome> {
  const facts = await outboundFacts(tx, workspaceId, messageId);
  if (!facts) return { kind: 'skipped', why: 'missing' };
  if (facts.direction !== 'outbound') return { kind: 'skipped', why: 'not_outbound' };
  if (facts.channel !== 'email') return { kind: 'skipped', why: 'not_email' };

  const settings = await findMailSettings(tx, workspaceId);
  const meta = await lastInboundMeta(tx, workspaceId, facts.conversationId, { createdAt: facts.createdAt, id: facts.messageId });
  const recipient = cleanAddress(meta?.[MAIL_META.from]) ?? cleanAddress(await firstCustomerEmail(tx, workspaceId, facts.customerId));
  const parent =
    messageIds(meta?.[MAIL_META.messageId])[0] ??
    messageIds(await previousSentHeader(tx, workspaceId, facts.conversationId, facts.createdAt))[0] ??
    null;
  const references = replyReferences(meta?.[MAIL_META.references], parent);
  const reason = holdReason({
    recipient,
    enabled: settings.enabled,
    awaitingReview: facts.reviewStatus === 'awaiting_review',
    failing: recipient !== null && (await isFailingAddress(tx, workspaceId, recipient)),
  });
  const row: NewOutboxRow = {
    id: newId(),
    conversationId: facts.conversationId,
    messageId,
    recipient,
    status: reason ? 'held' : 'queued',
    reason,
    subject: replySubject(facts.subject ?? meta?.[MAIL_META.subject], parent !== null),
    inReplyTo: parent,
    references: references.length ? references.join(' ') : null,
  };
  if (!(await insertOutbox(tx, workspaceId, row, at))) return { kind: 'skipped', why: 'exists' };
  return { kind: reason ? 'held' : 'queued', row };
}
