import { describe, expect, it } from 'vitest';
import { startClock, stopClock, WALL_TIME } from './clock.js';
import { clockSpec, conditionsMatch, selectPolicy, warnBeforeMs, type SlaFacts } from './policy.js';
import type { SlaConditions } from './sla.schema.js';
import { viewClock } from './view.js';

const facts: SlaFacts = {
  priority: 'high',
  channel: 'email',
  language: 'pt-BR',
  tier: 'gold',
  segment: 'enterprise',
  country: 'BR',
  region: 'BR-SP',
};

const policy = (id: string, position: number, when: SlaConditions, isDefault = false) => ({ id, position, when, default: isDefault });

describe('conditionsMatch', () => {
  it('matches with no conditions, and when every condition holds (any value within one)', () => {
    expect(conditionsMatch({}, facts)).toBe(true);
    expect(conditionsMatch({ priorities: ['urgent', 'high'], channels: ['email'], tiers: ['gold'], countries: ['BR'] }, facts)).toBe(true);
    expect(conditionsMatch({ segments: ['enterprise'], regions: ['BR-SP'] }, facts)).toBe(true);
  });

  it('fails when any condition fails', () => {
    expect(conditionsMatch({ priorities: ['urgent'] }, facts)).toBe(false);
    expect(conditionsMatch({ priorities: ['high'], channels: ['chat'] }, facts)).toBe(false);
    expect(conditionsMatch({ regions: ['BR-RJ'] }, facts)).toBe(false);
  });

  it('languages match as prefixes on subtag boundaries', () => {
    expect(conditionsMatch({ languages: ['pt'] }, facts)).toBe(true);
    expect(conditionsMatch({ languages: ['pt-BR'] }, facts)).toBe(true);
    expect(conditionsMatch({ languages: ['pt-PT'] }, facts)).toBe(false);
    expect(conditionsMatch({ languages: ['p'] }, facts)).toBe(false);
  });

  it('an unknown value never matches a condition on it', () => {
    expect(conditionsMatch({ languages: ['pt'] }, { ...facts, language: null })).toBe(false);
    expect(conditionsMatch({ tiers: ['gold'] }, { ...facts, tier: null })).toBe(false);
  });
});

describe('selectPolicy', () => {
  const urgent = policy('01', 0, { priorities: ['urgent'] });
  const brazil = policy('02', 1, { countries: ['BR'] });
  const gold = policy('03', 1, { tiers: ['gold'] });
  const fallback = policy('00', 0, {}, true);

  it('first match by position wins; ties go to the older policy', () => {
    expect(selectPolicy([gold, brazil, urgent, fallback], facts)).toBe(brazil);
    expect(selectPolicy([gold, brazil, urgent, fallback], { ...facts, priority: 'urgent' })).toBe(urgent);
  });

  it('the default applies when nothing else matches, whatever its position', () => {
    expect(selectPolicy([fallback, urgent], facts)).toBe(fallback);
    expect(selectPolicy([urgent], facts)).toBeNull();
  });
});

describe('targets and warnings', () => {
  const rules = { id: 'p', targets: { firstReply: { minutes: 60 }, resolution: { minutes: 480, time: 'calendar' as const } } };

  it('turns targets into clock specs, business time by default', () => {
    expect(clockSpec({ ...rules, warning: { percent: 75 } }, 'first_reply', 1)).toEqual({
      metric: 'first_reply',
      cycle: 1,
      time: 'business',
      targetMs: 3_600_000,
      warnBeforeMs: 900_000,
    });
    expect(clockSpec({ ...rules, warning: { percent: 75 } }, 'resolution', 2)).toMatchObject({ time: 'calendar', cycle: 2 });
    expect(clockSpec({ ...rules, warning: { percent: 75 } }, 'next_reply', 1)).toBeNull();
  });

  it('warns a share of the target in, or minutes before due (never before the start)', () => {
    expect(warnBeforeMs(3_600_000, { percent: 90 })).toBe(360_000);
    expect(warnBeforeMs(3_600_000, { minutesBefore: 10 })).toBe(600_000);
    expect(warnBeforeMs(3_600_000, { minutesBefore: 120 })).toBe(3_600_000);
  });
});

describe('viewClock', () => {
  const spec = { metric: 'first_reply' as const, cycle: 1, time: 'calendar' as const, targetMs: 3_600_000, warnBeforeMs: 900_000 };
  const c = startClock(spec, WALL_TIME, new Date('2026-03-02T10:00Z'));

  it('running, at risk past the warning, breached past due before anything is recorded', () => {
    expect(viewClock(c, new Date('2026-03-02T10:30Z'))).toMatchObject({
      status: 'running',
      atRisk: false,
      dueAt: '2026-03-02T11:00:00.000Z',
    });
    expect(viewClock(c, new Date('2026-03-02T10:50Z'))).toMatchObject({ status: 'running', atRisk: true });
    expect(viewClock(c, new Date('2026-03-02T11:01Z'))).toMatchObject({
      status: 'breached',
      atRisk: false,
      breachedAt: '2026-03-02T11:00:00.000Z',
    });
  });

  it('achieved once stopped in time', () => {
    const done = stopClock(c, new Date('2026-03-02T10:20Z')).clock;
    expect(viewClock(done, new Date('2026-03-03T00:00Z'))).toMatchObject({ status: 'achieved', stoppedAt: '2026-03-02T10:20:00.000Z' });
  });
});
