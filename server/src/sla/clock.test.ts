import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../calendars/index.js';
import { pauseClock, rebaseClock, resumeClock, settleClock, startClock, stopClock, timeCalc, WALL_TIME, type ClockSpec } from './clock.js';

const t = (iso: string): Date => new Date(iso);
const H = 3600_000;
const MON_FRI = [1, 2, 3, 4, 5];

// Berlin is CET (+01:00) until Sunday 29 March 2026, CEST (+02:00) after.
const office = compileCalendar({ timeZone: 'Europe/Berlin', weekly: [{ days: MON_FRI, start: '09:00', end: '18:00' }] });
const bavaria = compileCalendar({
  timeZone: 'Europe/Berlin',
  weekly: [{ days: MON_FRI, start: '09:00', end: '18:00' }],
  holidays: { country: 'DE', subdivision: 'BY' },
});
const everyDay = compileCalendar({ timeZone: 'Europe/Berlin', weekly: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '20:00' }] });
const business = timeCalc('business', office);

const spec = (targetMs: number, warnBeforeMs = targetMs / 4): ClockSpec => ({
  metric: 'resolution',
  cycle: 1,
  time: 'business',
  targetMs,
  warnBeforeMs,
});

describe('startClock', () => {
  it('sets due and warning instants in business time', () => {
    const c = startClock(spec(4 * H), business, t('2026-03-02T10:00+01:00'));
    expect(c).toMatchObject({ status: 'running', dueAt: t('2026-03-02T14:00+01:00'), warnAt: t('2026-03-02T13:00+01:00') });
  });

  it('counts from the next opening when started outside business hours', () => {
    const c = startClock(spec(2 * H), business, t('2026-03-07T11:00+01:00')); // Saturday
    expect(c.dueAt).toEqual(t('2026-03-09T11:00+01:00'));
  });

  it('runs over the weekend in business time, straight through it in calendar time', () => {
    const from = t('2026-03-06T17:00+01:00'); // Friday
    expect(startClock(spec(2 * H), business, from).dueAt).toEqual(t('2026-03-09T10:00+01:00'));
    expect(startClock({ ...spec(2 * H), time: 'calendar' }, WALL_TIME, from).dueAt).toEqual(t('2026-03-06T19:00+01:00'));
  });

  it('a business target without a calendar counts wall time', () => {
    expect(timeCalc('business', null)).toBe(WALL_TIME);
    expect(timeCalc('calendar', office)).toBe(WALL_TIME);
  });

  it('starts paused (no due, the whole target left) when the conversation waits on the customer', () => {
    const c = startClock(spec(4 * H), business, t('2026-03-02T10:00+01:00'), true);
    expect(c).toMatchObject({ status: 'paused', dueAt: null, warnAt: null, remainingMs: 4 * H, pausedSince: t('2026-03-02T10:00+01:00') });
  });
});

