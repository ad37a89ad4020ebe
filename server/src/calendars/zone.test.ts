import { describe, expect, it } from 'vitest';
import { DAY_MS, isoWeekday, localToUtc, offsetAt, parseLocalDate, parseWallTime } from './zone.js';

/** "Local ms" of a wall time: the wall time read as if it were UTC. */
const wall = (text: string): number => Date.parse(`${text}Z`);
const utc = (zone: string, text: string): string => new Date(localToUtc(zone, wall(text))).toISOString();

describe('localToUtc', () => {
  it('maps ordinary wall times with the offset in force', () => {
    expect(utc('Europe/Berlin', '2026-01-15T09:00')).toBe('2026-01-15T08:00:00.000Z');
    expect(utc('Europe/Berlin', '2026-07-15T09:00')).toBe('2026-07-15T07:00:00.000Z');
    expect(utc('UTC', '2026-07-15T09:00')).toBe('2026-07-15T09:00:00.000Z');
  });

  it('moves a wall time skipped by spring-forward to the transition (first valid instant after it)', () => {
    // Berlin, 29 Mar 2026: 02:00 CET → 03:00 CEST at 01:00Z.
    expect(utc('Europe/Berlin', '2026-03-29T01:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(utc('Europe/Berlin', '2026-03-29T02:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(utc('Europe/Berlin', '2026-03-29T02:30')).toBe('2026-03-29T01:00:00.000Z');
    expect(utc('Europe/Berlin', '2026-03-29T03:00')).toBe('2026-03-29T01:00:00.000Z');
    // Los Angeles, 8 Mar 2026: 02:00 PST → 03:00 PDT at 10:00Z.
    expect(utc('America/Los_Angeles', '2026-03-08T02:30')).toBe('2026-03-08T10:00:00.000Z');
    // Sydney, 4 Oct 2026: 02:00 AEST → 03:00 AEDT at 16:00Z the day before.
    expect(utc('Australia/Sydney', '2026-10-04T02:30')).toBe('2026-10-03T16:00:00.000Z');
    // São Paulo's last DST start, 4 Nov 2018, skipped midnight itself: 00:00 → 01:00.
    expect(utc('America/Sao_Paulo', '2018-11-04T00:00')).toBe('2018-11-04T03:00:00.000Z');
    expect(utc('America/Sao_Paulo', '2018-11-04T00:30')).toBe('2018-11-04T03:00:00.000Z');
  });

  it('gives a wall time repeated by fall-back its first occurrence (the earlier offset)', () => {
    // Berlin, 25 Oct 2026: 03:00 CEST → 02:00 CET at 01:00Z; 02:30 happens at 00:30Z and 01:30Z.
    expect(utc('Europe/Berlin', '2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(utc('Europe/Berlin', '2026-10-25T03:00')).toBe('2026-10-25T02:00:00.000Z');
    // Los Angeles, 1 Nov 2026: 01:30 PDT (08:30Z) before 01:30 PST (09:30Z).
    expect(utc('America/Los_Angeles', '2026-11-01T01:30')).toBe('2026-11-01T08:30:00.000Z');
    // Sydney, 5 Apr 2026: 02:30 AEDT (15:30Z) before 02:30 AEST (16:30Z).
    expect(utc('Australia/Sydney', '2026-04-05T02:30')).toBe('2026-04-04T15:30:00.000Z');
    // São Paulo's last DST end, 17 Feb 2019: 23:30 on the 16th happened at -02:00 first.
    expect(utc('America/Sao_Paulo', '2019-02-16T23:30')).toBe('2019-02-17T01:30:00.000Z');
  });

  it('knows São Paulo has kept -03:00 all year since 2019', () => {
    for (const month of [1, 3, 6, 10, 11, 12]) {
      expect(offsetAt('America/Sao_Paulo', Date.UTC(2026, month - 1, 5))).toBe(-3 * 3_600_000);
    }
  });
});

describe('local dates', () => {
  it('parses real dates into day numbers and refuses impossible ones', () => {
    expect(parseLocalDate('1970-01-01')).toBe(0);
    expect(parseLocalDate('2026-03-06')).toBe(Date.UTC(2026, 2, 6) / DAY_MS);
    expect(parseLocalDate('2024-02-29')).toBeDefined();
    expect(parseLocalDate('2026-02-29')).toBeUndefined();
    expect(parseLocalDate('2026-13-01')).toBeUndefined();
    expect(parseLocalDate('2026-3-1')).toBeUndefined();
  });

  it('numbers ISO weekdays from Monday = 1', () => {
    expect(isoWeekday(parseLocalDate('2026-03-02')!)).toBe(1); // a Monday
    expect(isoWeekday(parseLocalDate('2026-03-08')!)).toBe(7);
    expect(isoWeekday(parseLocalDate('1969-12-31')!)).toBe(3); // before day 0
  });

  it('reads HH:MM as minutes, 24:00 included', () => {
    expect(parseWallTime('00:00')).toBe(0);
    expect(parseWallTime('13:30')).toBe(810);
    expect(parseWallTime('24:00')).toBe(1440);
  });
});
