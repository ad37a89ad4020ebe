/**
 * Local wall time ↔ UTC with native Intl (no Luxon: we need our own gap rule anyway, and Intl's
 * cached formatter is the faster of the two). Local dates are "day numbers": days since
 * 1970-01-01, so date arithmetic is integer arithmetic and never touches a zone.
 *
 * Rules for wall times that do not map to exactly one instant:
 *  - a time skipped by a spring-forward transition (02:30 in Berlin on the last Sunday of March)
 *    maps to the first valid instant after it, which is the transition itself (03:00 CEST);
 *  - a time that occurs twice at a fall-back transition (02:30 on the last Sunday of October) maps
 *    to its first occurrence, i.e. the earlier offset (02:30 CEST, not 02:30 CET).
 * Both rules keep the mapping monotonic, so intervals that do not overlap in wall time do not
 * overlap as instants; an interval lying wholly in a gap becomes empty.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone (IANA names and their aliases, e.g. "UTC", "US/Pacific"). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at instant `t`, in ms (local = t + offset). */
export function offsetAt(timeZone: string, t: number): number {
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const p of formatter(timeZone).formatToParts(t)) {
    if (p.type === 'year') y = Number(p.value);
    else if (p.type === 'month') mo = Number(p.value);
    else if (p.type === 'day') d = Number(p.value);
    else if (p.type === 'hour')
      h = Number(p.value) % 24; // some ICU builds print midnight as 24
    else if (p.type === 'minute') mi = Number(p.value);
    else if (p.type === 'second') s = Number(p.value);
  }
  // Intl prints whole seconds: compare with t floored to the second.
  return Date.UTC(y, mo - 1, d, h, mi, s) - Math.floor(t / 1000) * 1000;
}

/**
 * The instant of a local wall time, given as "local ms" (the wall time read as if it were UTC,
 * e.g. dayStart(day) + minutes × 60 000). Applies the gap and overlap rules above.
 */
export function localToUtc(timeZone: string, local: number): number {
  // Offsets a day either side bracket any single transition near this wall time: the true
  // instant lies within ±14 h of `local`.
  const before = offsetAt(timeZone, local - DAY_MS);
  const after = offsetAt(timeZone, local + DAY_MS);
  if (before === after) return local - before;
  const early = local - before;
  const late = local - after;
  const earlyOk = offsetAt(timeZone, early) === before;
  const lateOk = offsetAt(timeZone, late) === after;
  if (earlyOk && lateOk) return Math.min(early, late); // ambiguous: first occurrence
  if (earlyOk) return early;
  if (lateOk) return late;
  // In a gap: find the transition, the first instant with the new offset, by bisection.
  let lo = Math.min(early, late);
  let hi = Math.max(early, late);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(timeZone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Day number of a proleptic Gregorian date. */
export const dayNumber = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day) / DAY_MS;

/** Day number of `YYYY-MM-DD`, or undefined when it is not a real date (2026-02-30). */
export function parseLocalDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = dayNumber(y, mo, d);
  const back = new Date(day * DAY_MS);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? day : undefined;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (day 0, 1970-01-01, was a Thursday). */
export const isoWeekday = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

/** Minutes since midnight of `HH:MM` (24:00 → 1440). Input is assumed to match the schema pattern. */
export const parseWallTime = (text: string): number => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));

/** The UTC year an instant falls in. */
export const utcYear = (t: number): number => new Date(t).getUTCFullYear();
