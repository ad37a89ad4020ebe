import type { Principal } from '../auth/principal.js';
import { findConversation, type ConversationRow } from '../conversations/conversations.repo.js';
import { findCustomer } from '../customers/customers.repo.js';
import type { Queryable } from '../db/types.js';
import { recordChange } from '../events/events.repo.js';
import { actorOf } from '../http/actor.js';
import { AppError, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { primaryLanguage } from '../lib/language-tag.js';
import { addMessage, buildMessage } from '../messages/add-message.js';
import { recordReply, type PreparedReply } from '../translation/translated-reply.js';
import { sendAt, type SendRequest } from './business-hours.js';
import {
  findScheduledMessage,
  insertScheduledMessage,
  settleScheduledMessage,
  type ScheduledBody,
  type ScheduledMessageRow,
} from './scheduling.repo.js';

/** The API's words for "in the customer's hours", beside an ISO instant. */
export const CUSTOMER_BUSINESS_HOURS = 'customer_business_hours';
export const NEXT_BUSINESS_MORNING = 'next_business_morning';
/** How far ahead anything may be scheduled. */
const MAX_AHEAD_MS = 366 * 86_400_000;

/**
 * The instant a request names, in the conversation's customer's business hours (business-hours.ts).
 * `fallback` is what "customer_business_hours" means here: `business_hours` (now if open) for
 * messages, `next_business_morning` for snoozes and reminders, where "now" would be pointless.
 */
export async function resolveWhen(
  q: Queryable,
  workspaceId: string,
  conversation: Pick<ConversationRow, 'customerId'>,
  requested: string,
  now: Date,
  opts: { path: string; fallback: 'business_hours' | 'next_business_morning'; exact?: boolean },
): Promise<Date> {
  const invalid = (message: string) => new AppError('validation_failed', `${opts.path}: ${message}`, [{ path: opts.path, message }]);
  let req: SendRequest;
  if (requested === CUSTOMER_BUSINESS_HOURS) req = opts.fallback;
  else if (requested === NEXT_BUSINESS_MORNING) req = 'next_business_morning';
  else {
    req = new Date(requested);
    if (!Number.isFinite(req.getTime())) throw invalid('not an ISO instant');
    if (opts.exact) {
      if (req.getTime() <= now.getTime()) throw invalid('must be in the future');
      if (req.getTime() > now.getTime() + MAX_AHEAD_MS) throw invalid('at most 366 days ahead');
      return req;
    }
  }
  if (req instanceof Date && req.getTime() > now.getTime() + MAX_AHEAD_MS) throw invalid('at most 366 days ahead');
  const customer = await findCustomer(q, workspaceId, conversation.customerId);
  return sendAt({ timeZone: customer?.timeZone ?? null, country: customer?.country ?? null, locale: customer?.locale ?? null }, req, now);
}

/** Drafts an outbound message now, for delivery at the resolved `sendAt` (never in the customer's night). */
export async function scheduleMessage(
  tx: Queryable,
  principal: Principal,
  conversationId: string,
  input: ScheduledBody & { sendAt: string },
  now: Date,
): Promise<ScheduledMessageRow> {
  const ws = principal.workspaceId;
  const conversation = await findConversation(tx, ws, conversationId, true);
  if (!conversation) throw notFound('conversation');
  const { sendAt: requested, ...body } = input;
  if (body.translateTo !== undefined && (!body.text || !body.language)) {
    throw new AppError('validation_failed', 'translateTo needs the text and its language', [
      { path: 'body/translateTo', message: 'needs text and language' },
    ]);
  }
  // Refuses an empty message now rather than at delivery.
  const { translateTo: _target, ...content } = body;
  buildMessage(conversationId, { ...content, direction: 'outbound' }, { authorType: 'api', authorId: null }, now);
  const at = await resolveWhen(tx, ws, conversation, requested, now, { path: 'body/sendAt', fallback: 'business_hours' });
  const actor = actorOf(principal);
  const row: ScheduledMessageRow = {
    id: newId(),
    conversationId,
    body,
    sendAt: at,
    requested,
    status: 'scheduled',
    messageId: null,
    createdByType: actor.actorType === 'agent' ? 'agent' : 'token',
    createdBy: principal.agentId,
    createdAt: now,
    updatedAt: now,
  };
  await insertScheduledMessage(tx, ws, row);
  await recordChange(
    tx,
    ws,
    { type: 'message.scheduled', subjectId: row.id, payload: { conversationId, scheduledMessageId: row.id, sendAt: at.toISOString() } },
    { ...actor, action: 'message.schedule', targetType: 'scheduled_message', targetId: row.id, data: { requested } },
    now,
  );
  return row;
}

/** Cancels a message not yet sent; a sent or cancelled one is a 409. */
export async function cancelScheduledMessage(tx: Queryable, principal: Principal, id: string, now: Date): Promise<ScheduledMessageRow> {
  const ws = principal.workspaceId;
  const row = await findScheduledMessage(tx, ws, id, true);
  if (!row) throw notFound('scheduled message');
  if (row.status !== 'scheduled') throw new AppError('conflict', `the message is already ${row.status}`);
  const cancelled = await settleScheduledMessage(tx, ws, id, 'cancelled', null, now);
  await recordChange(
    tx,
    ws,
    { type: 'message.schedule_cancelled', subjectId: id, payload: { conversationId: row.conversationId, scheduledMessageId: id } },
    { ...actorOf(principal), action: 'message.schedule_cancel', targetType: 'scheduled_message', targetId: id },
    now,
  );
  return cancelled;
}

/**
 * Delivers one due message through the add-message command, with its schedule row locked and still
 * `scheduled`: a second run (or a concurrent one, which waits for the lock) finds it sent and does
 * nothing. Returns whether this call sent it. A message to be translated needs its translation
 * `prepared` (before the transaction: it talks to the engine); it is recorded as a reply's would be,
 * so critical content or a failed translation is held for review instead of going out.
 */
export async function deliverScheduledMessage(
  tx: Queryable,
  workspaceId: string,
  id: string,
  now: Date,
  prepared?: PreparedReply,
): Promise<boolean> {
  const row = await findScheduledMessage(tx, workspaceId, id, true);
  if (!row || row.status !== 'scheduled' || row.sendAt.getTime() > now.getTime()) return false;
  const { translateTo, ...body } = row.body;
  if (translateTo !== undefined && prepared?.translation.target !== primaryLanguage(translateTo)) {
    throw new Error(`scheduled message ${id} is to be translated into ${translateTo}: prepare its translation first`);
  }
  const conversation = await findConversation(tx, workspaceId, row.conversationId, true);
  if (!conversation) return false;
  const { message } = await addMessage(tx, workspaceId, { agentId: row.createdBy }, conversation, { ...body, direction: 'outbound' }, now);
  if (translateTo !== undefined && prepared) await recordReply(tx, workspaceId, message, prepared, now);
  await settleScheduledMessage(tx, workspaceId, id, 'sent', message.id, now);
  return true;
}
