import { findCalendar } from '../calendars/calendars.repo.js';
import { compiledCalendars, type CompiledCalendars } from '../calendars/compiled-cache.js';
import type { BusinessCalendar } from '../calendars/index.js';
import type { Queryable } from '../db/types.js';
import type { SlaChange } from './clock.js';
import { conversationFacts, insertHeader, loadClocks, lockHeader, messageForSla, saveClocks, updateHeader } from './clocks.repo.js';
import type { SlaConversationFacts, SlaHeader } from './clocks.repo.js';
import { applySlaEvent, openSla, settleSla, type ConversationStatus, type SlaEvent, type SlaState } from './lifecycle.js';
import { findPolicy, listPolicies } from './policies.repo.js';
import { selectPolicy } from './policy.js';
import { recordSlaChanges } from './record.js';

/** What happened to a conversation, as the SLA clocks need it (from committed outbox events). */
export type SlaInput =
  | { type: 'created'; conversationId: string; at: Date; inbound: boolean; status?: ConversationStatus }
  | { type: 'message'; conversationId: string; messageId: string; at: Date }
  | { type: 'released'; conversationId: string; messageId: string; at: Date }
  | { type: 'updated'; conversationId: string; at: Date; status?: ConversationStatus; statusChanged: boolean };

/** The process-wide compiled-calendar cache (routing and the calendar routes share it). */
export const slaCalendars = compiledCalendars;

const compile = (cals: CompiledCalendars, row: SlaConversationFacts['calendar'], at: Date): BusinessCalendar | null =>
  row ? cals.get(row, at, [at]) : null;

/**
 * Applies one input to a conversation's clocks in the caller's transaction and records the
 * thresholds crossed; returns how many SLA events it recorded. The policy is chosen when the
 * conversation is created and kept; the calendar is the team's at each step (a new team, or a team
 * given a calendar, moves the running clocks onto it). Conversations created before SLA policies
 * existed, or that no policy matched, have no clocks and are left alone.
 */
export async function applySlaInput(
  tx: Queryable,
  workspaceId: string,
  input: SlaInput,
  cals: CompiledCalendars = slaCalendars,
): Promise<number> {
  const facts = await conversationFacts(tx, workspaceId, input.conversationId);
  if (!facts) return 0;
  if (input.type === 'created') return open(tx, workspaceId, input, facts, cals);

  const header = await lockHeader(tx, workspaceId, input.conversationId);
  if (!header?.policyId) return 0;
  const policy = await findPolicy(tx, workspaceId, header.policyId);
  if (!policy) return 0;
  const event = await eventOf(tx, workspaceId, input, facts);
  const newCalendarId = facts.calendar?.id ?? null;
  if (!event && newCalendarId === header.calendarId) return 0;

  // Transitions never move back in time (two commands can commit in another order than they began).
  const at = new Date(Math.max(input.at.getTime(), header.lastAt.getTime()));
  // The calendar the clocks counted on so far: the team's, unless the team or its calendar changed.
  let oldRow = facts.calendar;
  if (header.calendarId !== newCalendarId)
    oldRow = header.calendarId ? ((await findCalendar(tx, workspaceId, header.calendarId)) ?? null) : null;
  let ctx = { policy, calendar: compile(cals, oldRow, at) };
  let state: SlaState = {
    status: header.status,
    awaitingReply: header.awaitingReply,
    clocks: await loadClocks(tx, workspaceId, input.conversationId, true),
  };
  const changes: SlaChange[] = [];
  const step = (ev: Exclude<SlaEvent, { type: 'created' }>) => {
    const r = applySlaEvent(state, ctx, ev);
    state = r.state;
    changes.push(...r.changes);
  };
  if (newCalendarId !== header.calendarId) {
    const calendar = compile(cals, facts.calendar, at);
    step({ type: 'calendar', at, calendar });
    ctx = { ...ctx, calendar };
  }
  if (event) step({ ...event, at });

  await saveClocks(tx, workspaceId, input.conversationId, policy.id, state.clocks);
  const next: SlaHeader = { ...header, calendarId: newCalendarId, status: state.status, awaitingReply: state.awaitingReply, lastAt: at };
  await updateHeader(tx, workspaceId, input.conversationId, next);
  return recordSlaChanges(tx, workspaceId, input.conversationId, policy, changes, input.at);
}

/** Sets the clocks of a new conversation (once: a second delivery finds the header and stops). */
async function open(
  tx: Queryable,
  workspaceId: string,
  input: Extract<SlaInput, { type: 'created' }>,
  facts: SlaConversationFacts,
  cals: CompiledCalendars,
): Promise<number> {
  const policy = selectPolicy(await listPolicies(tx, workspaceId), facts);
  const status = input.status ?? facts.status;
  const opened =
    policy &&
    openSla(
      { policy, calendar: compile(cals, facts.calendar, input.at) },
      { type: 'created', at: input.at, status, inbound: input.inbound },
    );
  // Without a policy the row still records that the conversation was looked at (and has no clocks).
  const header: SlaHeader = {
    policyId: policy?.id ?? null,
    calendarId: facts.calendar?.id ?? null,
    status: opened?.state.status ?? status,
    awaitingReply: opened?.state.awaitingReply ?? false,
    lastAt: input.at,
  };
  if (!(await insertHeader(tx, workspaceId, input.conversationId, header)) || !policy || !opened) return 0;
  await saveClocks(tx, workspaceId, input.conversationId, policy.id, opened.state.clocks);
  return recordSlaChanges(tx, workspaceId, input.conversationId, policy, opened.changes, input.at);
}

/** The clock event an input amounts to, or null (a note, a system message, a change of other fields). */
async function eventOf(
  tx: Queryable,
  workspaceId: string,
  input: Exclude<SlaInput, { type: 'created' }>,
  facts: SlaConversationFacts,
): Promise<Exclude<SlaEvent, { type: 'created' | 'calendar' }> | null> {
  if (input.type === 'updated') {
    // The status the change set (from the event); the current one for events that do not carry it.
    return input.statusChanged ? { type: 'status', at: input.at, status: input.status ?? facts.status } : null;
  }
  const m = await messageForSla(tx, workspaceId, input.messageId);
  if (!m) return null;
  if (input.type === 'released') return m.held ? { type: 'agent_reply', at: input.at } : null;
  if (m.direction === 'inbound') return { type: 'customer_message', at: input.at };
  // A reply held for review reaches the customer when released (message.outbound_ready).
  const agentReply = m.direction === 'outbound' && (m.authorType === 'agent' || m.authorType === 'api') && !m.held;
  return agentReply ? { type: 'agent_reply', at: input.at } : null;
}

/**
 * The evaluator's step for one conversation: thresholds its running clocks crossed by `now`,
 * recorded once. Locks the conversation's SLA row first, as every SLA writer does.
 */
export async function settleConversation(tx: Queryable, workspaceId: string, conversationId: string, now: Date): Promise<number> {
  const header = await lockHeader(tx, workspaceId, conversationId);
  if (!header?.policyId) return 0;
  const clocks = await loadClocks(tx, workspaceId, conversationId, true);
  const { state, changes } = settleSla({ status: header.status, awaitingReply: header.awaitingReply, clocks }, now);
  if (changes.length === 0) return 0;
  await saveClocks(tx, workspaceId, conversationId, header.policyId, state.clocks);
  return recordSlaChanges(tx, workspaceId, conversationId, await findPolicy(tx, workspaceId, header.policyId), changes, now);
}
