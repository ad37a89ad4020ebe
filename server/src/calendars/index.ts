/**
 * Business calendars: when a team is open, in its own time zone, with public holidays, closures
 * and extra working days; and business-time arithmetic over that (SLA due times, elapsed business
 * time). Pure and clock-free: callers pass every instant.
 *
 *   const cal = compileCalendar(definition);           // validates; AppError validation_failed
 *   isOpen(cal, at);  nextOpen(cal, at);                // Date | null
 *   addBusinessTime(cal, from, minutes);                // due Date | null
 *   businessTimeBetween(cal, a, b);                     // signed minutes
 *   openings(cal, from, to);                            // [{ start, end }] clipped to [from, to)
 *
 * Keep a compiled calendar for as long as its definition is unchanged: it expands and caches a
 * year at a time. The rules for holidays, overnight shifts and DST are documented in compile.ts,
 * zone.ts and business-time.ts.
 */
export {
  CalendarDefinition,
  Closure,
  DateClosure,
  ExtraDay,
  HolidaySource,
  HolidayType,
  Hours,
  InstantClosure,
  WeeklyHours,
} from './calendar.schema.js';
export { addBusinessTime, businessTimeBetween, isOpen, nextOpen, openings, SEARCH_HORIZON_DAYS, type Opening } from './business-time.js';
export { BusinessCalendar, compileCalendar, MAX_YEAR, MIN_YEAR } from './compile.js';
export { DEFAULT_HOLIDAY_TYPES } from './holidays.js';
export { validateCalendar } from './validate.js';
