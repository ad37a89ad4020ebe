import { describe, expect, it } from 'vitest';
import { businessTimeBetween, compileCalendar, isOpen } from '../calendars/index.js';
import { demoTeams } from '../demo/demo-data.js';
import { demoCalendar } from '../routing/demo-setup.js';
import { ETA_POLICY, medianFirstReply, medianReplyGap, promiseEta, roundUp } from './eta.js';

/** The demo teams' real calendars: Tokyo (JP, 09–12 and 13–18), Berlin (DE-BE, 08–18), São Paulo (BR-SP, 09–18). */
const calendar = (key: string) => compileCalendar(demoCalendar(demoTeams.find((t) => t.key === key)!));
const TOKYO = calendar('tokyo');
const BERLIN = calendar('berlin');
const SAO_PAULO = calendar('sao-paulo');
const iso = (d: Date | null | undefined) => d?.toISOString();
/** A quiet team: median first reply 30 business minutes, one reply every 10, nobody waiting. */
const quiet = (now: Date, calendar: typeof TOKYO, agents: number, timeZone: string) =>
  promiseEta({ now, calendar, medianMinutes: 30, replyGapMinutes: 10, queueAhead: 0, agents, timeZone })!;

describe('promiseEta', () => {
  it('budgets tailFactor × median plus the queue ahead (and this one) at the team’s pace', () => {
    const now = new Date('2026-03-03T09:00:00Z'); // Tue 10:00 in Berlin: open
    const eta = promiseEta({ now, calendar: BERLIN, medianMinutes: 20, replyGapMinutes: 5, queueAhead: 6, agents: 3 })!;
    expect(eta.budgetMinutes).toBe(2 * 20 + (6 + 1) * 5);
    expect(eta).toMatchObject({ medianMinutes: 20, gapMinutes: 5, medianDefaulted: false });
    expect(iso(eta.opensAt)).toBe(now.toISOString());
    // 75 minutes from 10:00 is 11:15, on a quarter hour already (within two hours: quarter hours).
    expect(iso(eta.due)).toBe('2026-03-03T10:15:00.000Z');
    // Only one of the three reads the language: the queue moves at a third of the pace for it.
    const one = promiseEta({ now, calendar: BERLIN, medianMinutes: 20, replyGapMinutes: 5, queueAhead: 6, agents: 3, readers: 1 })!;
    expect(one.budgetMinutes).toBe(2 * 20 + (6 + 1) * 5 * 3);
    // 145 minutes: 12:25, beyond two hours, so the next half hour: 12:30.
    expect(iso(one.due)).toBe('2026-03-03T11:30:00.000Z');
  });

  it('uses the default median while the team has too few first replies, and never promises under minMinutes', () => {
    const now = new Date('2026-03-03T09:00:00Z');
    const eta = promiseEta({ now, calendar: BERLIN, medianMinutes: null, replyGapMinutes: null, queueAhead: 0, agents: 2 })!;
    expect(eta).toMatchObject({
      medianMinutes: ETA_POLICY.defaultMedianMinutes,
      gapMinutes: ETA_POLICY.defaultGapMinutes,
      medianDefaulted: true,
    });
    expect(eta.budgetMinutes).toBe(ETA_POLICY.tailFactor * ETA_POLICY.defaultMedianMinutes + ETA_POLICY.defaultGapMinutes);
    const quick = promiseEta({ now, calendar: BERLIN, medianMinutes: 1, replyGapMinutes: 1, queueAhead: 0, agents: 2 })!;
    expect(quick.budgetMinutes).toBe(ETA_POLICY.minMinutes);
    expect(iso(quick.due)).toBe('2026-03-03T09:15:00.000Z');
  });

  it('at night starts at the next opening (Tokyo, 23:00 on a Monday → Tuesday morning)', () => {
    const now = new Date('2026-03-02T14:00:00Z'); // Mon 23:00 JST
    const eta = quiet(now, TOKYO, 2, 'Asia/Tokyo');
    expect(iso(eta.opensAt)).toBe('2026-03-03T00:00:00.000Z'); // Tue 09:00 JST
    // 2 × 30 + 10 = 70 business minutes after 09:00 is 10:10 JST: the next half hour, 10:30.
    expect(iso(eta.due)).toBe('2026-03-03T01:30:00.000Z');
  });

  it('over a weekend counts Friday’s open minutes and resumes on Monday (Berlin)', () => {
    const now = new Date('2026-03-06T16:30:00Z'); // Fri 17:30 CET, 30 minutes before closing
    const eta = quiet(now, BERLIN, 1, 'Europe/Berlin');
    expect(iso(eta.due)).toBe('2026-03-09T08:00:00.000Z'); // Mon 09:00 CET: 30 min on Friday + 40 on Monday, rounded
    expect(businessTimeBetween(BERLIN, now, eta.due)).toBe(90);
  });

  it('skips a public holiday: Tiradentes (Tue 21 April 2026) in São Paulo', () => {
    expect(isOpen(SAO_PAULO, new Date('2026-04-21T14:00:00Z'))).toBe(false);
    const now = new Date('2026-04-20T20:30:00Z'); // Mon 17:30 BRT
    const eta = quiet(now, SAO_PAULO, 1, 'America/Sao_Paulo');
    expect(iso(eta.due)).toBe('2026-04-22T13:00:00.000Z'); // Wed 10:00 BRT
  });

  it('skips Golden Week in Tokyo: Friday 1 May 17:50 → Thursday 7 May', () => {
    const now = new Date('2026-05-01T08:50:00Z'); // Fri 17:50 JST
    const eta = quiet(now, TOKYO, 2, 'Asia/Tokyo');
    // 10 minutes on Friday, nothing from Sat 2 to Wed 6 May (weekend, holidays, substitute holiday), 60 on Thursday: 10:00.
    expect(iso(eta.opensAt)).toBe(now.toISOString());
    expect(iso(eta.due)).toBe('2026-05-07T01:00:00.000Z');
  });

  it('is never earlier than the next opening plus the budget', () => {
    for (const at of ['2026-03-07T12:00:00Z', '2026-12-24T23:00:00Z', '2026-05-03T03:00:00Z', '2026-03-29T00:30:00Z']) {
      const now = new Date(at);
      for (const cal of [TOKYO, BERLIN, SAO_PAULO]) {
        const eta = promiseEta({ now, calendar: cal, medianMinutes: 12, replyGapMinutes: 6, queueAhead: 4, agents: 2, readers: 1 })!;
        expect(eta.due.getTime()).toBeGreaterThan(eta.opensAt.getTime());
        expect(businessTimeBetween(cal, now, eta.due)).toBeGreaterThanOrEqual(eta.budgetMinutes);
      }
    }
  });

  it('counts wall minutes for a team without a calendar', () => {
    const now = new Date('2026-03-07T03:07:00Z');
    const eta = promiseEta({ now, calendar: null, medianMinutes: 10, replyGapMinutes: 5, queueAhead: 0, agents: 1 })!;
    expect(iso(eta.due)).toBe('2026-03-07T03:45:00.000Z'); // 03:32 → quarter hour
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
    expect(medianReplyGap([sample('2026-03-03T09:00:00Z', 5)], BERLIN)).toBeNull();
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
    // Replies at 09:05 09:10 09:20 09:40 09:50 UTC on Tuesday and 07:30 on Wednesday: gaps 5 10 20 10 and
    // the night, 460 business minutes (to Tuesday's 18:00 CET close, from Wednesday's 08:00 opening).
    expect(medianReplyGap(samples, BERLIN)).toBe(10);
  });
});
