import { addBusinessTime, businessTimeBetween, type BusinessCalendar } from '../calendars/index.js';
import type { SlaMetric } from './sla-state.schema.js';

/**
 * One SLA clock as pure data and the transitions that move it, all functions of explicit instants.
 *
 * A running clock has a due instant and a warning instant. Pausing keeps the time left (business
 * time on a calendar, else wall time) and clears both; resuming re-adds what was left from the
 * resume instant, so the due moves by exactly the business time spent paused. Only forward
 * additions are used (the calendar API adds; it never subtracts).
 *
 * Thresholds are recorded at the instant they were crossed (`breachedAt` = the due instant), not
 * when someone noticed, so a late evaluator changes nothing in the record. Replying exactly at the
 * due instant is in time: a clock is breached once the instant is past due.
 */

export type TimeBasis = 'business' | 'calendar';

/** Time arithmetic in milliseconds: wall time, or business time on a calendar. */
export interface TimeCalc {
  /** The instant `ms` after `from`; null when a calendar has no such instant within its horizon. */
  add(from: Date, ms: number): Date | null;
  /** Signed time from `a` to `b`. */
  between(a: Date, b: Date): number;
}

export const WALL_TIME: TimeCalc = {
  add: (from, ms) => new Date(from.getTime() + ms),
  between: (a, b) => b.getTime() - a.getTime(),
};

const MINUTE = 60_000;
const calcs = new WeakMap<BusinessCalendar, TimeCalc>();

/** Business time on `cal`: a business target without a calendar counts wall time. */
export function timeCalc(basis: TimeBasis, cal: BusinessCalendar | null): TimeCalc {
  if (basis === 'calendar' || !cal) return WALL_TIME;
  let c = calcs.get(cal);
  if (!c) {
    c = {
      add: (from, ms) => addBusinessTime(cal, from, ms / MINUTE),
      between: (a, b) => Math.round(businessTimeBetween(cal, a, b) * MINUTE),
    };
    calcs.set(cal, c);
  }
  return c;
}

export type ClockStatus = 'running' | 'paused' | 'stopped';

export interface SlaClock {
  metric: SlaMetric;
  cycle: number;
  time: TimeBasis;
  targetMs: number;
  /** How long before due the clock counts as at risk. */
  warnBeforeMs: number;
  startedAt: Date;
  status: ClockStatus;
  /** null while paused, and when a calendar never reaches the target (no due within its horizon). */
  dueAt: Date | null;
  warnAt: Date | null;
  pausedSince: Date | null;
  /** Wall time spent paused so far. */
  pausedMs: number;
  /** While paused: the time left (null: no due). */
  remainingMs: number | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  achievedAt: Date | null;
  stoppedAt: Date | null;
}

export type SlaChangeKind = 'warned' | 'breached' | 'achieved';

/** A threshold a clock crossed: each is recorded once per (conversation, metric, kind, cycle). */
export interface SlaChange {
  kind: SlaChangeKind;
  metric: SlaMetric;
  cycle: number;
  /** When it happened: the warning or due instant, or the stop. */
  at: Date;
  dueAt: Date | null;
}

export interface ClockSpec {
  metric: SlaMetric;
  cycle: number;
  time: TimeBasis;
  targetMs: number;
  warnBeforeMs: number;
}

type Step = { clock: SlaClock; changes: SlaChange[] };

const change = (c: SlaClock, kind: SlaChangeKind, at: Date): SlaChange => ({ kind, metric: c.metric, cycle: c.cycle, at, dueAt: c.dueAt });

/** Due and warning instants for `remaining` left at `from`. */
function deadlines(calc: TimeCalc, from: Date, remaining: number | null, warnBeforeMs: number) {
  if (remaining === null) return { dueAt: null, warnAt: null };
  return { dueAt: calc.add(from, remaining), warnAt: calc.add(from, Math.max(0, remaining - warnBeforeMs)) };
}

