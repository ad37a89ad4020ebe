import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween, isOpen } from './business-time.js';
import { compileCalendar, type BusinessCalendar } from './compile.js';

/** A seeded LCG: the same "random" cases on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const YEAR_2026 = Date.UTC(2026, 0, 1);
const YEAR_MS = 365 * 86_400_000;

// Everything at once: split shifts, an overnight shift, holidays, both closure kinds, an extra day.
const busy = compileCalendar({
  timeZone: 'Europe/Berlin',
  weekly: [
    { days: [1, 2, 3, 4, 5], start: '09:00', end: '12:30' },
    { days: [1, 2, 3, 4, 5], start: '13:30', end: '18:00' },
    { days: [6], start: '22:00', end: '04:00' },
  ],
  holidays: { country: 'DE', subdivision: 'BE' },
  closures: [
    { from: '2026-08-03', to: '2026-08-14', reason: 'summer' },
    { start: '2026-05-20T10:00:00+02:00', end: '2026-05-21T15:00:00+02:00', reason: 'outage' },
  ],
  extraDays: [{ date: '2026-11-28', hours: [{ start: '10:00', end: '16:00' }] }],
});

describe('addBusinessTime and businessTimeBetween agree', () => {
  it('between(from, add(from, m)) = m for 3,000 seeded cases', () => {
    const rand = rng(42);
    for (let i = 0; i < 3000; i++) {
      const from = new Date(YEAR_2026 + Math.floor(rand() * YEAR_MS));
      const m = Math.floor(rand() * 20_000);
      const due = addBusinessTime(busy, from, m);
      expect(due, `${from.toISOString()} + ${m}`).not.toBeNull();
      expect(businessTimeBetween(busy, from, due!), `${from.toISOString()} + ${m}`).toBe(m);
      expect(due!.getTime()).toBeGreaterThanOrEqual(from.getTime());
      // The earliest such instant: the millisecond before it was open time being counted.
      if (m > 0) expect(isOpen(busy, new Date(due!.getTime() - 1))).toBe(true);
    }
  });

  it('add(a, between(a, b)) is the earliest instant with the same business time as b', () => {
    const rand = rng(7);
    for (let i = 0; i < 1000; i++) {
      const a = new Date(YEAR_2026 + Math.floor(rand() * YEAR_MS));
      const b = new Date(a.getTime() + Math.floor(rand() * 30 * 86_400_000));
      const m = businessTimeBetween(busy, a, b);
      const due = addBusinessTime(busy, a, m)!;
      expect(due.getTime()).toBeLessThanOrEqual(b.getTime());
      expect(businessTimeBetween(busy, due, b)).toBe(0);
    }
  });
});

/** The slow, obvious answer: count open minutes one by one. */
function addByMinuteSteps(cal: BusinessCalendar, from: Date, minutes: number): Date {
  let t = from.getTime();
  for (let left = minutes; left > 0; t += 60_000) if (isOpen(cal, new Date(t))) left--;
  return new Date(t);
}

describe('closed form versus minute stepping', () => {
  it('gives the same due instants across both DST changes in Los Angeles', () => {
    const cal = compileCalendar({
      timeZone: 'America/Los_Angeles',
      weekly: [
        { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' },
        { days: [6], start: '20:00', end: '01:00' },
        { days: [7], start: '01:30', end: '02:30' },
      ],
      holidays: { country: 'US', subdivision: 'CA' },
    });
    const rand = rng(2026);
    // Starts a few days either side of 8 March and 1 November 2026, on whole minutes.
    for (const around of [Date.UTC(2026, 2, 8), Date.UTC(2026, 10, 1)]) {
      for (let i = 0; i < 30; i++) {
        const from = new Date(around + Math.floor((rand() - 0.7) * 5 * 1440) * 60_000);
        const m = 1 + Math.floor(rand() * 1500);
        expect(addBusinessTime(cal, from, m), `${from.toISOString()} + ${m}`).toEqual(addByMinuteSteps(cal, from, m));
      }
    }
  });
});
