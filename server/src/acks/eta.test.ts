import { describe, expect, it } from 'vitest';
import { businessTimeBetween, compileCalendar, isOpen } from '../calendars/index.js';
import { demoTeams } from '../demo/demo-data.js';
import { demoCalendar } from '../routing/demo-setup.js';
import { ETA_POLICY, medianFirstReply, promiseEta, roundUp } from './eta.js';

/** The demo teams' real calendars: Tokyo (JP, 09–12 and 13–18), Berlin (DE-BE, 08–18), São Paulo (BR-SP, 09–18). */
const calendar = (key: string) => compileCalendar(demoCalendar(demoTeams.find((t) => t.key === key)!));
const TOKYO = calendar('tokyo');
const BERLIN = calendar('berlin');
const SAO_PAULO = calendar('sao-paulo');
const iso = (d: Date | null | undefined) => d?.toISOString();

describe('promiseEta', () => {
  it('budgets tailFactor × median plus the queue ahead shared by the agents', () => {
    const now = new Date('2026-03-03T09:00:00Z'); // Tue 10:00 in Berlin: open
    const eta = promiseEta({ now, calendar: BERLIN, medianMinutes: 20, queueAhead: 6, agents: 3 })!;
    expect(eta.budgetMinutes).toBe(3 * 20 + (6 * 20) / 3);
    expect(eta).toMatchObject({ medianMinutes: 20, medianDefaulted: false });
    expect(iso(eta.opensAt)).toBe(now.toISOString());
    // 100 minutes from 10:00 is 11:40, rounded up to the quarter hour (within two hours): 11:45.
    expect(iso(eta.due)).toBe('2026-03-03T10:45:00.000Z');
  });

  it('uses the default median while the team has too few first replies, and never promises under minMinutes', () => {
    const now = new Date('2026-03-03T09:00:00Z');
    const eta = promiseEta({ now, calendar: BERLIN, medianMinutes: null, queueAhead: 0, agents: 2 })!;
    expect(eta).toMatchObject({ medianMinutes: ETA_POLICY.defaultMedianMinutes, medianDefaulted: true });
    expect(eta.budgetMinutes).toBe(ETA_POLICY.tailFactor * ETA_POLICY.defaultMedianMinutes);
    const quick = promiseEta({ now, calendar: BERLIN, medianMinutes: 1, queueAhead: 0, agents: 2 })!;
    expect(quick.budgetMinutes).toBe(ETA_POLICY.minMinutes);
    expect(iso(quick.due)).toBe('2026-03-03T09:15:00.000Z');
  });

  it('at night starts at the next opening (Tokyo, 23:00 on a Monday → Tuesday morning)', () => {
    const now = new Date('2026-03-02T14:00:00Z'); // Mon 23:00 JST
    const eta = promiseEta({ now, calendar: TOKYO, medianMinutes: 30, queueAhead: 0, agents: 2, timeZone: 'Asia/Tokyo' })!;
    expect(iso(eta.opensAt)).toBe('2026-03-03T00:00:00.000Z'); // Tue 09:00 JST
    // 90 business minutes after 09:00 is 10:30 JST.
    expect(iso(eta.due)).toBe('2026-03-03T01:30:00.000Z');
  });

  it('over a weekend counts Friday’s open minutes and resumes on Monday (Berlin)', () => {
    const now = new Date('2026-03-06T16:30:00Z'); // Fri 17:30 CET, 30 minutes before closing
    const eta = promiseEta({ now, calendar: BERLIN, medianMinutes: 30, queueAhead: 0, agents: 1, timeZone: 'Europe/Berlin' })!;
    expect(iso(eta.due)).toBe('2026-03-09T08:00:00.000Z'); // Mon 09:00 CET: 30 min on Friday + 60 on Monday
    expect(businessTimeBetween(BERLIN, now, eta.due)).toBe(90);
  });

  it('skips a public holiday: Tiradentes (Tue 21 April 2026) in São Paulo', () => {
    expect(isOpen(SAO_PAULO, new Date('2026-04-21T14:00:00Z'))).toBe(false);
    const now = new Date('2026-04-20T20:30:00Z'); // Mon 17:30 BRT
    const eta = promiseEta({ now, calendar: SAO_PAULO, medianMinutes: 30, queueAhead: 0, agents: 1, timeZone: 'America/Sao_Paulo' })!;
    expect(iso(eta.due)).toBe('2026-04-22T13:00:00.000Z'); // Wed 10:00 BRT
  });

  it('skips Golden Week in Tokyo: Friday 1 May 17:50 → Thursday 7 May', () => {
    const now = new Date('2026-05-01T08:50:00Z'); // Fri 17:50 JST
    const eta = promiseEta({ now, calendar: TOKYO, medianMinutes: 30, queueAhead: 0, agents: 2, timeZone: 'Asia/Tokyo' })!;
    // 10 minutes on Friday, nothing from Sat 2 to Wed 6 May (weekend, holidays, substitute holiday), 80 on Thursday: 10:20 → 10:30.
    expect(iso(eta.opensAt)).toBe(now.toISOString());
    expect(iso(eta.due)).toBe('2026-05-07T01:30:00.000Z');
  });

  it('is never earlier than the next opening plus the budget', () => {
    for (const at of ['2026-03-07T12:00:00Z', '2026-12-24T23:00:00Z', '2026-05-03T03:00:00Z', '2026-03-29T00:30:00Z']) {
      const now = new Date(at);
      for (const cal of [TOKYO, BERLIN, SAO_PAULO]) {
        const eta = promiseEta({ now, calendar: cal, medianMinutes: 12, queueAhead: 4, agents: 2 })!;
        expect(eta.due.getTime()).toBeGreaterThan(eta.opensAt.getTime());
        expect(businessTimeBetween(cal, now, eta.due)).toBeGreaterThanOrEqual(eta.budgetMinutes);
      }
    }
  });

  it('counts wall minutes for a team without a calendar', () => {
    const now = new Date('2026-03-07T03:07:00Z');
    const eta = promiseEta({ now, calendar: null, medianMinutes: 10, queueAhead: 0, agents: 1 })!;
    expect(iso(eta.due)).toBe('2026-03-07T03:45:00.000Z'); // 03:37 → quarter hour
  });
});

