import type { Db } from '../db/types.js';
import type { EventRow } from '../events/events.repo.js';
import type { EventHandler } from '../jobs/outbox-processor.js';
import type { Clock } from '../lib/clock.js';
import { applySlaInput, settleConversation, slaCalendars, type SlaInput } from './apply.js';
import { dueConversations } from './clocks.repo.js';
import type { ConversationStatus } from './lifecycle.js';

const STATUSES: readonly string[] = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'];
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const status = (v: unknown): ConversationStatus | undefined => (STATUSES.includes(v as string) ? (v as ConversationStatus) : undefined);

/** The SLA input a committed event amounts to, or null for events the clocks do not follow. */
export function slaInputOf(ev: Pick<EventRow, 'type' | 'payload' | 'createdAt'>): SlaInput | null {
  const p = ev.payload;
  const conversationId = str(p.conversationId);
  const messageId = str(p.messageId);
  const at = new Date(ev.createdAt);
  if (!conversationId) return null;
  switch (ev.type) {
    case 'conversation.created': {
      const s = status(p.status);
      return { type: 'created', conversationId, at, inbound: p.direction === 'inbound', ...(s ? { status: s } : {}) };
    }
    case 'message.created':
      return messageId ? { type: 'message', conversationId, messageId, at } : null;
    case 'message.outbound_ready':
      return messageId ? { type: 'released', conversationId, messageId, at } : null;
    case 'conversation.updated': {
      const changed = Array.isArray(p.changed) ? p.changed : [];
      const s = status(p.status);
      // Also when nothing about the status changed: a new team may bring another calendar.
      return { type: 'updated', conversationId, at, statusChanged: changed.includes('status'), ...(s ? { status: s } : {}) };
    }
    default:
      return null;
  }
}

/**
 * Outbox → clocks: each conversation event moves the conversation's clocks in the drain's
 * transaction, so the move commits with the cursor and happens once per event. A failure is
 * contained in a savepoint and reported, never allowed to hold the outbox back: the evaluator still
 * records breaches of the clocks as they stand.
 */
export function slaOnEvents(onError: (err: unknown, ev: EventRow) => void): EventHandler {
  return async (ev, tx) => {
    const input = slaInputOf(ev);
    if (!input) return;
    await tx.query('SAVEPOINT sla_event');
    try {
      await applySlaInput(tx, ev.workspaceId, input, slaCalendars);
      await tx.query('RELEASE SAVEPOINT sla_event');
    } catch (err) {
      await tx.query('ROLLBACK TO SAVEPOINT sla_event');
      onError(err, ev);
    }
  };
}

export interface EvaluateResult {
  conversations: number;
  recorded: number;
}

/**
 * One evaluator pass: every conversation with a running clock past due or past its warning, each
 * in its own transaction (so a failure halfway keeps what was recorded before it, and the rerun
 * records the rest once). Safe to run twice or concurrently: each conversation's SLA row is locked
 * and every change is claimed in the ledger before its event is written.
 */
export async function evaluateSla(deps: { db: Db; clock: Clock }, opts: { batch?: number } = {}): Promise<EvaluateResult> {
  const now = deps.clock();
  const batch = opts.batch ?? 200;
  const seen = new Set<string>();
  const result: EvaluateResult = { conversations: 0, recorded: 0 };
  for (;;) {
    const due = (await dueConversations(deps.db, now, batch)).filter((d) => !seen.has(d.conversationId));
    for (const d of due) {
      seen.add(d.conversationId);
      result.recorded += await deps.db.transaction((tx) => settleConversation(tx, d.workspaceId, d.conversationId, now));
      result.conversations++;
    }
    // A full batch may have more behind it; the ones just settled are no longer due.
    if (due.length < batch) return result;
  }
}
