import { createRequire } from 'node:module';
import type HolidaysClass from 'date-holidays';
import type { HolidaySource, HolidayType } from './calendar.schema.js';
import { DAY_MS, parseLocalDate } from './zone.js';

/**
 * Public holidays from `date-holidays`, as sets of local day numbers per year.
 *
 * The package costs ~160 ms to import and its isHoliday() manages ~1,100 calls/s, so it is
 * required lazily on first use (servers without holiday calendars never pay for it), each source
 * gets one instance, and each (source, year) is asked once: getHolidays(year) → a Set lookup.
 *
 * A holiday closes whole local dates: its listed date, and the following ones when it lasts
 * several days (e.g. a three-day Eid). Part-day holidays (DE Christmas Eve from 14:00, type "bank")
 * close the whole date when their type is selected; use an instant closure for half days.
 * The dates are read as dates of the calendar's own zone, whatever zone the country uses.
 */

type Holidays = InstanceType<typeof HolidaysClass>;

const require = createRequire(import.meta.url);
let HolidaysCtor: typeof HolidaysClass | undefined;

/** The date-holidays class, loaded on first call. */
function library(): typeof HolidaysClass {
  HolidaysCtor ??= require('date-holidays') as typeof HolidaysClass;
  return HolidaysCtor;
}

export const DEFAULT_HOLIDAY_TYPES: readonly HolidayType[] = ['public'];

interface SourceCache {
  readonly holidays: Holidays;
  readonly types: ReadonlySet<string>;
  /** Every day the holidays listed for a year close (a long one may run into the next year). */
  readonly listed: Map<number, number[]>;
  /** Closed days that fall in a year, whichever year listed them. */
  readonly byYear: Map<number, ReadonlySet<number>>;
}

// Shared by every calendar with the same source: country, subdivision and types.
const sources = new Map<string, SourceCache>();

function sourceKey(src: HolidaySource): string {
  const types = [...(src.types ?? DEFAULT_HOLIDAY_TYPES)].sort().join(',');
  return `${src.country}|${src.subdivision ?? ''}|${types}`;
}

function cacheFor(src: HolidaySource): SourceCache {
  const key = sourceKey(src);
  let c = sources.get(key);
  if (!c) {
    const Ctor = library();
    const holidays = src.subdivision ? new Ctor(src.country, src.subdivision) : new Ctor(src.country);
    c = { holidays, types: new Set(src.types ?? DEFAULT_HOLIDAY_TYPES), listed: new Map(), byYear: new Map() };
    sources.set(key, c);
  }
  return c;
}

function listed(c: SourceCache, year: number): number[] {
  let days = c.listed.get(year);
  if (!days) {
    days = [];
    for (const h of c.holidays.getHolidays(year) || []) {
      if (!c.types.has(h.type)) continue;
      // `date` is "YYYY-MM-DD hh:mm:ss[ ±hhmm]" in the country's zone; its date is the holiday's.
      const first = parseLocalDate(h.date.slice(0, 10));
      if (first === undefined) continue;
      const span = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
      for (let i = 0; i < span; i++) days.push(first + i);
    }
    c.listed.set(year, days);
  }
  return days;
}

/** Local day numbers in `year` (Gregorian) closed by the source's holidays. */
export function holidayDays(src: HolidaySource, year: number): ReadonlySet<number> {
  const c = cacheFor(src);
  let set = c.byYear.get(year);
  if (!set) {
    const lo = Date.UTC(year, 0, 1) / DAY_MS;
    const hi = Date.UTC(year + 1, 0, 1) / DAY_MS;
    set = new Set([...listed(c, year - 1), ...listed(c, year)].filter((d) => d >= lo && d < hi));
    c.byYear.set(year, set);
  }
  return set;
}

/**
 * Why a source cannot be used, or undefined when it can. Codes are matched case-sensitively
 * (the schema asks for upper case) against the package's own lists.
 */
export function holidaySourceProblem(src: HolidaySource): { field: 'country' | 'subdivision'; message: string } | undefined {
  const lib = new (library())();
  if (!Object.hasOwn(lib.getCountries('en'), src.country)) {
    return { field: 'country', message: `no holiday data for country "${src.country}"` };
  }
  if (src.subdivision !== undefined && !Object.hasOwn(lib.getStates(src.country, 'en') ?? {}, src.subdivision)) {
    return { field: 'subdivision', message: `no subdivision "${src.subdivision}" in ${src.country}` };
  }
  return undefined;
}
