import { describe, expect, it } from 'vitest';
import { AppError, type ErrorDetail } from '../lib/errors.js';
import { compileCalendar } from './compile.js';
import { validateCalendar } from './validate.js';

const base = { timeZone: 'Europe/Berlin', weekly: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' }] };

/** The details of the AppError validateCalendar throws for `input`. */
function problems(input: unknown): ErrorDetail[] {
  try {
    validateCalendar(input);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('validation_failed');
    expect((err as AppError).status).toBe(400);
    return (err as AppError).details ?? [];
  }
  throw new Error('expected a validation error');
}

describe('validateCalendar', () => {
  it('accepts a full definition and returns it', () => {
    const def = {
      ...base,
      weekly: [
        { days: [1, 2, 3, 4, 5], start: '09:00', end: '12:30' },
        { days: [1, 2, 3, 4, 5], start: '12:30', end: '18:00' }, // touching is fine
        { days: [5], start: '22:00', end: '24:00' },
        { days: [6], start: '00:00', end: '06:00' },
      ],
      holidays: { country: 'DE', subdivision: 'BY', types: ['public' as const] },
      closures: [
        { from: '2026-12-24', to: '2026-12-24', reason: 'Christmas Eve' },
        { start: '2026-03-10T12:00:00Z', end: '2026-03-10T14:00:00+01:00', reason: 'meeting' },
      ],
      extraDays: [{ date: '2026-03-07', hours: [{ start: '10:00', end: '16:00' }] }],
    };
    expect(validateCalendar(def)).toBe(def);
    expect(compileCalendar(def).timeZone).toBe('Europe/Berlin');
  });

  it('names an unknown time zone', () => {
    expect(problems({ ...base, timeZone: 'Europe/Atlantis' })).toEqual([
      { path: '/timeZone', message: 'unknown time zone "Europe/Atlantis"' },
    ]);
  });

  it('refuses malformed wall times and a 24:00 start, by path', () => {
    for (const [start, end] of [
      ['9:00', '18:00'],
      ['09:00', '25:00'],
      ['24:00', '06:00'],
      ['09:60', '18:00'],
    ] as const) {
      const paths = problems({ ...base, weekly: [{ days: [1], start, end }] }).map((d) => d.path);
      expect(paths.some((p) => p === '/weekly/0/start' || p === '/weekly/0/end')).toBe(true);
    }
  });

  it('refuses unknown fields and bad weekdays', () => {
    expect(problems({ ...base, colour: 'blue' })).toContainEqual({ path: '/colour', message: 'unknown field' });
    expect(problems({ ...base, weekly: [{ days: [0], start: '09:00', end: '18:00' }] })[0]!.path).toBe('/weekly/0/days/0');
    expect(problems({ ...base, weekly: [{ days: [1, 1], start: '09:00', end: '18:00' }] })[0]!.path).toBe('/weekly/0/days');
  });

  it('finds overlapping hours on the same day, across midnight and across Sunday→Monday', () => {
    expect(
      problems({
        ...base,
        weekly: [
          { days: [1, 2], start: '09:00', end: '13:00' },
          { days: [2], start: '12:00', end: '18:00' },
        ],
      }),
    ).toEqual([{ path: '/weekly/1', message: 'overlaps /weekly/0 on Tuesday' }]);
    expect(
      problems({
        ...base,
        weekly: [
          { days: [5], start: '22:00', end: '06:00' },
          { days: [6], start: '05:00', end: '08:00' },
        ],
      }),
    ).toEqual([{ path: '/weekly/1', message: 'overlaps /weekly/0 on Saturday' }]);
    expect(
      problems({
        ...base,
        weekly: [
          { days: [7], start: '22:00', end: '06:00' },
          { days: [1], start: '05:00', end: '08:00' },
        ],
      }),
    ).toEqual([{ path: '/weekly/1', message: 'overlaps /weekly/0 on Monday' }]);
  });

  it('names an unknown country or subdivision, and wants upper case', () => {
    expect(problems({ ...base, holidays: { country: 'XX' } })).toEqual([
      { path: '/holidays/country', message: 'no holiday data for country "XX"' },
    ]);
    expect(problems({ ...base, holidays: { country: 'DE', subdivision: 'ZZ' } })).toEqual([
      { path: '/holidays/subdivision', message: 'no subdivision "ZZ" in DE' },
    ]);
    expect(problems({ ...base, holidays: { country: 'de' } })[0]!.path).toBe('/holidays/country');
    expect(problems({ ...base, holidays: { country: 'DE', types: ['religious'] } })[0]!.path).toMatch(/^\/holidays\/types\/0/);
  });

  it('checks closures: real dates, order, instants with an offset', () => {
    const closure = (c: object) => problems({ ...base, closures: [{ reason: 'x', ...c }] });
    expect(closure({ from: '2026-02-30', to: '2026-03-01' })).toEqual([{ path: '/closures/0/from', message: 'is not a real date' }]);
    expect(closure({ from: '2026-03-02', to: '2026-03-01' })).toEqual([{ path: '/closures/0/to', message: 'is before from' }]);
    expect(closure({ start: '2026-03-10T12:00:00Z', end: '2026-03-10T12:00:00Z' })).toEqual([
      { path: '/closures/0/end', message: 'is not after start' },
    ]);
    expect(closure({ start: '2026-03-10T12:00:00', end: '2026-03-10T14:00:00Z' })[0]!.path).toBe('/closures/0/start');
    expect(closure({ start: '2026-02-30T12:00:00Z', end: '2026-03-10T14:00:00Z' })[0]!.path).toBe('/closures/0/start');
  });

  it('checks extra days: real, not repeated, hours not overlapping', () => {
    const hours = [{ start: '10:00', end: '12:00' }];
    expect(problems({ ...base, extraDays: [{ date: '2026-02-29', hours }] })).toEqual([
      { path: '/extraDays/0/date', message: 'is not a real date' },
    ]);
    expect(
      problems({
        ...base,
        extraDays: [
          { date: '2026-03-07', hours },
          { date: '2026-03-07', hours },
        ],
      }),
    ).toEqual([{ path: '/extraDays/1/date', message: '2026-03-07 is listed twice' }]);
    expect(problems({ ...base, extraDays: [{ date: '2026-03-07', hours: [...hours, { start: '11:00', end: '13:00' }] }] })).toEqual([
      { path: '/extraDays/0/hours/1', message: 'overlaps /extraDays/0/hours/0' },
    ]);
  });

  it('reports every problem at once, and the first in the message', () => {
    try {
      compileCalendar({ ...base, timeZone: 'Nowhere/Land', holidays: { country: 'XX' } });
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).message).toBe('invalid business calendar: /timeZone unknown time zone "Nowhere/Land"');
      expect((err as AppError).details).toHaveLength(2);
    }
  });
});
