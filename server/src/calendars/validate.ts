import { Ajv, type ValidateFunction } from 'ajv';
import { toDetails } from '../http/validation.js';
import { AppError, type ErrorDetail } from '../lib/errors.js';
import { CalendarDefinition, type HolidaySource, type Hours } from './calendar.schema.js';
import { holidaySourceProblem } from './holidays.js';
import { isValidTimeZone, parseLocalDate, parseWallTime } from './zone.js';

/** Minutes after the local midnight of the day it belongs to: [start, end), end up to 2880. */
export type Span = readonly [start: number, end: number];

/** A definition checked and turned into numbers: what compileCalendar works from. */
export interface NormalizedCalendar {
  readonly definition: CalendarDefinition;
  readonly timeZone: string;
  /** Index 1 (Monday) … 7 (Sunday); each sorted by start. */
  readonly weekly: readonly (readonly Span[])[];
  readonly holidays: HolidaySource | undefined;
  /** Closed local day-number ranges, both ends included. */
  readonly closedDates: readonly Span[];
  /** Closed instants [start, end) in epoch ms, sorted and merged. */
  readonly closedInstants: readonly Span[];
  readonly extraDays: ReadonlyMap<number, readonly Span[]>;
}

const DAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WEEK_MIN = 7 * 1440;
// RFC 3339 with an explicit offset: without one Date.parse would read the server's zone; and
// V8 rolls 2026-02-30 over into March, so the date is checked on its own.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
const parseInstant = (text: string): number =>
  INSTANT.test(text) && parseLocalDate(text.slice(0, 10)) !== undefined ? Date.parse(text) : Number.NaN;

let shapeCheck: ValidateFunction | undefined;

function checkShape(input: unknown): asserts input is CalendarDefinition {
  // Same schema as the HTTP edge, so stored definitions and request bodies obey one contract.
  // date-time strings are parsed below, so ajv-formats is not needed here.
  shapeCheck ??= new Ajv({ allErrors: true, strict: false, formats: { 'date-time': true } }).compile(CalendarDefinition);
  if (!shapeCheck(input)) fail(toDetails(shapeCheck.errors ?? [], ''));
}

function fail(details: ErrorDetail[]): never {
  const first = details[0];
  throw new AppError('validation_failed', `invalid business calendar${first ? `: ${first.path || '/'} ${first.message}` : ''}`, details);
}

/** Hours as minutes; an end at or before the start runs into the next day (so 00:00–00:00 is 24 h). */
export function toSpan(h: Hours): Span {
  const start = parseWallTime(h.start);
  const end = parseWallTime(h.end);
  return [start, end <= start ? end + 1440 : end];
}

interface Owned {
  a: number;
  b: number;
  path: string;
}

/** Reports each segment that starts before an earlier one ends. */
function overlaps(segments: Owned[], where: (minute: number) => string, details: ErrorDetail[]): void {
  segments.sort((x, y) => x.a - y.a || x.b - y.b);
  let prev: Owned | undefined;
  for (const s of segments) {
    if (prev && s.a < prev.b) {
      details.push({ path: s.path, message: `overlaps ${prev.path}${where(s.a)}` });
    }
    if (!prev || s.b > prev.b) prev = s;
  }
}

function weeklySpans(def: CalendarDefinition, details: ErrorDetail[]): Span[][] {
  const days: Span[][] = Array.from({ length: 8 }, () => []);
  const segments: Owned[] = [];
  def.weekly.forEach((w, i) => {
    const [s, e] = toSpan(w);
    for (const d of w.days) {
      days[d]!.push([s, e]);
      const a = (d - 1) * 1440 + s;
      const b = (d - 1) * 1440 + e;
      // Sunday's overnight shift runs into Monday: the week is a circle.
      if (b > WEEK_MIN) segments.push({ a, b: WEEK_MIN, path: `/weekly/${i}` }, { a: 0, b: b - WEEK_MIN, path: `/weekly/${i}` });
      else segments.push({ a, b, path: `/weekly/${i}` });
    }
  });
  overlaps(segments, (m) => ` on ${DAY_NAMES[Math.floor(m / 1440) + 1]}`, details);
  for (const d of days) d.sort((x, y) => x[0] - y[0]);
  return days;
}

function extraDaySpans(def: CalendarDefinition, details: ErrorDetail[]): Map<number, Span[]> {
  const out = new Map<number, Span[]>();
  (def.extraDays ?? []).forEach((x, i) => {
    const day = parseLocalDate(x.date);
    if (day === undefined) return void details.push({ path: `/extraDays/${i}/date`, message: 'is not a real date' });
    if (out.has(day)) return void details.push({ path: `/extraDays/${i}/date`, message: `${x.date} is listed twice` });
    const spans = x.hours.map(toSpan);
    overlaps(
      spans.map(([a, b], j) => ({ a, b, path: `/extraDays/${i}/hours/${j}` })),
      () => '',
      details,
    );
    out.set(
      day,
      spans.sort((p, q) => p[0] - q[0]),
    );
  });
  return out;
}

function closures(def: CalendarDefinition, details: ErrorDetail[]): { dates: Span[]; instants: Span[] } {
  const dates: Span[] = [];
  const instants: Span[] = [];
  (def.closures ?? []).forEach((c, i) => {
    if ('from' in c) {
      const from = parseLocalDate(c.from);
      const to = parseLocalDate(c.to);
      if (from === undefined) details.push({ path: `/closures/${i}/from`, message: 'is not a real date' });
      if (to === undefined) details.push({ path: `/closures/${i}/to`, message: 'is not a real date' });
      if (from === undefined || to === undefined) return;
      if (to < from) return void details.push({ path: `/closures/${i}/to`, message: 'is before from' });
      dates.push([from, to]);
    } else {
      const start = parseInstant(c.start);
      const end = parseInstant(c.end);
      const bad = 'is not an instant with an offset (2026-03-10T12:00:00Z)';
      if (!Number.isFinite(start)) details.push({ path: `/closures/${i}/start`, message: bad });
      if (!Number.isFinite(end)) details.push({ path: `/closures/${i}/end`, message: bad });
      if (!Number.isFinite(start) || !Number.isFinite(end)) return;
      if (end <= start) return void details.push({ path: `/closures/${i}/end`, message: 'is not after start' });
      instants.push([start, end]);
    }
  });
  instants.sort((p, q) => p[0] - q[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of instants) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return { dates, instants: merged };
}

/**
 * Checks a definition and turns it into numbers. Throws AppError `validation_failed` whose details
 * name every problem found by path (`/weekly/2`, `/holidays/subdivision`, `/closures/0/to`, …).
 */
export function normalizeCalendar(input: unknown): NormalizedCalendar {
  checkShape(input);
  const def = input;
  const details: ErrorDetail[] = [];
  if (!isValidTimeZone(def.timeZone)) details.push({ path: '/timeZone', message: `unknown time zone "${def.timeZone}"` });
  const weekly = weeklySpans(def, details);
  const extraDays = extraDaySpans(def, details);
  const { dates, instants } = closures(def, details);
  if (def.holidays) {
    const problem = holidaySourceProblem(def.holidays);
    if (problem) details.push({ path: `/holidays/${problem.field}`, message: problem.message });
  }
  if (details.length) fail(details);
  return {
    definition: def,
    timeZone: def.timeZone,
    weekly,
    holidays: def.holidays,
    closedDates: dates,
    closedInstants: instants,
    extraDays,
  };
}

/** Checks a definition (see normalizeCalendar) and returns it typed. For routes before storing one. */
export function validateCalendar(input: unknown): CalendarDefinition {
  return normalizeCalendar(input).definition;
}