describe('roundUp', () => {
  it('rounds on the customer’s wall clock: half hours in India (UTC+05:30)', () => {
    const at = new Date('2026-03-03T04:10:00Z'); // 09:40 IST
    expect(iso(roundUp(at, 30, 'Asia/Kolkata'))).toBe('2026-03-03T04:30:00.000Z'); // 10:00 IST
    expect(iso(roundUp(at, 30, 'UTC'))).toBe('2026-03-03T04:30:00.000Z');
    expect(iso(roundUp(new Date('2026-03-03T04:20:00Z'), 60, 'Asia/Kolkata'))).toBe('2026-03-03T04:30:00.000Z');
    expect(iso(roundUp(new Date('2026-03-03T04:20:00Z'), 60, 'UTC'))).toBe('2026-03-03T05:00:00.000Z');
  });

  it('keeps an instant already on a boundary, and never goes back across a DST change', () => {
    expect(iso(roundUp(new Date('2026-03-03T09:30:00Z'), 15, 'Europe/Berlin'))).toBe('2026-03-03T09:30:00.000Z');
    // 01:50 CET on the spring-forward night: the next half hour of wall time, 02:00, does not exist → 03:00 CEST.
    const r = roundUp(new Date('2026-03-29T00:50:00Z'), 30, 'Europe/Berlin');
    expect(r.getTime()).toBeGreaterThanOrEqual(new Date('2026-03-29T00:50:00Z').getTime());
    expect(iso(r)).toBe('2026-03-29T01:00:00.000Z');
  });
});

describe('medianFirstReply', () => {
  const sample = (created: string, minutesLater: number) => ({
    createdAt: new Date(created),
    firstReplyAt: new Date(new Date(created).getTime() + minutesLater * 60_000),
  });

  it('is null with fewer than minSamples first replies', () => {
    expect(medianFirstReply([sample('2026-03-03T09:00:00Z', 5)], BERLIN)).toBeNull();
  });

  it('measures business minutes on the team calendar (a night’s wait costs nothing) and takes the median', () => {
    const samples = [
      sample('2026-03-03T09:00:00Z', 10),
      sample('2026-03-03T09:00:00Z', 20),
      sample('2026-03-03T09:00:00Z', 40),
      sample('2026-03-03T09:00:00Z', 50),
      // Created Tue 23:00 CET, answered Wed 08:30 CET: 30 business minutes, 570 wall minutes.
      sample('2026-03-03T22:00:00Z', 570),
      sample('2026-03-03T09:00:00Z', 5),
    ];
    expect(medianFirstReply(samples, BERLIN)).toBe(25); // 5 10 20 30 40 50
    expect(medianFirstReply(samples, null)).toBe(30); // 5 10 20 40 50 570
  });
});
