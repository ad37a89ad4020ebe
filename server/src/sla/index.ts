/**
 * SLA clocks, pure and clock-free: callers pass every instant and the calendar.
 *
 *   const policy = selectPolicy(policies, facts);                 // first match, else the default
 *   const { state, changes } = openSla({ policy, calendar }, { type: 'created', at, status, inbound });
 *   applySlaEvent(state, ctx, { type: 'customer_message' | 'agent_reply' | 'status' | 'calendar', at, … });
 *   settleSla(state, now);                                         // thresholds crossed by now
 *   replaySla(policy, calendar, timeline, now);                    // a whole timeline at once
 *   viewClock(clock, now);                                         // as the API shows it
 *
 * `changes` are the thresholds crossed (warned, breached, achieved), each at its own instant; the
 * storage layer records each once per (conversation, metric, kind, cycle).
 */
export { pauseClock, rebaseClock, resumeClock, settleClock, startClock, stopClock, timeCalc, WALL_TIME } from './clock.js';
export type { ClockSpec, SlaChange, SlaChangeKind, SlaClock, TimeBasis, TimeCalc } from './clock.js';
export { applySlaEvent, openSla, PAUSING_STATUSES, replaySla, settleSla } from './lifecycle.js';
export type { ConversationStatus, SlaContext, SlaEvent, SlaState, SlaStep } from './lifecycle.js';
export { clockSpec, conditionsMatch, policyOrder, selectPolicy, warnBeforeMs } from './policy.js';
export type { PolicyRules, SlaFacts } from './policy.js';
export { viewClock } from './view.js';
