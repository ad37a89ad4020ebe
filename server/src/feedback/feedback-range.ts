import { DAY_MS, localToUtc } from '../calendars/zone.js';
import { AppError } from '../lib/errors.js';
import { isTimeZone } from '../lib/time-zone.js';
import { MAX_FEEDBACK_DAYS } from './feedback.schema.js';

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The local days asked for (both included; default the 30 days up to yesterday in `tz`) and the
 * instants [start, end) they span in that zone.
 */
export function feedbackRange(
  q: { from?: string | undefined; to?: string | undefined; tz?: string | undefined },
  now: Date,
): { from: string; to: string; tz: string; start: Date; end: Date } {
  const tz = q.tz ?? 'UTC';
  if (!isTimeZone(tz)) {
    throw new AppError('validation_failed', `unknown time zone "${tz}"`, [{ path: 'querystring/tz', message: 'not an IANA time zone' }]);
  }
  // Today's local date in the zone: its wall time read as if it were UTC.
  const todayLocal = Date.parse(`${new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(now)}T00:00:00Z`);
  const to = q.to ?? day(todayLocal - DAY_MS);
  const from = q.from ?? day(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS);
  const startLocal = Date.parse(`${from}T00:00:00Z`);
  const endLocal = Date.parse(`${to}T00:00:00Z`) + DAY_MS;
  const days = (endLocal - startLocal) / DAY_MS;
  if (days < 1) throw new AppError('validation_failed', 'to is before from', [{ path: 'querystring/to', message: 'before from' }]);
  if (days > MAX_FEEDBACK_DAYS) {
    throw new AppError('validation_failed', `at most ${MAX_FEEDBACK_DAYS} days`, [
      { path: 'querystring/to', message: `more than ${MAX_FEEDBACK_DAYS} days after from` },
    ]);
  }
  return { from, to, tz, start: new Date(localToUtc(tz, startLocal)), end: new Date(localToUtc(tz, endLocal)) };
}
