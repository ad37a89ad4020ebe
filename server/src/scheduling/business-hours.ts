import { compileCalendar, nextOpen, openings, type BusinessCalendar, type CalendarDefinition } from '../calendars/index.js';
import { holidaySourceProblem } from '../calendars/holidays.js';
import { isValidTimeZone } from '../calendars/zone.js';
import { cultureCatalog, cultureForCountry, resolveCulture, type CultureCatalog } from '../culture/culture.js';
import { AppError } from '../lib/errors.js';

/**
 * "The customer's local business hours", pure and clock-free: a weekly window (09:00–18:00 by
 * default) in the customer's time zone, on the working days of their country's culture profile
 * (weekend days from the profile; Saturday–Sunday when there is none), closed on their country's
 * public holidays. Compiled with the business-calendar module, so DST and holidays follow its rules.
 *
 * Time zone: the customer's own `time_zone` when it is a valid IANA zone; else the zone of their
 * country when it has exactly one (AE → Asia/Dubai; the US has 29, so no guess); else `defaultZone`
 * (UTC unless the caller knows better).
 */

export interface CustomerPlace {
  timeZone: string | null;
  country: string | null;
  locale: string | null;
}

export interface BusinessHoursOptions {
  defaultZone?: string;
  /** Local opening time HH:MM (default 09:00). */
  start?: string;
  /** Local closing time HH:MM (default 18:00). */
  end?: string;
  catalog?: CultureCatalog;
}

export const DEFAULT_WEEKEND: readonly number[] = [6, 7];

/** The customer's time zone, by the rule above. */
export function customerZone(c: CustomerPlace, defaultZone = 'UTC'): string {
  if (c.timeZone && isValidTimeZone(c.timeZone)) return c.timeZone;
  if (c.country && /^[A-Z]{2}$/.test(c.country)) {
    try {
      const zones = (new Intl.Locale(`und-${c.country}`) as Intl.Locale & { timeZones?: string[] }).timeZones;
      if (zones?.length === 1 && isValidTimeZone(zones[0]!)) return zones[0]!;
    } catch {
      // Not a region Intl knows: fall through to the default.
    }
  }
  return defaultZone;
}

/**
 * The customer's weekend (ISO weekdays): the culture profile of their country; without a country,
 * that of their stated locale when it names a region (ar-SA); otherwise Saturday–Sunday. A
 * country without a profile keeps Saturday–Sunday rather than borrowing its language's default:
 * Arabic's default profile rests Friday–Saturday, while the UAE has rested Saturday–Sunday since 2022.
 */
export function customerWeekend(c: CustomerPlace, catalog: CultureCatalog = cultureCatalog()): readonly number[] {
  if (c.country) return cultureForCountry(catalog, c.country)?.weekend.days ?? DEFAULT_WEEKEND;
  if (c.locale) {
    const profile = resolveCulture(catalog, c.locale)?.profile;
    if (profile && new Intl.Locale(c.locale).region) return profile.weekend.days;
  }
  return DEFAULT_WEEKEND;
}

/** The calendar definition of the customer's business hours. */
export function customerHoursDefinition(c: CustomerPlace, opts: BusinessHoursOptions = {}): CalendarDefinition {
  const weekend = customerWeekend(c, opts.catalog);
  const days = [1, 2, 3, 4, 5, 6, 7].filter((d) => !weekend.includes(d));
  const holidays =
    c.country && /^[A-Z]{2}$/.test(c.country) && !holidaySourceProblem({ country: c.country }) ? { country: c.country } : null;
  return {
    timeZone: customerZone(c, opts.defaultZone),
    weekly: days.length ? [{ days, start: opts.start ?? '09:00', end: opts.end ?? '18:00' }] : [],
    ...(holidays ? { holidays } : {}),
  };
}

// Compiled calendars by definition: a handful of distinct (zone, weekend, country) combinations.
const compiled = new Map<string, BusinessCalendar>();
const MAX_COMPILED = 200;

/** The compiled business hours of a customer (cached by definition). */
export function customerHours(c: CustomerPlace, opts: BusinessHoursOptions = {}): BusinessCalendar {
  const def = customerHoursDefinition(c, opts);
  const key = JSON.stringify(def);
  let cal = compiled.get(key);
  if (!cal) {
    cal = compileCalendar(def);
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, cal);
  }
  return cal;
}

/**
 * When to deliver: never inside the customer's night or weekend.
 * - `'business_hours'` (the API's `"customer_business_hours"`): now if the customer's hours are open, else their next opening.
 * - `'next_business_morning'`: the start of the customer's next business day after now (today's opening if it is still ahead).
 * - an instant: that instant when it falls in the customer's hours, else their next opening after it;
 *   an instant in the past counts from now.
 */
export type SendRequest = Date | 'business_hours' | 'next_business_morning';

export function sendAt(c: CustomerPlace, requested: SendRequest, now: Date, opts: BusinessHoursOptions = {}): Date {
  const cal = customerHours(c, opts);
  let at: Date | null;
  if (requested === 'next_business_morning') {
    const week = openings(cal, now, new Date(now.getTime() + 21 * 86_400_000));
    // openings are clipped to [now, …): one starting exactly at now is an opening in progress only if now is inside it.
    at = week.find((o) => o.start.getTime() > now.getTime())?.start ?? null;
  } else {
    const from = requested === 'business_hours' || requested.getTime() < now.getTime() ? now : requested;
    at = nextOpen(cal, from);
  }
  if (!at)
    throw new AppError('validation_failed', 'the customer has no business hours to deliver in', [
      { path: 'body/sendAt', message: 'no business hours' },
    ]);
  return at;
}
