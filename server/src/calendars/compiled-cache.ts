import { compileCalendar, type BusinessCalendar } from './compile.js';
import type { CalendarRow } from './calendars.repo.js';
import { DAY_MS } from './zone.js';

/**
 * Compiled calendars kept between requests, keyed by (id, updated_at): updated_at moves forward
 * on every save (calendars.repo.ts), so a saved change — by this process or another — is a
 * different key and the old entry is simply never asked for again.
 *
 * A compiled calendar keeps every year it has expanded, and widening the span rebuilds it: one
 * request in 1901 and the next in 2490 would cost seconds and hold six centuries. So the cached
 * instance only answers instants near the present (`WINDOW_DAYS` either side); anything further
 * gets a throwaway instance, which expands just the years it needs (a few ms each).
 */
const MAX_ENTRIES = 500;
const WINDOW_DAYS = 400;

export class CompiledCalendars {
  private readonly entries = new Map<string, { version: number; cal: BusinessCalendar }>();

  constructor(private readonly maxEntries = MAX_ENTRIES) {}

  /** The compiled calendar of `row` for queries about `instants`, judged against `now`. */
  get(row: Pick<CalendarRow, 'id' | 'definition' | 'updatedAt'>, now: Date, instants: readonly Date[]): BusinessCalendar {
    const near = instants.every((d) => Math.abs(d.getTime() - now.getTime()) <= WINDOW_DAYS * DAY_MS);
    if (!near) return compileCalendar(row.definition);
    const version = row.updatedAt.getTime();
    const hit = this.entries.get(row.id);
    if (hit && hit.version === version) {
      // Re-inserted so the Map's order is least recently used first.
      this.entries.delete(row.id);
      this.entries.set(row.id, hit);
      return hit.cal;
    }
    const cal = compileCalendar(row.definition);
    this.entries.delete(row.id);
    this.entries.set(row.id, { version, cal });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return cal;
  }

  /** Entries held (for tests). */
  get size(): number {
    return this.entries.size;
  }
}

/**
 * The process's compiled calendars, shared by every reader (the calendar routes, routing): one
 * compilation per calendar version however many paths ask, and one bound on what is held.
 */
export const compiledCalendars = new CompiledCalendars();
