import { isBlocked } from '../abuse/blocks.repo.js';
import { createConversation } from '../conversations/create-conversation.js';
import { findCustomerIdByIdentity } from '../customers/customers.repo.js';
import { createCustomer } from '../customers/save-customer.js';
import type { Db, Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import type { Clock } from '../lib/clock.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { addMessage } from '../messages/add-message.js';
import { applyDeliveryStatus } from './outbound/delivery-status.js';
import type { ChannelAccountRow } from './accounts.repo.js';
import { CHANNEL_META } from './channel-meta.js';
import { claimInbound, latestChannelConversation, settleInbound } from './inbound.repo.js';
import type { DeliveryStatusUpdate, InboundChannelMessage } from './webhooks/inbound.types.js';

export interface ChannelIngestDeps {
  db: Db;
  clock: Clock;
  /** After a transaction that wrote events commits (outbox kick). */
  onCommit: () => void;
}

export type ChannelIngestOutcome =
  | { kind: 'created' | 'continued'; conversationId: string; messageId: string }
  | { kind: 'duplicate' }
  | { kind: 'blocked' }
  /** Our own model refused it (a 4xx inside): nothing stored, and the provider is not asked to retry bytes that cannot change. */
  | { kind: 'rejected'; reason: string };

const SYSTEM: Pick<AuditEntry, 'actorType' | 'actorId'> = { actorType: 'system', actorId: null };

/**
 * Takes the messages of one verified webhook call in one transaction: a message already in the
 * ledger (the provider delivering again) or from a blocked sender writes nothing; any other finds
 * or creates its customer and continues the customer's latest conversation through this account,
 * or opens one when there is none or it is closed. Language is detected where the message is
 * stored (create-conversation / add-message), with the channel's hints. Delivery reports in the same
 * call move our sent messages forward (channels/outbound/delivery-status.ts) in the same transaction.
 */
export async function ingestChannelMessages(
  deps: ChannelIngestDeps,
  account: ChannelAccountRow,
  messages: readonly InboundChannelMessage[],
  statuses: readonly DeliveryStatusUpdate[] = [],
): Promise<{ outcomes: ChannelIngestOutcome[]; statusesApplied: number }> {
  if (!messages.length && !statuses.length) return { outcomes: [], statusesApplied: 0 };
  const at = deps.clock();
  const result = await deps.db.transaction(async (tx) => {
    const outcomes: ChannelIngestOutcome[] = [];
    for (const m of messages) outcomes.push(await ingestSafely(tx, account, m, at));
    let statusesApplied = 0;
    for (const s of statuses) {
      const error = s.error ? `${s.error.code}: ${s.error.message}`.slice(0, 500) : undefined;
      const changed = await applyDeliveryStatus(tx, account.workspaceId, account.id, {
        providerMessageId: s.providerMessageId,
        status: s.status,
        at: s.at,
        error,
      });
      if (changed) statusesApplied++;
    }
    return { outcomes, statusesApplied };
  });
  if (result.statusesApplied || result.outcomes.some((o) => o.kind === 'created' || o.kind === 'continued')) deps.onCommit();
  return result;
}

async function ingestSafely(tx: Queryable, account: ChannelAccountRow, m: InboundChannelMessage, at: Date): Promise<ChannelIngestOutcome> {
  await tx.query('SAVEPOINT channel_ingest');
  try {
    const outcome = await ingestOne(tx, account, m, at);
    await tx.query('RELEASE SAVEPOINT channel_ingest');
    return outcome;
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    await tx.query('ROLLBACK TO SAVEPOINT channel_ingest');
    return { kind: 'rejected', reason: `${err.code}: ${err.message}`.slice(0, 500) };
  }
}

async function ingestOne(tx: Queryable, account: ChannelAccountRow, m: InboundChannelMessage, at: Date): Promise<ChannelIngestOutcome> {
  const ws = account.workspaceId;
  if (await isBlocked(tx, ws, account.kind, m.from)) return { kind: 'blocked' };
  const ledgerId = newId();
  if (!(await claimInbound(tx, ws, { id: ledgerId, accountId: account.id, providerMessageId: m.dedupeKey, createdAt: at }))) {
    return { kind: 'duplicate' };
  }
  const customerId = await findOrCreateCustomer(tx, ws, m, at);
  const message = { direction: 'inbound' as const, text: m.text, channelMeta: { ...m.meta, [CHANNEL_META.accountId]: account.id } };
  const latest = await latestChannelConversation(tx, ws, customerId, account.kind, account.id);
  let outcome: ChannelIngestOutcome;
  if (latest && latest.status !== 'closed') {
    const r = await addMessage(tx, ws, { agentId: null }, latest, message, at);
    outcome = { kind: 'continued', conversationId: latest.id, messageId: r.message.id };
  } else {
    const c = await createConversation(
      tx,
      ws,
      { agentId: null },
      SYSTEM,
      { customer: { id: customerId }, channel: account.kind, message },
      at,
    );
    outcome = { kind: 'created', conversationId: c.id, messageId: c.messages[0]!.id };
  }
  await settleInbound(tx, ws, ledgerId, { outcome: outcome.kind, conversationId: outcome.conversationId, messageId: outcome.messageId });
  return outcome;
}

/**
 * The customer with this phone number or Telegram id, or a new one named after the profile (with
 * the app's language as locale). Two first messages of a new customer at once: the second waits
 * on the first's identity row, then uses that customer (its own half-made one rolled back).
 */
async function findOrCreateCustomer(tx: Queryable, ws: string, m: InboundChannelMessage, at: Date): Promise<string> {
  const { kind, value } = m.identity;
  const existing = await findCustomerIdByIdentity(tx, ws, kind, value);
  if (existing) return existing;
  await tx.query('SAVEPOINT channel_customer');
  try {
    const created = await createCustomer(
      tx,
      ws,
      SYSTEM,
      {
        ...(kind === 'phone' ? { phones: [value] } : { externalIds: [value] }),
        ...(m.name ? { name: m.name } : {}),
        ...(m.locale ? { locale: m.locale } : {}),
      },
      at,
    );
    await tx.query('RELEASE SAVEPOINT channel_customer');
    return created.id;
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'already_exists')) throw err;
    await tx.query('ROLLBACK TO SAVEPOINT channel_customer');
    const winner = await findCustomerIdByIdentity(tx, ws, kind, value);
    if (!winner) throw err;
    return winner;
  }
}
