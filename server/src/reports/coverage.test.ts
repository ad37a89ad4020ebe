import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../calendars/index.js';
import { coverageReport, weekStart, type CoverageTeam } from './coverage.js';

// Monday 2 March 2026, 00:00 UTC; Berlin is UTC+1 then, Tokyo UTC+9.
const FROM = new Date('2026-03-02T00:00:00Z');
const weekdays = (timeZone: string, extra: object = {}) =>
  compileCalendar({ timeZone, weekly: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' }], ...extra });

const berlin: CoverageTeam = {
  id: 'berlin',
  calendar: weekdays('Europe/Berlin'),
  agents: [
    {
      id: 'a1',
      languages: [
        { tag: 'de', proficiency: 'native' },
        { tag: 'en', proficiency: 'fluent' },
      ],
    },
    {
      id: 'a2',
      languages: [
        { tag: 'de-AT', proficiency: 'fluent' },
        { tag: 'ja', proficiency: 'basic' },
      ],
    },
  ],
};
const tokyo: CoverageTeam = {
  id: 'tokyo',
  calendar: weekdays('Asia/Tokyo'),
  agents: [{ id: 'j1', languages: [{ tag: 'ja', proficiency: 'native' }] }],
};
const hourOf = (day: number, hour: number) => day * 24 + hour;

describe('coverageReport', () => {
  it('sets demand per hour of the week against the agents on shift who read the language', () => {
    const r = coverageReport({
      from: FROM,
      weeks: 2,
      bar: 'fluent',
      teams: [berlin, tokyo],
      demand: [
        { language: 'de-DE', hourOfWeek: hourOf(0, 8), count: 4 }, // Mon 09:00 in Berlin: open
        { language: 'de', hourOfWeek: hourOf(0, 20), count: 2 }, // Mon 21:00 in Berlin: closed
        { language: 'ja', hourOfWeek: hourOf(1, 1), count: 6 }, // Tue 10:00 in Tokyo
      ],
    });
    const de = r.languages.find((l) => l.language === 'de')!;
    expect(de.demand).toBe(6);
    expect(de.hours[hourOf(0, 8)]).toEqual({ hour: 8, demand: 2, agents: 2 });
    expect(de.hours[hourOf(0, 20)]).toEqual({ hour: 20, demand: 1, agents: 0 });
    expect(de.coveredShare).toBe(0.67);
    // The Berlin agent's basic Japanese does not count at the fluent bar.
    expect(r.languages.find((l) => l.language === 'ja')!.hours[hourOf(1, 1)]).toEqual({ hour: 25, demand: 3, agents: 1 });
    expect(r.languages.find((l) => l.language === 'en')).toMatchObject({ demand: 0, coveredShare: 1 });
    expect(r.gaps).toEqual([{ language: 'de', startHour: 20, endHour: 20, label: 'Mon 20:00–Mon 21:00 UTC', demand: 1 }]);
  });

  it('counts a lower bar when asked', () => {
    const r = coverageReport({
      from: FROM,
      weeks: 1,
      bar: 'basic',
      teams: [berlin],
      demand: [{ language: 'ja', hourOfWeek: 9, count: 1 }],
    });
    expect(r.languages.find((l) => l.language === 'ja')!.hours[9]!.agents).toBe(1);
    expect(r.gaps).toEqual([]);
  });

  it('joins uncovered hours into one gap, across Sunday night into Monday', () => {
    const demand = [166, 167, 0, 1].map((h) => ({ language: 'pt', hourOfWeek: h, count: 1 }));
    const r = coverageReport({ from: FROM, weeks: 1, bar: 'fluent', teams: [berlin, tokyo], demand });
    expect(r.gaps).toEqual([{ language: 'pt', startHour: 166, endHour: 1, label: 'Sun 22:00–Mon 02:00 UTC', demand: 4 }]);
  });

  it('counts a holiday in one of two weeks as half a shift', () => {
    // Two weeks from Monday 30 March 2026: Good Friday (3 April) falls in week one, Easter Monday (6 April) in week two.
    const team: CoverageTeam = { ...berlin, calendar: weekdays('Europe/Berlin', { holidays: { country: 'DE', subdivision: 'BE' } }) };
    const from = new Date('2026-03-30T00:00:00Z');
    const r = coverageReport({
      from,
      weeks: 2,
      bar: 'fluent',
      teams: [team],
      demand: [{ language: 'de', hourOfWeek: hourOf(0, 10), count: 2 }],
    });
    // Two German readers, on shift one Monday in two: one agent on average.
    expect(r.languages[0]!.hours[hourOf(0, 10)]).toEqual({ hour: 10, demand: 1, agents: 1 });
    expect(r.languages[0]!.hours[hourOf(4, 10)]!.agents).toBe(1);
  });

  it('finds the Monday of a week in UTC', () => {
    expect(weekStart(new Date('2026-03-08T23:59:00Z')).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(weekStart(new Date('2026-03-09T00:00:00Z')).toISOString()).toBe('2026-03-09T00:00:00.000Z');
  });
});
