import type { BusinessCalendar } from './compile.js';
import { DAY_MS, MINUTE_MS } from './zone.js';

/**
 * Business-time queries over a compiled calendar: pure functions of (calendar, instants), no clock.
 * Each is a binary search over the calendar's precomputed intervals (plus, the first time a year
 * is touched, its expansion), never a walk minute by minute.
 *
 * Open time is half-open: a calendar open 09:00–18:00 is open at 09:00 and closed at 18:00.
 * Instants outside the years MIN_YEAR–MAX_YEAR, or invalid Dates, throw RangeError.
 */

/** How far nextOpen and addBusinessTime look ahead before answering null: 3 years (1,096 days). */
export const SEARCH_HORIZON_DAYS = 1096;
const HORIZON_MS = SEARCH_HORIZON_DAYS * DAY_MS;

export interface Opening {
  start: Date;
  end: Date;
}

function ms(at: Date): number {
  const t = at.getTime();
  if (!Number.isFinite(t)) throw new RangeError('business calendar: invalid Date');
  return t;
}

/** Index of the last interval starting at or before t, or -1. */
function lastStartAtOrBefore(cal: BusinessCalendar, t: number): number {
  const s = cal.starts;
  let lo = 0;
  let hi = cal.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Business ms from the start of the expanded range to t. Call cal.cover(t) first. */
function cumBefore(cal: BusinessCalendar, t: number): number {
  const i = lastStartAtOrBefore(cal, t);
  if (i < 0) return 0;
  return cal.cum[i]! + Math.min(t - cal.starts[i]!, cal.ends[i]! - cal.starts[i]!);
}

/** Whether the calendar is open at `at`. */
export function isOpen(cal: BusinessCalendar, at: Date): boolean {
  const t = ms(at);
  cal.cover(t);
  const i = lastStartAtOrBefore(cal, t);
  return i >= 0 && t < cal.ends[i]!;
}

/**
 * The first open instant at or after `at`: `at` itself when open. null when the calendar has no
 * open time in the SEARCH_HORIZON_DAYS after `at` (e.g. no weekly hours at all, or closed for years).
 */
export function nextOpen(cal: BusinessCalendar, at: Date): Date | null {
  const t = ms(at);
  cal.cover(t);
  const i = lastStartAtOrBefore(cal, t);
  if (i >= 0 && t < cal.ends[i]!) return at;
  const limit = t + HORIZON_MS;
  // Growing appends intervals and keeps indexes, so i + 1 stays the candidate.
  while (i + 1 >= cal.count) {
    if (cal.hi > limit || !cal.growForward()) return null;
  }
  const next = cal.starts[i + 1]!;
  return next <= limit ? new Date(next) : null;
}

/**
 * The due instant after `minutes` of business time from `from`: the earliest instant with that
 * much open time between it and `from`. So a due time landing on a closing time is that closing
 * time (Fri 17:00 + 60 min in a 09:00–18:00 calendar is Fri 18:00, not Mon 09:00), and 0 minutes
 * is `from` itself, open or not. Fractions of a minute are kept to the millisecond.
 * `minutes` must be finite and ≥ 0 (RangeError otherwise). null when the due instant lies more than
 * SEARCH_HORIZON_DAYS after `from` — which is what a calendar that never opens gives.
 */
export function addBusinessTime(cal: BusinessCalendar, from: Date, minutes: number): Date | null {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`business calendar: minutes must be a finite number ≥ 0, got ${minutes}`);
  }
  const t = ms(from);
  const add = Math.round(minutes * MINUTE_MS);
  if (add === 0) return new Date(t);
  cal.cover(t);
  const target = cumBefore(cal, t) + add;
  const limit = t + HORIZON_MS;
  while (cal.total < target) {
    if (cal.hi > limit || !cal.growForward()) return null;
  }
  // The interval the target falls in: the last whose cumulative start is below it.
  const cum = cal.cum;
  let lo = 0;
  let hi = cal.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  const i = lo - 1;
  const due = cal.starts[i]! + (target - cum[i]!);
  return due <= limit ? new Date(due) : null;
}

/**
 * Business minutes between `a` and `b` (fractional when they are not on whole minutes).
 * Signed: negative when `b` is before `a` (between(a, b) = −between(b, a)); 0 when equal.
 * Round-trips with addBusinessTime: between(from, addBusinessTime(from, m)) = m.
 */
export function businessTimeBetween(cal: BusinessCalendar, a: Date, b: Date): number {
  const ta = ms(a);
  const tb = ms(b);
  if (tb < ta) return -businessTimeBetween(cal, b, a);
  cal.cover(ta, tb);
  return (cumBefore(cal, tb) - cumBefore(cal, ta)) / MINUTE_MS;
}

/**
 * The open intervals within [from, to), clipped to it, in order. Touching intervals come back as
 * one (an overnight shift is one opening, not two split at midnight). Empty when to ≤ from.
 */
export function openings(cal: BusinessCalendar, from: Date, to: Date): Opening[] {
  const tf = ms(from);
  const tt = ms(to);
  if (tt <= tf) return [];
  cal.cover(tf, tt);
  const out: Opening[] = [];
  for (let i = Math.max(0, lastStartAtOrBefore(cal, tf)); i < cal.count && cal.starts[i]! < tt; i++) {
    const s = Math.max(cal.starts[i]!, tf);
    const e = Math.min(cal.ends[i]!, tt);
    if (e > s) out.push({ start: new Date(s), end: new Date(e) });
  }
  return out;
}
