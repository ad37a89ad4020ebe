import type { BusinessCalendar } from '../calendars/index.js';
import {
  pauseClock,
  rebaseClock,
  resumeClock,
  settleClock,
  startClock,
  stopClock,
  timeCalc,
  type SlaChange,
  type SlaClock,
} from './clock.js';
import { clockSpec, type PolicyRules } from './policy.js';
import type { SlaMetric } from './sla-state.schema.js';

/**
 * A conversation's SLA clocks through its life, as a pure reducer over what happens to it:
 *
 * - created: the first-reply clock starts when the customer opened the conversation (an agent's
 *   outbound first message needs no reply), the resolution clock always;
 * - a customer message while nothing waits for an agent starts the next-reply clock again (the
 *   first customer message after each agent reply), and one on a solved or closed conversation
 *   reopens it, starting a new resolution cycle;
 * - an agent reply stops the reply clock (first or next) that is running;
 * - status `pending` pauses every clock, leaving it resumes them (the time left is re-added);
 *   `solved` or `closed` stops them all (achieved unless already breached); leaving those again
 *   starts a new resolution cycle;
 * - a change of calendar (the conversation moved team) counts the time left on the new calendar.
 *
 * Every step first settles the clocks at its instant, so a threshold crossed before the step is
 * recorded at its own instant. The same reducer serves the outbox handler (one event at a time,
 * state from the database) and replays of a whole timeline (tests, simulations).
 */

export type ConversationStatus = 'new' | 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';
/** Waiting on the customer: clocks pause. */
export const PAUSING_STATUSES: readonly ConversationStatus[] = ['pending'];
const ENDED: readonly ConversationStatus[] = ['solved', 'closed'];

export interface SlaState {
  /** The conversation's status as the clocks last saw it. */
  status: ConversationStatus;
  /** A customer message waits for an agent reply. */
  awaitingReply: boolean;
  /** The latest cycle of each metric (earlier cycles are stopped and no longer change). */
  clocks: SlaClock[];
}

export interface SlaContext {
  policy: PolicyRules;
  /** The owning team's calendar; null: business targets count wall time. */
  calendar: BusinessCalendar | null;
}

export type SlaEvent =
  | { at: Date; type: 'created'; status: ConversationStatus; inbound: boolean }
  | { at: Date; type: 'customer_message' }
  | { at: Date; type: 'agent_reply' }
  | { at: Date; type: 'status'; status: ConversationStatus }
  | { at: Date; type: 'calendar'; calendar: BusinessCalendar | null };

export interface SlaStep {
  state: SlaState;
  changes: SlaChange[];
}

const calcFor = (c: SlaClock, cal: BusinessCalendar | null) => timeCalc(c.time, cal);

/** Applies `fn` to every clock, collecting the changes. */
function each(state: SlaState, changes: SlaChange[], fn: (c: SlaClock) => { clock: SlaClock; changes: SlaChange[] } | SlaClock): SlaState {
  const clocks = state.clocks.map((c) => {
    const r = fn(c);
    if ('clock' in r) {
      changes.push(...r.changes);
      return r.clock;
    }
    return r;
  });
  return { ...state, clocks };
}

/** Starts the next cycle of `metric` (when the policy has that target), paused while pending. */
function startNext(state: SlaState, ctx: SlaContext, metric: SlaMetric, at: Date): SlaState {
  const previous = state.clocks.find((c) => c.metric === metric);
  const spec = clockSpec(ctx.policy, metric, (previous?.cycle ?? 0) + 1);
  if (!spec) return state;
  const clock = startClock(spec, timeCalc(spec.time, ctx.calendar), at, PAUSING_STATUSES.includes(state.status));
  return { ...state, clocks: [...state.clocks.filter((c) => c.metric !== metric), clock] };
}

const isReply = (c: SlaClock) => c.metric === 'first_reply' || c.metric === 'next_reply';

