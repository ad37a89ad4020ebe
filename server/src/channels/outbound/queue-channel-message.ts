import type { Queryable } from '../../db/types.js';
import { lastInboundMeta, outboundFacts } from '../../email/outbound/thread.repo.js';
import { newId } from '../../lib/ids.js';
import { findChannelAccount, type ChannelAccountRow, type ChannelKind } from '../accounts.repo.js';
import { CHANNEL_META } from '../channel-meta.js';
import { insertChannelOutbox, lastCustomerMessageAt, type NewChannelOutboxRow } from './outbox.repo.js';

export const CHANNEL_KINDS_OUT: ReadonlySet<string> = new Set<ChannelKind>(['whatsapp', 'telegram', 'sms']);

/** WhatsApp's customer-service window: free-form messages only within 24 hours of the customer's last message. */
export const WHATSAPP_WINDOW_MS = 24 * 3600_000;

/** Whether a free-form WhatsApp message may go out at `now`. Pure. */
export const insideWindow = (lastCustomerAt: Date | null, now: Date): boolean =>
  lastCustomerAt !== null && now.getTime() - lastCustomerAt.getTime() <= WHATSAPP_WINDOW_MS;

export type HeldReason = 'no_recipient' | 'no_account' | 'account_disabled' | 'awaiting_review' | 'outside_24h_window';

/**
 * Why an outbound channel message waits instead of going out, first match wins: nobody to send it
 * to, no account to send it from (or one switched off), a translated reply still awaiting its fluent
 * reviewer, a free-form WhatsApp message after the customer-service window closed. Pure.
 */
export function channelHoldReason(f: {
  recipient: string | null;
  account: Pick<ChannelAccountRow, 'enabled'> | undefined;
  awaitingReview: boolean;
  outsideWindow: boolean;
}): HeldReason | null {
  if (!f.recipient) return 'no_recipient';
  if (!f.account) return 'no_account';
  if (!f.account.enabled) return 'account_disabled';
  if (f.awaitingReview) return 'awaiting_review';
  if (f.outsideWindow) return 'outside_24h_window';
  return null;
}

/**
 * Who a conversation's replies go to, through which account: the customer's latest inbound message
 * says. An account of another kind than the conversation's channel is no account for it.
 */
export async function channelTarget(
  q: Queryable,
  workspaceId: string,
  channel: ChannelKind,
  conversationId: string,
  before: { createdAt: Date; id: string },
): Promise<{ accountId: string | null; recipient: string | null; account: ChannelAccountRow | undefined }> {
  const meta = await lastInboundMeta(q, workspaceId, conversationId, before);
  const accountId = meta?.[CHANNEL_META.accountId] ?? null;
  const recipient = meta?.[CHANNEL_META.from] || null;
  const found = accountId && UUID.test(accountId) ? await findChannelAccount(q, workspaceId, accountId) : undefined;
  const account = found?.kind === channel ? found : undefined;
  return { accountId: account ? account.id : null, recipient, account };
}

/** Everything up to and including `at` (for lastInboundMeta's strict "before"). */
export const upTo = (at: Date): { createdAt: Date; id: string } => ({ createdAt: at, id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a free-form WhatsApp message to this customer would be outside the window at `now`. */
export async function outsideWhatsAppWindow(
  q: Queryable,
  workspaceId: string,
  customerId: string,
  accountId: string,
  recipient: string,
  now: Date,
): Promise<boolean> {
  return !insideWindow(await lastCustomerMessageAt(q, workspaceId, customerId, accountId, recipient), now);
}

export type ChannelQueueOutcome =
  { kind: 'queued' | 'held'; row: NewChannelOutboxRow } | { kind: 'skipped'; why: 'missing' | 'not_outbound' | 'not_channel' | 'exists' };

/**
 * Queues the outbound message (agent reply, API reply, acknowledgement) of a WhatsApp, Telegram or
 * SMS conversation, once per message, in the caller's transaction: the account and address of the
 * customer's latest inbound message, and a hold reason when it cannot go out now. Free text only:
 * templates are queued by their route (send-whatsapp-template.ts). `at` is when the reply was
 * written: the 24-hour window is measured from it here, and again at send time.
 */
export async function queueChannelMessage(tx: Queryable, workspaceId: string, messageId: string, at: Date): Promise<ChannelQueueOutcome> {
  const facts = await outboundFacts(tx, workspaceId, messageId);
  if (!facts) return { kind: 'skipped', why: 'missing' };
  if (facts.direction !== 'outbound') return { kind: 'skipped', why: 'not_outbound' };
  if (!CHANNEL_KINDS_OUT.has(facts.channel)) return { kind: 'skipped', why: 'not_channel' };
  const channel = facts.channel as ChannelKind;
  const target = await channelTarget(tx, workspaceId, channel, facts.conversationId, { createdAt: facts.createdAt, id: facts.messageId });
  const outsideWindow =
    channel === 'whatsapp' &&
    target.accountId !== null &&
    target.recipient !== null &&
    (await outsideWhatsAppWindow(tx, workspaceId, facts.customerId, target.accountId, target.recipient, at));
  const row: NewChannelOutboxRow = {
    id: newId(),
    conversationId: facts.conversationId,
    messageId,
    accountId: target.accountId,
    channel,
    recipient: target.recipient,
    bodyKind: 'text',
    payload: {},
    heldReason: channelHoldReason({
      recipient: target.recipient,
      account: target.account,
      awaitingReview: facts.reviewStatus === 'awaiting_review',
      outsideWindow,
    }),
  };
  if (!(await insertChannelOutbox(tx, workspaceId, row, at))) return { kind: 'skipped', why: 'exists' };
  return { kind: row.heldReason ? 'held' : 'queued', row };
}
