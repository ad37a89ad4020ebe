import type { CalendarDefinition } from './calendar.schema.js';
import { holidayDays } from './holidays.js';
import { normalizeCalendar, type NormalizedCalendar, type Span } from './validate.js';
import { DAY_MS, MINUTE_MS, dayNumber, isoWeekday, localToUtc, offsetAt, utcYear } from './zone.js';

/** Years a calendar can be expanded for; instants outside them are a RangeError. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2500;

/**
 * A compiled calendar: the definition expanded, a year at a time and only when a query needs it,
 * into sorted, disjoint UTC intervals [starts[i], ends[i]) with cumulative business time, so every
 * query is a binary search. Expansion rules (the "day an interval belongs to" is its start date):
 *  - a date closure or a holiday cancels the intervals that start on that local date, overnight
 *    tail included; the overnight interval that started the evening before still runs to its end;
 *  - an extra working day replaces that date's weekly hours and wins over a holiday on it, but not
 *    over a date closure;
 *  - instant closures are cut out of whatever is open, to the millisecond;
 *  - touching or overlapping intervals are merged (Fri 22:00–24:00 + Sat 00:00–06:00 is one).
 * Not thread-shared state: one instance caches for its own queries, and is safe to keep for as
 * long as the definition is unchanged (e.g. per workspace, dropped on save).
 */
export class BusinessCalendar {
  readonly definition: CalendarDefinition;
  readonly timeZone: string;
  /** @internal Interval starts, epoch ms, ascending. */
  starts = new Float64Array(0);
  /** @internal Interval ends, epoch ms (exclusive). */
  ends = new Float64Array(0);
  /** @internal Business ms in the intervals before i (relative to the first expanded year). */
  cum = new Float64Array(0);
  /** @internal */
  count = 0;
  /** @internal Business ms in all expanded intervals. */
  total = 0;
  /** @internal The arrays hold every interval touching an instant in [lo, hi). */
  lo = Infinity;
  /** @internal */
  hi = -Infinity;
  private firstYear = 0;
  private lastYear = -1;
  private readonly years = new Map<number, number[]>();

  constructor(private readonly cal: NormalizedCalendar) {
    this.definition = cal.definition;
    this.timeZone = cal.timeZone;
  }

  /** @internal Expands the years needed to answer for any instant in [from, to]. */
  cover(from: number, to: number = from): void {
    if (from >= this.lo && to < this.hi) return;
    if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError('business calendar: invalid instant');
    // Two days of margin: an overnight interval that started on the previous date (±14 h of zone
    // offset, +1 h of DST) is then inside the expanded years.
    const y0 = utcYear(from - 2 * DAY_MS);
    const y1 = utcYear(to + 2 * DAY_MS);
    if (y0 < MIN_YEAR || y1 > MAX_YEAR) {
      throw new RangeError(`business calendar: instants must lie in the years ${MIN_YEAR}–${MAX_YEAR}`);
    }
    const empty = this.lastYear < this.firstYear;
    this.firstYear = empty ? y0 : Math.min(this.firstYear, y0);
    this.lastYear = empty ? y1 : Math.max(this.lastYear, y1);
    this.rebuild();
  }

  /** @internal Expands one more year at the end; false at MAX_YEAR. Keeps existing indexes and cum. */
  growForward(): boolean {
    if (this.lastYear >= MAX_YEAR) return false;
    this.lastYear += 1;
    this.rebuild();
    return true;
  }

  private rebuild(): void {
    const s: number[] = [];
    const e: number[] = [];
    for (let y = this.firstYear; y <= this.lastYear; y++) {
      const flat = this.yearIntervals(y);
      for (let i = 0; i < flat.length; i += 2) {
        const a = flat[i]!;
        const b = flat[i + 1]!;
        const last = s.length - 1;
        if (last >= 0 && a <= e[last]!) e[last] = Math.max(e[last]!, b);
        else {
          s.push(a);
          e.push(b);
        }
      }
    }
    this.starts = Float64Array.from(s);
    this.ends = Float64Array.from(e);
    this.cum = new Float64Array(s.length);
    let sum = 0;
    for (let i = 0; i < s.length; i++) {
      this.cum[i] = sum;
      sum += e[i]! - s[i]!;
    }
    this.count = s.length;
    this.total = sum;
    this.lo = Date.UTC(this.firstYear, 0, 1) + 2 * DAY_MS;
    this.hi = Date.UTC(this.lastYear + 1, 0, 1) - 2 * DAY_MS;
  }

  /** Flat [start, end, …] of the intervals starting on local dates of `year`, closures applied. */
  private yearIntervals(year: number): number[] {
    const cached = this.years.get(year);
    if (cached) return cached;
    const { timeZone: zone, weekly, extraDays, holidays } = this.cal;
    const first = dayNumber(year, 1, 1);
    const days = dayNumber(year + 1, 1, 1) - first;
    const closed = new Uint8Array(days);
    for (const [from, to] of this.cal.closedDates) {
      for (let d = Math.max(from, first); d <= Math.min(to, first + days - 1); d++) closed[d - first] = 1;
    }
    const hol = holidays ? holidayDays(holidays, year) : undefined;
    const out: number[] = [];
    for (let day = first; day < first + days; day++) {
      if (closed[day - first]) continue;
      const spans: readonly Span[] = extraDays.get(day) ?? (hol?.has(day) ? [] : weekly[isoWeekday(day)]!);
      if (!spans.length) continue;
      const base = day * DAY_MS;
      // One offset for the whole day when it is the same a day before and two days after (an
      // interval ends within 48 h of the date's midnight); transition days take the slow path.
      const off = offsetAt(zone, base - DAY_MS);
      const fixed = off === offsetAt(zone, base + 3 * DAY_MS);
      for (const [sm, em] of spans) {
        const a = fixed ? base + sm * MINUTE_MS - off : localToUtc(zone, base + sm * MINUTE_MS);
        const b = fixed ? base + em * MINUTE_MS - off : localToUtc(zone, base + em * MINUTE_MS);
        if (b > a) out.push(a, b); // empty when the whole interval falls in a DST gap
      }
    }
    const result = subtract(out, this.cal.closedInstants);
    this.years.set(year, result);
    return result;
  }
}

/** Flat intervals with the sorted, disjoint `cuts` removed. */
function subtract(flat: number[], cuts: readonly Span[]): number[] {
  if (!cuts.length) return flat;
  const out: number[] = [];
  let first = 0; // starts ascend, so cuts ending before one interval's start end before the next's
  for (let i = 0; i < flat.length; i += 2) {
    let a = flat[i]!;
    const b = flat[i + 1]!;
    while (first < cuts.length && cuts[first]![1] <= a) first++;
    for (let j = first; j < cuts.length; j++) {
      const [cs, ce] = cuts[j]!;
      if (cs >= b) break;
      if (cs > a) out.push(a, cs);
      a = Math.max(a, ce);
      if (a >= b) break;
    }
    if (a < b) out.push(a, b);
  }
  return out;
}

/**
 * Validates a definition (AppError `validation_failed` with paths) and returns a compiled
 * calendar. Cheap: nothing is expanded until the first query.
 */
export function compileCalendar(definition: unknown): BusinessCalendar {
  return new BusinessCalendar(normalizeCalendar(definition));
}
