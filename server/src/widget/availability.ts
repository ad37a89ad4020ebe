import { teamEta } from '../acks/team-eta.js';
import { isOpen, nextOpen, openings, type BusinessCalendar } from '../calendars/index.js';
import { compiledCalendars } from '../calendars/compiled-cache.js';
import type { CalendarDefinition } from '../calendars/index.js';
import { DAY_MS, localToUtc, offsetAt } from '../calendars/zone.js';
import type { Queryable } from '../db/types.js';
import { teamCalendar } from './widget.repo.js';

export interface Availability {
  open: boolean;
  nextOpenAt: Date | null;
  expectedReplyAt: Date | null;
  teamTimeZone: string | null;
  hoursToday: { start: Date; end: Date }[];
}

/** The calendar day of `now` in the team's zone, as UTC instants [start, end). */
export function localDay(timeZone: string, now: Date): { start: Date; end: Date } {
  const local = now.getTime() + offsetAt(timeZone, now.getTime());
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  return { start: new Date(localToUtc(timeZone, dayStart)), end: new Date(localToUtc(timeZone, dayStart + DAY_MS)) };
}

/** Open now, the hours today and when it next opens: pure over a compiled calendar (null: always open). */
export function hoursOf(calendar: BusinessCalendar | null, now: Date): Omit<Availability, 'expectedReplyAt'> {
  if (!calendar) return { open: true, nextOpenAt: null, teamTimeZone: null, hoursToday: [] };
  const open = isOpen(calendar, now);
  const day = localDay(calendar.timeZone, now);
  return {
    open,
    nextOpenAt: open ? null : nextOpen(calendar, now),
    teamTimeZone: calendar.timeZone,
    hoursToday: openings(calendar, day.start, day.end),
  };
}

/**
 * What the widget tells a visitor before they write: whether the widget's team is on shift, its hours
 * today, and the reply time an acknowledgement would promise a conversation started now (acks/eta.ts:
 * the team's recent first replies, its queue and who reads the visitor's language).
 */
export async function widgetAvailability(
  q: Queryable,
  workspaceId: string,
  teamId: string | null,
  language: string | null,
  now: Date,
): Promise<Availability> {
  const row = teamId ? await teamCalendar(q, workspaceId, teamId) : null;
  const calendar = row ? compiledCalendars.get({ ...row, definition: row.definition as CalendarDefinition }, now, [now]) : null;
  const t = await teamEta(q, workspaceId, { teamId, calendar, language, now, createdAt: now, timeZone: null });
  // A team nobody answers for can promise nothing.
  const eta = t.agents > 0 ? t.eta : null;
  return { ...hoursOf(calendar, now), expectedReplyAt: eta?.due ?? null };
}
