import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween, isOpen, nextOpen, openings, SEARCH_HORIZON_DAYS } from './business-time.js';
import { compileCalendar } from './compile.js';

const t = (iso: string): Date => new Date(iso);
const span = (o: { start: Date; end: Date }) => [o.start.toISOString(), o.end.toISOString()];
const MON_FRI = [1, 2, 3, 4, 5];

// Berlin in March 2026 is CET (+01:00) until the 29th.
const office = compileCalendar({ timeZone: 'Europe/Berlin', weekly: [{ days: MON_FRI, start: '09:00', end: '18:00' }] });
const split = compileCalendar({
  timeZone: 'Europe/Berlin',
  weekly: [
    { days: MON_FRI, start: '09:00', end: '12:30' },
    { days: MON_FRI, start: '13:30', end: '18:00' },
  ],
});
const nights = compileCalendar({ timeZone: 'Europe/Berlin', weekly: [{ days: MON_FRI, start: '22:00', end: '06:00' }] });

describe('addBusinessTime', () => {
  it('rolls Friday 17:30 + 60 min over the weekend to Monday 09:30', () => {
    expect(addBusinessTime(office, t('2026-03-06T17:30+01:00'), 60)).toEqual(t('2026-03-09T09:30+01:00'));
  });

  it('lands on closing time, not the next opening, when the time runs out exactly then', () => {
    expect(addBusinessTime(office, t('2026-03-06T17:00+01:00'), 60)).toEqual(t('2026-03-06T18:00+01:00'));
  });

  it('starts counting at the next opening when from is closed', () => {
    expect(addBusinessTime(office, t('2026-03-07T10:00+01:00'), 30)).toEqual(t('2026-03-09T09:30+01:00'));
  });

  it('returns from itself for 0 minutes, open or not', () => {
    expect(addBusinessTime(office, t('2026-03-07T10:00+01:00'), 0)).toEqual(t('2026-03-07T10:00+01:00'));
  });

  it('keeps fractions of a minute to the millisecond', () => {
    expect(addBusinessTime(office, t('2026-03-09T09:00+01:00'), 0.5)).toEqual(t('2026-03-09T09:00:30+01:00'));
  });

  it('runs over weeks: 4 × 45 h from Monday 09:00 ends Friday 18:00 of the fourth week', () => {
    expect(addBusinessTime(office, t('2026-03-02T09:00+01:00'), 4 * 45 * 60)).toEqual(t('2026-03-27T18:00+01:00'));
  });

  it('skips the lunch break of a split shift', () => {
    expect(addBusinessTime(split, t('2026-03-09T12:00+01:00'), 60)).toEqual(t('2026-03-09T14:00+01:00'));
    expect(addBusinessTime(split, t('2026-03-09T17:30+01:00'), 240)).toEqual(t('2026-03-10T12:30+01:00'));
  });

  it('carries an overnight shift past midnight and on to the next night', () => {
    // Fri 23:00 + 8 h: 7 h until Sat 06:00, then the Monday night shift.
    expect(addBusinessTime(nights, t('2026-03-06T23:00+01:00'), 480)).toEqual(t('2026-03-09T23:00+01:00'));
  });

  it('refuses negative, NaN and infinite minutes', () => {
    for (const m of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addBusinessTime(office, t('2026-03-09T09:00Z'), m)).toThrow(RangeError);
    }
  });
});

describe('isOpen and nextOpen', () => {
  it('treats opening hours as half-open: open at 09:00, closed at 18:00', () => {
    expect(isOpen(office, t('2026-03-09T08:59:59.999+01:00'))).toBe(false);
    expect(isOpen(office, t('2026-03-09T09:00+01:00'))).toBe(true);
    expect(isOpen(office, t('2026-03-09T17:59:59.999+01:00'))).toBe(true);
    expect(isOpen(office, t('2026-03-09T18:00+01:00'))).toBe(false);
    expect(isOpen(split, t('2026-03-09T12:30+01:00'))).toBe(false);
    expect(isOpen(split, t('2026-03-09T13:30+01:00'))).toBe(true);
  });

  it('returns the very instant when open, else the next opening', () => {
    const at = t('2026-03-09T10:00+01:00');
    expect(nextOpen(office, at)).toBe(at);
    expect(nextOpen(office, t('2026-03-09T07:00+01:00'))).toEqual(t('2026-03-09T09:00+01:00'));
    expect(nextOpen(office, t('2026-03-06T18:00+01:00'))).toEqual(t('2026-03-09T09:00+01:00'));
    expect(nextOpen(split, t('2026-03-09T12:45+01:00'))).toEqual(t('2026-03-09T13:30+01:00'));
  });

  it('keeps an overnight shift open into the next day, Friday night into Saturday', () => {
    expect(isOpen(nights, t('2026-03-07T05:59+01:00'))).toBe(true);
    expect(isOpen(nights, t('2026-03-07T06:00+01:00'))).toBe(false);
    expect(isOpen(nights, t('2026-03-07T22:00+01:00'))).toBe(false); // no shift starts on Saturday
    expect(nextOpen(nights, t('2026-03-07T06:00+01:00'))).toEqual(t('2026-03-09T22:00+01:00'));
  });

  it("wraps Sunday's overnight shift into Monday", () => {
    const sunday = compileCalendar({ timeZone: 'Europe/Berlin', weekly: [{ days: [7], start: '20:00', end: '04:00' }] });
    expect(isOpen(sunday, t('2026-03-09T03:00+01:00'))).toBe(true);
    expect(isOpen(sunday, t('2026-03-09T04:00+01:00'))).toBe(false);
  });
});

