import { Type, type Static } from '@sinclair/typebox';
import { Text, TimeZone, Timestamp } from '../http/schemas.js';

/**
 * A business calendar as stored and as clients send it. The shapes here are checked by ajv (at the
 * HTTP edge and again in `validateCalendar`); what a shape cannot say — that a zone exists, that two
 * intervals overlap, that a country has such a subdivision — `validateCalendar` checks.
 */

/** Local wall-clock time `HH:MM`, 00:00–23:59. */
export const WallTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Local time HH:MM' });
/** Like WallTime, plus `24:00` (the end of the day). */
export const WallTimeEnd = Type.String({
  pattern: '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$',
  description: 'Local time HH:MM or 24:00; an end at or before the start runs past midnight into the next day',
});
/** A calendar date `YYYY-MM-DD` in the calendar's time zone (whether it exists is checked in code). */
export const LocalDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'Local date YYYY-MM-DD' });

export const IsoWeekday = Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday … 7 = Sunday' });

/** One stretch of opening hours; `end` ≤ `start` means it ends on the next day (overnight shift). */
export const Hours = Type.Object({ start: WallTime, end: WallTimeEnd }, { additionalProperties: false });
export type Hours = Static<typeof Hours>;

/** The same hours on several weekdays, e.g. Mon–Fri 09:00–12:30. A day may have several entries (split shifts). */
export const WeeklyHours = Type.Object(
  {
    days: Type.Array(IsoWeekday, { minItems: 1, maxItems: 7, uniqueItems: true }),
    start: WallTime,
    end: WallTimeEnd,
  },
  { additionalProperties: false },
);
export type WeeklyHours = Static<typeof WeeklyHours>;

export const HOLIDAY_TYPES = ['public', 'bank', 'school', 'optional', 'observance'] as const;
export const HolidayType = Type.Union(HOLIDAY_TYPES.map((t) => Type.Literal(t)));
export type HolidayType = Static<typeof HolidayType>;

/** Public holidays from the `date-holidays` package: country and optional subdivision (DE + BY). */
export const HolidaySource = Type.Object(
  {
    country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2, e.g. DE' }),
    subdivision: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{1,4}$', description: 'e.g. BY for Bavaria' })),
    types: Type.Optional(
      Type.Array(HolidayType, { minItems: 1, maxItems: HOLIDAY_TYPES.length, uniqueItems: true, description: 'default ["public"]' }),
    ),
  },
  { additionalProperties: false },
);
export type HolidaySource = Static<typeof HolidaySource>;

/** Closed on these local dates, both included (like holidays: intervals starting on them do not run). */
export const DateClosure = Type.Object({ from: LocalDate, to: LocalDate, reason: Text(200) }, { additionalProperties: false });
export type DateClosure = Static<typeof DateClosure>;

/** Closed from `start` (included) to `end` (excluded), to the millisecond, e.g. a half day or an outage. */
export const InstantClosure = Type.Object({ start: Timestamp, end: Timestamp, reason: Text(200) }, { additionalProperties: false });
export type InstantClosure = Static<typeof InstantClosure>;

export const Closure = Type.Union([DateClosure, InstantClosure]);
export type Closure = Static<typeof Closure>;

/** A date with its own hours, replacing the weekly ones and any holiday on it (e.g. a Saturday sale). */
export const ExtraDay = Type.Object(
  {
    date: LocalDate,
    hours: Type.Array(Hours, { minItems: 1, maxItems: 48 }),
    reason: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);
export type ExtraDay = Static<typeof ExtraDay>;

export const CalendarDefinition = Type.Object(
  {
    timeZone: TimeZone,
    weekly: Type.Array(WeeklyHours, { maxItems: 100 }),
    holidays: Type.Optional(HolidaySource),
    closures: Type.Optional(Type.Array(Closure, { maxItems: 1000 })),
    extraDays: Type.Optional(Type.Array(ExtraDay, { maxItems: 1000 })),
  },
  { additionalProperties: false },
);
export type CalendarDefinition = Static<typeof CalendarDefinition>;
