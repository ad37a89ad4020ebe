import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween, isOpen, openings } from './business-time.js';
import { compileCalendar } from './compile.js';

const t = (iso: string): Date => new Date(iso);
const span = (o: { start: Date; end: Date }) => [o.start.toISOString(), o.end.toISOString()];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const nights = (timeZone: string) => compileCalendar({ timeZone, weekly: [{ days: EVERY_DAY, start: '22:00', end: '06:00' }] });
const sundays = (timeZone: string, start: string, end: string) => compileCalendar({ timeZone, weekly: [{ days: [7], start, end }] });

/** Business hours between two instants; noon to noon local covers one night shift. */
const hours = (cal: ReturnType<typeof nights>, from: string, to: string): number => businessTimeBetween(cal, t(from), t(to)) / 60;

describe('Europe/Berlin', () => {
  const cal = nights('Europe/Berlin');

  it('an overnight shift is 7 h on the spring-forward night and 9 h on the fall-back night', () => {
    expect(hours(cal, '2026-03-28T12:00+01:00', '2026-03-29T12:00+02:00')).toBe(7);
    expect(hours(cal, '2026-03-21T12:00+01:00', '2026-03-22T12:00+01:00')).toBe(8);
    expect(hours(cal, '2026-10-24T12:00+02:00', '2026-10-25T12:00+01:00')).toBe(9);
    expect(openings(cal, t('2026-03-28T12:00Z'), t('2026-03-29T12:00Z')).map(span)).toEqual([
      ['2026-03-28T21:00:00.000Z', '2026-03-29T04:00:00.000Z'],
    ]);
  });

  it('24-hour days are 23 h and 25 h long on transition days', () => {
    const always = compileCalendar({ timeZone: 'Europe/Berlin', weekly: [{ days: EVERY_DAY, start: '00:00', end: '24:00' }] });
    expect(businessTimeBetween(always, t('2026-03-29T00:00+01:00'), t('2026-03-30T00:00+02:00'))).toBe(23 * 60);
    expect(businessTimeBetween(always, t('2026-10-25T00:00+02:00'), t('2026-10-26T00:00+01:00'))).toBe(25 * 60);
    expect(openings(always, t('2026-03-28T00:00Z'), t('2026-04-02T00:00Z'))).toHaveLength(1);
  });

  it('hours wholly inside the skipped hour vanish; hours starting in it start at 03:00', () => {
    const inGap = sundays('Europe/Berlin', '02:15', '02:45');
    expect(openings(inGap, t('2026-03-29T00:00Z'), t('2026-03-30T00:00Z'))).toEqual([]);
    expect(openings(inGap, t('2026-03-22T00:00Z'), t('2026-03-23T00:00Z')).map(span)).toEqual([
      ['2026-03-22T01:15:00.000Z', '2026-03-22T01:45:00.000Z'],
    ]);
    const fromGap = sundays('Europe/Berlin', '02:30', '05:00');
    expect(openings(fromGap, t('2026-03-29T00:00Z'), t('2026-03-30T00:00Z')).map(span)).toEqual([
      ['2026-03-29T01:00:00.000Z', '2026-03-29T03:00:00.000Z'],
    ]);
  });

  it('hours starting in the repeated hour start at its first occurrence (CEST)', () => {
    const fromRepeat = sundays('Europe/Berlin', '02:30', '05:00');
    expect(openings(fromRepeat, t('2026-10-25T00:00Z'), t('2026-10-26T00:00Z')).map(span)).toEqual([
      ['2026-10-25T00:30:00.000Z', '2026-10-25T04:00:00.000Z'],
    ]);
    const inRepeat = sundays('Europe/Berlin', '02:15', '02:45');
    expect(openings(inRepeat, t('2026-10-25T00:00Z'), t('2026-10-26T00:00Z')).map(span)).toEqual([
      ['2026-10-25T00:15:00.000Z', '2026-10-25T00:45:00.000Z'],
    ]);
  });

  it('adds across the change of offset', () => {
    const office = compileCalendar({ timeZone: 'Europe/Berlin', weekly: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' }] });
    expect(addBusinessTime(office, t('2026-03-27T17:00+01:00'), 120)).toEqual(t('2026-03-30T10:00+02:00'));
    expect(addBusinessTime(office, t('2026-10-23T17:00+02:00'), 120)).toEqual(t('2026-10-26T10:00+01:00'));
  });
});

describe('America/Los_Angeles', () => {
  const cal = nights('America/Los_Angeles');

  it('an overnight shift is 7 h in March and 9 h in November', () => {
    expect(hours(cal, '2026-03-07T12:00-08:00', '2026-03-08T12:00-07:00')).toBe(7);
    expect(hours(cal, '2026-10-31T12:00-07:00', '2026-11-01T12:00-08:00')).toBe(9);
  });

  it('01:30–02:30 on the transition Sundays: 30 min in spring, 2 h in autumn', () => {
    const cal2 = sundays('America/Los_Angeles', '01:30', '02:30');
    expect(openings(cal2, t('2026-03-08T00:00Z'), t('2026-03-09T00:00Z')).map(span)).toEqual([
      ['2026-03-08T09:30:00.000Z', '2026-03-08T10:00:00.000Z'],
    ]);
    expect(openings(cal2, t('2026-11-01T00:00Z'), t('2026-11-02T00:00Z')).map(span)).toEqual([
      ['2026-11-01T08:30:00.000Z', '2026-11-01T10:30:00.000Z'],
    ]);
  });
});

describe('Australia/Sydney (southern hemisphere)', () => {
  const cal = nights('Australia/Sydney');

  it('DST ends in April (9 h night) and starts in October (7 h night)', () => {
    expect(hours(cal, '2026-04-04T12:00+11:00', '2026-04-05T12:00+10:00')).toBe(9);
    expect(hours(cal, '2026-10-03T12:00+10:00', '2026-10-04T12:00+11:00')).toBe(7);
    expect(hours(cal, '2026-07-04T12:00+10:00', '2026-07-05T12:00+10:00')).toBe(8);
  });

  it('opens at 22:00 AEDT in summer and 22:00 AEST in winter', () => {
    expect(isOpen(cal, t('2026-01-10T22:00+11:00'))).toBe(true);
    expect(isOpen(cal, t('2026-01-10T21:59+11:00'))).toBe(false);
    expect(isOpen(cal, t('2026-07-10T22:00+10:00'))).toBe(true);
    expect(isOpen(cal, t('2026-07-10T21:59+10:00'))).toBe(false);
  });
});

describe('America/Sao_Paulo (no DST since 2019)', () => {
  const cal = nights('America/Sao_Paulo');

  it('every night of 2026 is 8 h, including the old DST dates', () => {
    expect(hours(cal, '2026-10-31T12:00-03:00', '2026-11-01T12:00-03:00')).toBe(8);
    expect(hours(cal, '2026-11-07T12:00-03:00', '2026-11-08T12:00-03:00')).toBe(8);
    expect(hours(cal, '2026-02-14T12:00-03:00', '2026-02-15T12:00-03:00')).toBe(8);
    expect(isOpen(cal, t('2026-11-08T22:00-03:00'))).toBe(true);
  });

  it('still knows 2018–19: a DST start at midnight (7 h night) and its end (9 h night)', () => {
    expect(hours(cal, '2018-11-03T12:00-03:00', '2018-11-04T12:00-02:00')).toBe(7);
    expect(hours(cal, '2019-02-16T12:00-02:00', '2019-02-17T12:00-03:00')).toBe(9);
    // Sunday 00:00–02:00 on 4 Nov 2018: midnight did not exist, so the hours start at 01:00 (-02:00).
    const early = sundays('America/Sao_Paulo', '00:00', '02:00');
    expect(openings(early, t('2018-11-04T00:00Z'), t('2018-11-05T00:00Z')).map(span)).toEqual([
      ['2018-11-04T03:00:00.000Z', '2018-11-04T04:00:00.000Z'],
    ]);
  });
});