describe('businessTimeBetween', () => {
  it('counts business minutes in a week', () => {
    expect(businessTimeBetween(office, t('2026-03-02T00:00+01:00'), t('2026-03-09T00:00+01:00'))).toBe(45 * 60);
    expect(businessTimeBetween(split, t('2026-03-02T00:00+01:00'), t('2026-03-03T00:00+01:00'))).toBe(8 * 60);
    expect(businessTimeBetween(nights, t('2026-03-06T12:00+01:00'), t('2026-03-09T12:00+01:00'))).toBe(8 * 60);
  });

  it('is signed: negative when b is before a, 0 when equal', () => {
    const a = t('2026-03-02T00:00+01:00');
    const b = t('2026-03-09T00:00+01:00');
    expect(businessTimeBetween(office, b, a)).toBe(-45 * 60);
    expect(businessTimeBetween(office, a, a)).toBe(0);
  });

  it('gives fractional minutes for instants off the minute', () => {
    expect(businessTimeBetween(office, t('2026-03-09T09:00+01:00'), t('2026-03-09T09:00:30+01:00'))).toBe(0.5);
  });
});

describe('openings', () => {
  it('lists the open intervals of a range, clipped to it', () => {
    expect(openings(split, t('2026-03-09T10:15+01:00'), t('2026-03-10T11:00+01:00')).map(span)).toEqual([
      ['2026-03-09T09:15:00.000Z', '2026-03-09T11:30:00.000Z'],
      ['2026-03-09T12:30:00.000Z', '2026-03-09T17:00:00.000Z'],
      ['2026-03-10T08:00:00.000Z', '2026-03-10T10:00:00.000Z'],
    ]);
  });

  it('is empty for an empty or reversed range', () => {
    expect(openings(office, t('2026-03-09T10:00Z'), t('2026-03-09T10:00Z'))).toEqual([]);
    expect(openings(office, t('2026-03-09T11:00Z'), t('2026-03-09T10:00Z'))).toEqual([]);
  });

  it('returns an overnight shift as one opening, and joins hours that touch at 24:00', () => {
    expect(openings(nights, t('2026-03-06T20:00+01:00'), t('2026-03-07T12:00+01:00')).map(span)).toEqual([
      ['2026-03-06T21:00:00.000Z', '2026-03-07T05:00:00.000Z'],
    ]);
    const weekend = compileCalendar({
      timeZone: 'Europe/Berlin',
      weekly: [
        { days: [6], start: '18:00', end: '24:00' },
        { days: [7], start: '00:00', end: '02:00' },
      ],
    });
    expect(openings(weekend, t('2026-03-07T00:00+01:00'), t('2026-03-09T00:00+01:00')).map(span)).toEqual([
      ['2026-03-07T17:00:00.000Z', '2026-03-08T01:00:00.000Z'],
    ]);
  });
});

describe('runaway guard', () => {
  it(`answers null when there is no open time within ${SEARCH_HORIZON_DAYS} days`, () => {
    const never = compileCalendar({ timeZone: 'Europe/Berlin', weekly: [] });
    expect(isOpen(never, t('2026-03-09T10:00Z'))).toBe(false);
    expect(nextOpen(never, t('2026-03-09T10:00Z'))).toBeNull();
    expect(addBusinessTime(never, t('2026-03-09T10:00Z'), 1)).toBeNull();
    expect(businessTimeBetween(never, t('2026-01-01T00:00Z'), t('2027-01-01T00:00Z'))).toBe(0);
  });

  it('finds an opening after a long closure as long as it is within the horizon', () => {
    const shut = compileCalendar({
      timeZone: 'Europe/Berlin',
      weekly: [{ days: MON_FRI, start: '09:00', end: '18:00' }],
      closures: [{ from: '2026-01-01', to: '2029-12-31', reason: 'renovation' }],
    });
    expect(nextOpen(shut, t('2026-01-05T10:00Z'))).toBeNull();
    expect(addBusinessTime(shut, t('2026-01-05T10:00Z'), 60)).toBeNull();
    expect(nextOpen(shut, t('2028-06-01T10:00Z'))).toEqual(t('2030-01-01T09:00+01:00'));
  });

  it('answers null for a due instant beyond the horizon even in an open calendar', () => {
    expect(addBusinessTime(office, t('2026-03-09T09:00Z'), 4 * 52 * 45 * 60)).toBeNull();
  });

  it('throws RangeError for invalid Dates and years outside 1900–2500', () => {
    expect(() => isOpen(office, new Date(Number.NaN))).toThrow(RangeError);
    expect(() => isOpen(office, t('2600-01-01T00:00Z'))).toThrow(/1900–2500/);
  });
});
