import type { Principal } from '../auth/principal.js';
import { findConversation } from '../conversations/conversations.repo.js';
import { updateConversation } from '../conversations/update-conversation.js';
import type { Queryable } from '../db/types.js';
import { appendEvent, recordChange } from '../events/events.repo.js';
import { actorOf } from '../http/actor.js';
import { notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { resolveWhen } from './schedule-message.js';
import { cancelActiveSnooze, findSnooze, insertSnooze, settleSnooze, type SnoozeKind, type SnoozeRow } from './scheduling.repo.js';

export type SnoozeStatusWhile = 'pending' | 'on_hold';

function newRow(principal: Principal, conversationId: string, kind: SnoozeKind, until: Date, note: string | null, now: Date): SnoozeRow {
  return {
    id: newId(),
    conversationId,
    kind,
    until,
    note,
    status: 'scheduled',
    createdByType: principal.kind === 'session' ? 'agent' : 'token',
    createdBy: principal.agentId,
    createdAt: now,
    doneAt: null,
  };
}

/**
 * Snoozes a conversation until an instant, or "customer_business_hours" (the customer's next
 * business morning): its status becomes `pending` (waiting on the customer: SLA clocks pause and a
 * customer reply reopens it) or `on_hold`, and a snooze already set is replaced.
 */
export async function snoozeConversation(
  tx: Queryable,
  principal: Principal,
  conversationId: string,
  input: { until: string; status?: SnoozeStatusWhile; note?: string },
  now: Date,
): Promise<SnoozeRow> {
  const ws = principal.workspaceId;
  const conversation = await findConversation(tx, ws, conversationId, true);
  if (!conversation) throw notFound('conversation');
  const until = await resolveWhen(tx, ws, conversation, input.until, now, {
    path: 'body/until',
    fallback: 'next_business_morning',
    exact: true,
  });
  const replaced = await cancelActiveSnooze(tx, ws, conversationId, now);
  const row = newRow(principal, conversationId, 'snooze', until, input.note ?? null, now);
  await insertSnooze(tx, ws, row);
  const status = input.status ?? 'pending';
  if (conversation.status !== status) await updateConversation(tx, ws, actorOf(principal), conversationId, { status }, now);
  await recordChange(
    tx,
    ws,
    {
      type: 'conversation.snoozed',
      subjectId: conversationId,
      payload: { conversationId, snoozeId: row.id, until: until.toISOString(), status, replaced },
    },
    { ...actorOf(principal), action: 'conversation.snooze', targetType: 'conversation', targetId: conversationId, data: { until } },
    now,
  );
  return row;
}

/** A follow-up reminder for the agent: `reminder.due` fires at `at`. */
export async function addReminder(
  tx: Queryable,
  principal: Principal,
  conversationId: string,
  input: { at: string; note?: string },
  now: Date,
): Promise<SnoozeRow> {
  const ws = principal.workspaceId;
  const conversation = await findConversation(tx, ws, conversationId);
  if (!conversation) throw notFound('conversation');
  const at = await resolveWhen(tx, ws, conversation, input.at, now, { path: 'body/at', fallback: 'next_business_morning', exact: true });
  const row = newRow(principal, conversationId, 'follow_up', at, input.note ?? null, now);
  await insertSnooze(tx, ws, row);
  await recordChange(
    tx,
    ws,
    { type: 'reminder.created', subjectId: row.id, payload: { conversationId, reminderId: row.id, at: at.toISOString() } },
    { ...actorOf(principal), action: 'reminder.create', targetType: 'conversation', targetId: conversationId, data: { at } },
    now,
  );
  return row;
}

/**
 * Wakes a due snooze or fires a due reminder, with its row locked and still `scheduled`, so each
 * happens once however often the scheduler runs. A snoozed conversation still waiting (pending or
 * on hold) becomes open; one the customer or an agent already moved keeps its status. Either way
 * `conversation.woke` is written. Returns whether this call did it.
 */
export async function settleDueSnooze(tx: Queryable, workspaceId: string, id: string, now: Date): Promise<boolean> {
  const row = await findSnooze(tx, workspaceId, id, true);
  if (!row || row.status !== 'scheduled' || row.until.getTime() > now.getTime()) return false;
  const conversation = await findConversation(tx, workspaceId, row.conversationId, true);
  if (!conversation) return false;
  const base = { conversationId: row.conversationId, note: row.note };
  if (row.kind === 'follow_up') {
    await appendEvent(
      tx,
      workspaceId,
      {
        type: 'reminder.due',
        subjectId: row.id,
        payload: { ...base, reminderId: row.id, agentId: row.createdBy, at: row.until.toISOString() },
      },
      now,
    );
  } else {
    const waiting = conversation.status === 'pending' || conversation.status === 'on_hold';
    if (waiting) {
      await updateConversation(tx, workspaceId, { actorType: 'system', actorId: null }, row.conversationId, { status: 'open' }, now);
    }
    await appendEvent(
      tx,
      workspaceId,
      {
        type: 'conversation.woke',
        subjectId: row.conversationId,
        payload: { ...base, snoozeId: row.id, from: conversation.status, status: waiting ? 'open' : conversation.status },
      },
      now,
    );
  }
  await settleSnooze(tx, workspaceId, id, 'done', now);
  return true;
}