describe('pause and resume', () => {
  it('re-adds the business time left on resume: the due moves by the business time spent paused', () => {
    const c = startClock(spec(4 * H), business, t('2026-03-02T10:00+01:00')); // due Mon 14:00
    const paused = pauseClock(c, business, t('2026-03-02T11:00+01:00')).clock;
    expect(paused).toMatchObject({ status: 'paused', remainingMs: 3 * H, dueAt: null, warnAt: null });
    const resumed = resumeClock(paused, business, t('2026-03-03T10:00+01:00'));
    // Paused Mon 11:00–18:00 and Tue 09:00–10:00 (8 business hours): due Mon 14:00 + 8 h = Tue 13:00.
    expect(resumed).toMatchObject({ status: 'running', dueAt: t('2026-03-03T13:00+01:00'), warnAt: t('2026-03-03T12:00+01:00') });
    expect(resumed.pausedMs).toBe(23 * H);
  });

  it('a pause over a weekend and a public holiday costs only the open time inside it', () => {
    const cal = timeCalc('business', bavaria);
    // Thursday 2 April 2026, 2 h left at 16:00; Good Friday (3rd) and Easter Monday (6th) are holidays in Bavaria.
    const c = startClock(spec(3 * H), cal, t('2026-04-02T15:00+02:00'));
    const paused = pauseClock(c, cal, t('2026-04-02T16:00+02:00')).clock;
    expect(paused.remainingMs).toBe(2 * H);
    // Resumed Saturday: nothing is open until Tuesday 09:00.
    const resumed = resumeClock(paused, cal, t('2026-04-04T12:00+02:00'));
    expect(resumed.dueAt).toEqual(t('2026-04-07T11:00+02:00'));
    // The same pause in calendar time moves the due by the 44 wall-clock hours.
    const wall = startClock({ ...spec(3 * H), time: 'calendar' }, WALL_TIME, t('2026-04-02T15:00+02:00'));
    const wallPaused = pauseClock(wall, WALL_TIME, t('2026-04-02T16:00+02:00')).clock;
    expect(resumeClock(wallPaused, WALL_TIME, t('2026-04-04T12:00+02:00')).dueAt).toEqual(t('2026-04-04T14:00+02:00'));
  });

  it('keeps the breach of a clock paused after its due; resuming gives no second breach', () => {
    const c = startClock(spec(H), business, t('2026-03-02T10:00+01:00'));
    const { clock: paused, changes } = pauseClock(c, business, t('2026-03-02T12:00+01:00'));
    expect(changes.map((x) => [x.kind, x.at])).toEqual([['breached', t('2026-03-02T11:00+01:00')]]);
    expect(paused.remainingMs).toBe(0);
    const resumed = resumeClock(paused, business, t('2026-03-02T15:00+01:00'));
    expect(settleClock(resumed, t('2026-03-02T17:00+01:00')).changes).toEqual([]);
  });

  it('pausing and resuming a stopped clock does nothing', () => {
    const stopped = stopClock(startClock(spec(H), business, t('2026-03-02T10:00+01:00')), t('2026-03-02T10:30+01:00')).clock;
    expect(pauseClock(stopped, business, t('2026-03-02T10:40+01:00')).clock).toBe(stopped);
    expect(resumeClock(stopped, business, t('2026-03-02T10:50+01:00'))).toBe(stopped);
  });
});

describe('settleClock: warnings and breaches', () => {
  const c = startClock(spec(4 * H), business, t('2026-03-02T10:00+01:00')); // warn 13:00, due 14:00

  it('nothing before the warning threshold', () => {
    expect(settleClock(c, t('2026-03-02T12:59+01:00')).changes).toEqual([]);
  });

  it('warns once at the threshold, recorded at the threshold instant', () => {
    const warned = settleClock(c, t('2026-03-02T13:30+01:00'));
    expect(warned.changes).toEqual([
      { kind: 'warned', metric: 'resolution', cycle: 1, at: t('2026-03-02T13:00+01:00'), dueAt: t('2026-03-02T14:00+01:00') },
    ]);
    expect(settleClock(warned.clock, t('2026-03-02T13:45+01:00')).changes).toEqual([]);
  });

  it('due exactly now is not yet a breach; a millisecond later it is, recorded at the due instant', () => {
    expect(settleClock(c, t('2026-03-02T14:00+01:00')).changes.map((x) => x.kind)).toEqual(['warned']);
    const late = settleClock(c, t('2026-03-02T14:00:00.001+01:00'));
    expect(late.changes.map((x) => [x.kind, x.at])).toEqual([['breached', t('2026-03-02T14:00+01:00')]]);
    expect(settleClock(late.clock, t('2026-03-03T09:00+01:00')).changes).toEqual([]);
  });

  it('a breach found with a warning not yet given is recorded alone', () => {
    const { clock, changes } = settleClock(c, t('2026-03-05T09:00+01:00'));
    expect(changes.map((x) => x.kind)).toEqual(['breached']);
    expect(clock.warnedAt).toBeNull();
  });

  it('minutes-before warnings land that much business time before due', () => {
    const w = startClock(spec(4 * H, 0.5 * H), business, t('2026-03-06T16:00+01:00')); // Friday
    expect(w.dueAt).toEqual(t('2026-03-09T11:00+01:00'));
    expect(w.warnAt).toEqual(t('2026-03-09T10:30+01:00'));
  });
});

