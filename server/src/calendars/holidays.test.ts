import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween, isOpen, nextOpen, openings } from './business-time.js';
import type { CalendarDefinition } from './calendar.schema.js';
import { compileCalendar } from './compile.js';

const t = (iso: string): Date => new Date(iso);
const span = (o: { start: Date; end: Date }) => [o.start.toISOString(), o.end.toISOString()];
const MON_FRI = [1, 2, 3, 4, 5];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const berlin = (extra: Partial<CalendarDefinition> = {}, days = MON_FRI) =>
  compileCalendar({ timeZone: 'Europe/Berlin', weekly: [{ days, start: '09:00', end: '18:00' }], ...extra });

describe('public holidays', () => {
  const bavaria = berlin({ holidays: { country: 'DE', subdivision: 'BY' } }, EVERY_DAY);
  const berlinState = berlin({ holidays: { country: 'DE', subdivision: 'BE' } }, EVERY_DAY);

  it('differ between German states: Epiphany in Bavaria, Women’s Day in Berlin', () => {
    expect(isOpen(bavaria, t('2026-01-06T10:00+01:00'))).toBe(false);
    expect(isOpen(berlinState, t('2026-01-06T10:00+01:00'))).toBe(true);
    expect(isOpen(berlinState, t('2026-03-08T10:00+01:00'))).toBe(false);
    expect(isOpen(bavaria, t('2026-03-08T10:00+01:00'))).toBe(true);
    // Both close on German Unity Day.
    expect(isOpen(bavaria, t('2026-10-03T10:00+02:00'))).toBe(false);
    expect(isOpen(berlinState, t('2026-10-03T10:00+02:00'))).toBe(false);
  });

  it('include Japan’s substitute holiday (振替休日) on Wednesday 6 May 2026', () => {
    const tokyo = compileCalendar({
      timeZone: 'Asia/Tokyo',
      weekly: [{ days: MON_FRI, start: '09:00', end: '18:00' }],
      holidays: { country: 'JP' },
    });
    expect(isOpen(tokyo, t('2026-05-06T10:00+09:00'))).toBe(false);
    expect(nextOpen(tokyo, t('2026-05-01T18:00+09:00'))).toEqual(t('2026-05-07T09:00+09:00'));
  });

  it('count only the chosen types: public by default, bank adds Christmas Eve', () => {
    const withBank = berlin({ holidays: { country: 'DE', subdivision: 'BE', types: ['public', 'bank'] } });
    expect(isOpen(berlinState, t('2026-12-24T10:00+01:00'))).toBe(true);
    expect(isOpen(withBank, t('2026-12-24T10:00+01:00'))).toBe(false);
  });

  it('carry across the new year (New Year’s Day is looked up in the next year’s list)', () => {
    const office = berlin({ holidays: { country: 'DE', subdivision: 'BE' } });
    expect(nextOpen(office, t('2025-12-31T18:00+01:00'))).toEqual(t('2026-01-02T09:00+01:00'));
  });

  it('let the night shift from the evening before run out, and cancel the shift starting on the day', () => {
    const nights = compileCalendar({
      timeZone: 'Europe/Berlin',
      weekly: [{ days: EVERY_DAY, start: '22:00', end: '06:00' }],
      holidays: { country: 'DE', subdivision: 'BY' },
    });
    expect(isOpen(nights, t('2026-01-06T05:00+01:00'))).toBe(true); // started 5 Jan
    expect(isOpen(nights, t('2026-01-06T23:00+01:00'))).toBe(false); // would start on 6 Jan
    expect(isOpen(nights, t('2026-01-07T03:00+01:00'))).toBe(false); // its tail
    expect(isOpen(nights, t('2026-01-07T23:00+01:00'))).toBe(true);
  });
});

describe('closures', () => {
  it('date closures close whole dates like holidays, both ends included', () => {
    const office = berlin({
      holidays: { country: 'DE', subdivision: 'BE' },
      closures: [{ from: '2026-12-28', to: '2026-12-30', reason: 'year-end' }],
    });
    expect(nextOpen(office, t('2026-12-24T18:00+01:00'))).toEqual(t('2026-12-31T09:00+01:00'));
  });

  it('instant closures cut open time to the minute', () => {
    const office = berlin({ closures: [{ start: '2026-03-10T12:00:00+01:00', end: '2026-03-10T14:30:00+01:00', reason: 'all-hands' }] });
    expect(isOpen(office, t('2026-03-10T13:00+01:00'))).toBe(false);
    expect(isOpen(office, t('2026-03-10T14:30+01:00'))).toBe(true);
    expect(businessTimeBetween(office, t('2026-03-10T00:00+01:00'), t('2026-03-11T00:00+01:00'))).toBe(390);
    expect(addBusinessTime(office, t('2026-03-10T11:30+01:00'), 60)).toEqual(t('2026-03-10T15:00+01:00'));
  });

  it('an instant closure across the new year cuts both years', () => {
    const office = berlin({ closures: [{ start: '2026-12-31T12:00:00+01:00', end: '2027-01-04T12:00:00+01:00', reason: 'move' }] });
    expect(openings(office, t('2026-12-31T00:00+01:00'), t('2027-01-05T00:00+01:00')).map(span)).toEqual([
      ['2026-12-31T08:00:00.000Z', '2026-12-31T11:00:00.000Z'],
      ['2027-01-04T11:00:00.000Z', '2027-01-04T17:00:00.000Z'],
    ]);
  });
});

describe('extra working days', () => {
  it('open a Saturday for a sale', () => {
    const office = berlin({ extraDays: [{ date: '2026-03-07', hours: [{ start: '10:00', end: '16:00' }], reason: 'spring sale' }] });
    expect(isOpen(office, t('2026-03-07T12:00+01:00'))).toBe(true);
    expect(isOpen(office, t('2026-03-14T12:00+01:00'))).toBe(false);
    expect(addBusinessTime(office, t('2026-03-06T17:30+01:00'), 60)).toEqual(t('2026-03-07T10:30+01:00'));
  });

  it('replace the weekly hours of their date, and win over a holiday', () => {
    const office = berlin({
      holidays: { country: 'DE', subdivision: 'BY' },
      extraDays: [
        { date: '2026-01-06', hours: [{ start: '10:00', end: '14:00' }] },
        { date: '2026-03-09', hours: [{ start: '12:00', end: '13:00' }] },
      ],
    });
    expect(isOpen(office, t('2026-01-06T11:00+01:00'))).toBe(true);
    expect(isOpen(office, t('2026-01-06T09:30+01:00'))).toBe(false);
    expect(isOpen(office, t('2026-03-09T10:00+01:00'))).toBe(false);
    expect(businessTimeBetween(office, t('2026-03-09T00:00+01:00'), t('2026-03-10T00:00+01:00'))).toBe(60);
  });

  it('lose to a date closure, and may run overnight', () => {
    const office = berlin({
      closures: [{ from: '2026-03-07', to: '2026-03-07', reason: 'stocktaking' }],
      extraDays: [
        { date: '2026-03-07', hours: [{ start: '10:00', end: '16:00' }] },
        { date: '2026-03-14', hours: [{ start: '20:00', end: '02:00' }] },
      ],
    });
    expect(isOpen(office, t('2026-03-07T12:00+01:00'))).toBe(false);
    expect(isOpen(office, t('2026-03-15T01:00+01:00'))).toBe(true);
  });
});