function changeStatus(state: SlaState, ctx: SlaContext, at: Date, to: ConversationStatus, changes: SlaChange[]): SlaState {
  const from = state.status;
  if (from === to) return state;
  if (ENDED.includes(to)) {
    return { ...each(state, changes, (c) => stopClock(c, at)), status: to, awaitingReply: false };
  }
  let next: SlaState = { ...state, status: to };
  if (ENDED.includes(from)) next = startNext(next, ctx, 'resolution', at);
  return PAUSING_STATUSES.includes(to)
    ? each(next, changes, (c) => pauseClock(c, calcFor(c, ctx.calendar), at))
    : each(next, changes, (c) => resumeClock(c, calcFor(c, ctx.calendar), at));
}

/** The clocks of a conversation created with this status and first message (inbound: from the customer). */
export function openSla(ctx: SlaContext, ev: Extract<SlaEvent, { type: 'created' }>): SlaStep {
  // Imported history, solved already: no clocks until it reopens.
  if (ENDED.includes(ev.status)) return { state: { status: ev.status, awaitingReply: false, clocks: [] }, changes: [] };
  let state: SlaState = { status: 'open', awaitingReply: ev.inbound, clocks: [] };
  if (ev.inbound) state = startNext(state, ctx, 'first_reply', ev.at);
  state = startNext(state, ctx, 'resolution', ev.at);
  const changes: SlaChange[] = [];
  state = changeStatus(state, ctx, ev.at, ev.status, changes);
  return { state, changes };
}

/** Applies one event to the clocks (after settling them at its instant). */
export function applySlaEvent(state: SlaState, ctx: SlaContext, ev: Exclude<SlaEvent, { type: 'created' }>): SlaStep {
  const changes: SlaChange[] = [];
  let s = each(state, changes, (c) => settleClock(c, ev.at));
  switch (ev.type) {
    case 'customer_message':
      // An inbound message reopens a solved or closed conversation (conversations.repo recordMessage).
      if (ENDED.includes(s.status)) s = changeStatus(s, ctx, ev.at, 'open', changes);
      if (!s.awaitingReply) s = { ...startNext(s, ctx, 'next_reply', ev.at), awaitingReply: true };
      break;
    case 'agent_reply':
      s = { ...each(s, changes, (c) => (isReply(c) ? stopClock(c, ev.at) : c)), awaitingReply: false };
      break;
    case 'status':
      s = changeStatus(s, ctx, ev.at, ev.status, changes);
      break;
    case 'calendar':
      s = each(s, changes, (c) => rebaseClock(c, calcFor(c, ctx.calendar), calcFor(c, ev.calendar), ev.at));
      break;
  }
  return { state: s, changes };
}

/** Thresholds crossed by `now` (the evaluator's pass). */
export function settleSla(state: SlaState, now: Date): SlaStep {
  const changes: SlaChange[] = [];
  return { state: each(state, changes, (c) => settleClock(c, now)), changes };
}

/**
 * A whole timeline, first event `created`, settled at `now`. Calendar events move the
 * conversation onto another calendar for the events after them.
 */
export function replaySla(policy: PolicyRules, calendar: BusinessCalendar | null, events: SlaEvent[], now: Date): SlaStep {
  const [first, ...rest] = events;
  if (first?.type !== 'created') throw new Error('an SLA timeline starts with created');
  let ctx: SlaContext = { policy, calendar };
  const opened = openSla(ctx, first);
  let state = opened.state;
  const changes = [...opened.changes];
  for (const ev of rest) {
    const step = applySlaEvent(state, ctx, ev as Exclude<SlaEvent, { type: 'created' }>);
    state = step.state;
    changes.push(...step.changes);
    if (ev.type === 'calendar') ctx = { ...ctx, calendar: ev.calendar };
  }
  const end = settleSla(state, now);
  return { state: end.state, changes: [...changes, ...end.changes] };
}
