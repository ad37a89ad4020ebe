import { AppError } from './errors.js';

const known = new Map<string, boolean>();

/** True when the runtime's ICU knows this IANA zone. */
export function isTimeZone(tz: string): boolean {
  let ok = known.get(tz);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      ok = true;
    } catch {
      ok = false;
    }
    if (known.size < 1000) known.set(tz, ok);
  }
  return ok;
}

export function assertTimeZone(tz: string, path: string): void {
  if (!isTimeZone(tz))
    throw new AppError('validation_failed', `unknown time zone "${tz}"`, [{ path: `body${path}`, message: 'not an IANA time zone' }]);
}