/** A new clock started at `at`; paused from the start when the conversation waits on the customer. */
export function startClock(spec: ClockSpec, calc: TimeCalc, at: Date, paused = false): SlaClock {
  const base = {
    ...spec,
    startedAt: at,
    pausedMs: 0,
    warnedAt: null,
    breachedAt: null,
    achievedAt: null,
    stoppedAt: null,
  };
  if (paused) return { ...base, status: 'paused', dueAt: null, warnAt: null, pausedSince: at, remainingMs: spec.targetMs };
  return { ...base, status: 'running', pausedSince: null, remainingMs: null, ...deadlines(calc, at, spec.targetMs, spec.warnBeforeMs) };
}

/**
 * Records the thresholds a running clock has crossed by `now`. A breach found together with a
 * warning not yet given is recorded alone: warning of what has already happened is noise.
 */
export function settleClock(c: SlaClock, now: Date): Step {
  if (c.status !== 'running' || c.breachedAt) return { clock: c, changes: [] };
  if (c.dueAt && c.dueAt.getTime() < now.getTime()) {
    const clock = { ...c, breachedAt: c.dueAt };
    return { clock, changes: [change(clock, 'breached', c.dueAt)] };
  }
  if (!c.warnedAt && c.warnAt && c.warnAt.getTime() <= now.getTime() && (!c.dueAt || c.warnAt.getTime() < c.dueAt.getTime())) {
    const clock = { ...c, warnedAt: c.warnAt };
    return { clock, changes: [change(clock, 'warned', c.warnAt)] };
  }
  return { clock: c, changes: [] };
}

/** Pauses a running clock, keeping the time left (0 when already past due). */
export function pauseClock(c: SlaClock, calc: TimeCalc, at: Date): Step {
  const settled = settleClock(c, at);
  if (settled.clock.status !== 'running') return settled;
  const due = settled.clock.dueAt;
  const remainingMs = due ? Math.max(0, calc.between(at, due)) : null;
  return {
    clock: { ...settled.clock, status: 'paused', pausedSince: at, remainingMs, dueAt: null, warnAt: null },
    changes: settled.changes,
  };
}

/** Resumes a paused clock: what was left is added again from `at`. */
export function resumeClock(c: SlaClock, calc: TimeCalc, at: Date): SlaClock {
  if (c.status !== 'paused') return c;
  return {
    ...c,
    status: 'running',
    pausedMs: c.pausedMs + Math.max(0, at.getTime() - c.pausedSince!.getTime()),
    pausedSince: null,
    remainingMs: null,
    ...deadlines(calc, at, c.remainingMs, c.warnBeforeMs),
  };
}

/** Stops a clock (reply, solve): achieved when it was never breached. Paused time up to `at` counts as paused. */
export function stopClock(c: SlaClock, at: Date): Step {
  if (c.status === 'stopped') return { clock: c, changes: [] };
  const settled = settleClock(c, at);
  const s = settled.clock;
  const pausedMs = s.status === 'paused' ? s.pausedMs + Math.max(0, at.getTime() - s.pausedSince!.getTime()) : s.pausedMs;
  const clock: SlaClock = { ...s, status: 'stopped', stoppedAt: at, pausedMs, pausedSince: null, achievedAt: s.breachedAt ? null : at };
  return { clock, changes: clock.achievedAt ? [...settled.changes, change(clock, 'achieved', at)] : settled.changes };
}

/**
 * Moves a running clock onto another calendar at `at` (the conversation changed team): the time
 * left on the old calendar is counted on the new one from `at`. Paused clocks need nothing (they
 * re-add on resume), breached and stopped ones keep their record.
 */
export function rebaseClock(c: SlaClock, from: TimeCalc, to: TimeCalc, at: Date): Step {
  const settled = settleClock(c, at);
  const s = settled.clock;
  if (s.status !== 'running' || s.breachedAt || !s.dueAt || from === to) return settled;
  const remaining = Math.max(0, from.between(at, s.dueAt));
  const warnedOrNot = s.warnedAt ? { warnAt: s.warnAt } : {};
  return { clock: { ...s, ...deadlines(to, at, remaining, s.warnBeforeMs), ...warnedOrNot }, changes: settled.changes };
}