describe('stopClock', () => {
  const c = startClock({ ...spec(H), metric: 'first_reply' }, business, t('2026-03-02T10:00+01:00'));

  it('achieved when stopped in time, exactly at the due instant included', () => {
    const { clock, changes } = stopClock(c, t('2026-03-02T11:00+01:00'));
    expect(clock).toMatchObject({ status: 'stopped', achievedAt: t('2026-03-02T11:00+01:00'), breachedAt: null });
    expect(changes.map((x) => x.kind)).toEqual(['warned', 'achieved']);
  });

  it('breached (not achieved) when stopped late, the breach recorded at the due instant', () => {
    const { clock, changes } = stopClock(c, t('2026-03-02T12:00+01:00'));
    expect(clock).toMatchObject({ status: 'stopped', achievedAt: null, breachedAt: t('2026-03-02T11:00+01:00') });
    expect(changes.map((x) => [x.kind, x.at])).toEqual([['breached', t('2026-03-02T11:00+01:00')]]);
  });

  it('stopping a paused clock counts the pause up to the stop', () => {
    const paused = pauseClock(c, business, t('2026-03-02T10:10+01:00')).clock;
    const { clock } = stopClock(paused, t('2026-03-02T12:10+01:00'));
    expect(clock).toMatchObject({ pausedMs: 2 * H, achievedAt: t('2026-03-02T12:10+01:00'), pausedSince: null });
  });
});

describe('DST', () => {
  const daily = timeCalc('business', everyDay);

  it('business time across the spring change: the Sunday opens at 08:00 CEST (06:00 UTC)', () => {
    // Saturday 19:00 CET + 2 h: one hour on Saturday, one from Sunday's opening.
    const c = startClock(spec(2 * H), daily, t('2026-03-28T18:00Z'));
    expect(c.dueAt).toEqual(t('2026-03-29T07:00Z'));
  });

  it('a pause across the change re-adds business time, not wall time', () => {
    const c = startClock(spec(3 * H), daily, t('2026-03-28T17:00Z')); // Sat 18:00 CET, due Sun 09:00 CEST
    const paused = pauseClock(c, daily, t('2026-03-28T18:00Z')).clock; // 2 h left
    const resumed = resumeClock(paused, daily, t('2026-03-29T10:00Z')); // Sun 12:00 CEST
    expect(resumed.dueAt).toEqual(t('2026-03-29T12:00Z'));
    expect(resumed.pausedMs).toBe(16 * H); // elapsed, though the wall clock in Berlin moved 17 h
  });

  it('calendar time is elapsed time: 24 h across the autumn change ends an hour earlier on the wall clock', () => {
    const c = startClock({ ...spec(24 * H), time: 'calendar' }, WALL_TIME, t('2026-10-24T10:00+02:00'));
    expect(c.dueAt).toEqual(t('2026-10-25T09:00+01:00'));
  });
});

describe('rebaseClock', () => {
  it('counts the time left on the new calendar from the move', () => {
    const c = startClock(spec(4 * H), business, t('2026-03-02T10:00+01:00')); // due 14:00 Berlin
    const tokyo = timeCalc(
      'business',
      compileCalendar({ timeZone: 'Asia/Tokyo', weekly: [{ days: MON_FRI, start: '09:00', end: '18:00' }] }),
    );
    // At 11:00 Berlin (19:00 Tokyo, closed) 3 h are left: Tokyo opens Tuesday 09:00 JST.
    const { clock } = rebaseClock(c, business, tokyo, t('2026-03-02T11:00+01:00'));
    expect(clock.dueAt).toEqual(t('2026-03-03T12:00+09:00'));
  });

  it('leaves a breached clock as it is', () => {
    const c = startClock(spec(H), business, t('2026-03-02T10:00+01:00'));
    const { clock, changes } = rebaseClock(c, business, WALL_TIME, t('2026-03-02T12:00+01:00'));
    expect(changes.map((x) => x.kind)).toEqual(['breached']);
    expect(clock.dueAt).toEqual(t('2026-03-02T11:00+01:00'));
  });
});
