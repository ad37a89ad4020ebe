import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../calendars/index.js';
import { applySlaEvent, openSla, replaySla, type SlaEvent } from './lifecycle.js';
import type { PolicyRules } from './policy.js';

const t = (iso: string): Date => new Date(iso);
const office = compileCalendar({ timeZone: 'Europe/Berlin', weekly: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' }] });

const policy: PolicyRules = {
  id: '0190a6f2-7c4e-7000-8000-000000000001',
  targets: { firstReply: { minutes: 60 }, nextReply: { minutes: 120 }, resolution: { minutes: 8 * 60 } },
  warning: { percent: 75 },
};

// Monday 2 March 2026, Berlin (CET, +01:00).
const at = (hhmm: string, day = '02') => t(`2026-03-${day}T${hhmm}+01:00`);
const created = (time: string, extra: Partial<Extract<SlaEvent, { type: 'created' }>> = {}): SlaEvent => ({
  type: 'created',
  at: at(time),
  status: 'new',
  inbound: true,
  ...extra,
});
const kinds = (changes: { kind: string; metric: string; cycle: number }[]) => changes.map((c) => `${c.metric}#${c.cycle} ${c.kind}`);

describe('openSla', () => {
  it('starts first reply and resolution for a conversation the customer opened', () => {
    const { state } = openSla({ policy, calendar: office }, { type: 'created', at: at('10:00'), status: 'new', inbound: true });
    expect(state.clocks.map((c) => [c.metric, c.cycle, c.dueAt])).toEqual([
      ['first_reply', 1, at('11:00')],
      ['resolution', 1, at('18:00')],
    ]);
    expect(state.awaitingReply).toBe(true);
  });

  it('no first-reply clock when an agent wrote first', () => {
    const { state } = openSla({ policy, calendar: office }, { type: 'created', at: at('10:00'), status: 'open', inbound: false });
    expect(state.clocks.map((c) => c.metric)).toEqual(['resolution']);
  });

  it('starts paused when created pending, and sets nothing for imported solved conversations', () => {
    const pending = openSla({ policy, calendar: office }, { type: 'created', at: at('10:00'), status: 'pending', inbound: true });
    expect(pending.state.clocks.map((c) => c.status)).toEqual(['paused', 'paused']);
    const solved = openSla({ policy, calendar: office }, { type: 'created', at: at('10:00'), status: 'solved', inbound: true });
    expect(solved).toEqual({ state: { status: 'solved', awaitingReply: false, clocks: [] }, changes: [] });
  });

  it('only the targets the policy has', () => {
    const { state } = openSla(
      { policy: { ...policy, targets: { resolution: { minutes: 30, time: 'calendar' } } }, calendar: office },
      { type: 'created', at: at('17:50'), status: 'new', inbound: true },
    );
    expect(state.clocks.map((c) => [c.metric, c.time, c.dueAt])).toEqual([['resolution', 'calendar', at('18:20')]]);
  });
});

describe('replaySla', () => {
  it('first reply in time is achieved; the customer answering starts next reply, which is then breached', () => {
    const { state, changes } = replaySla(
      policy,
      office,
      [
        created('10:00'),
        { type: 'customer_message', at: at('10:20') }, // still waiting for the first reply: nothing restarts
        { type: 'agent_reply', at: at('10:40') },
        { type: 'customer_message', at: at('11:00') }, // next reply #1, due 13:00
      ],
      at('13:30'),
    );
    expect(kinds(changes)).toEqual(['first_reply#1 achieved', 'next_reply#1 breached']);
    expect(changes.at(-1)!.at).toEqual(at('13:00'));
    expect(state.clocks.find((c) => c.metric === 'next_reply')).toMatchObject({ cycle: 1, status: 'running', breachedAt: at('13:00') });
  });

  it('the next-reply clock restarts with each customer message that follows an agent reply', () => {
    const { state, changes } = replaySla(
      policy,
      office,
      [
        created('09:00'),
        { type: 'agent_reply', at: at('09:10') },
        { type: 'customer_message', at: at('09:30') }, // #1
        { type: 'customer_message', at: at('09:40') }, // same wait: no restart
        { type: 'agent_reply', at: at('10:00') },
        { type: 'customer_message', at: at('10:30') }, // #2
        { type: 'agent_reply', at: at('11:00') },
        { type: 'customer_message', at: at('17:00') }, // #3: due Tuesday 10:00 (business time)
      ],
      at('17:05'),
    );
    expect(kinds(changes)).toEqual([
      'first_reply#1 achieved',
      'next_reply#1 achieved',
      'next_reply#2 achieved',
      // The resolution clock ran all day (8 h from 09:00).
      'resolution#1 warned',
      'resolution#1 breached',
    ]);
    expect(state.clocks.find((c) => c.metric === 'next_reply')).toMatchObject({
      cycle: 3,
      startedAt: at('17:00'),
      dueAt: at('10:00', '03'),
    });
  });

  it('pending pauses every clock; leaving it resumes them with the due moved by the paused business time', () => {
    const { state, changes } = replaySla(
      policy,
      office,
      [
        created('10:00'), // resolution due 18:00
        { type: 'agent_reply', at: at('10:30') },
        { type: 'status', status: 'pending', at: at('11:00') }, // 7 h left
        { type: 'status', status: 'open', at: at('10:00', '03') }, // Tuesday: 8 business hours later
      ],
      at('10:00', '03'),
    );
    expect(kinds(changes)).toEqual(['first_reply#1 achieved']);
    const resolution = state.clocks.find((c) => c.metric === 'resolution')!;
    expect(resolution).toMatchObject({ status: 'running', dueAt: at('17:00', '03'), pausedMs: 23 * 3600_000 });
  });

  it('a customer message while pending starts the next-reply clock paused (the status still says pending)', () => {
    const { state } = replaySla(
      policy,
      office,
      [created('09:00'), { type: 'agent_reply', at: at('09:10') }, { type: 'status', status: 'pending', at: at('09:10') }],
      at('09:10'),
    );
    const next = applySlaEvent(state, { policy, calendar: office }, { type: 'customer_message', at: at('12:00') });
    expect(next.state.clocks.find((c) => c.metric === 'next_reply')).toMatchObject({ status: 'paused', remainingMs: 2 * 3600_000 });
    const opened = applySlaEvent(next.state, { policy, calendar: office }, { type: 'status', status: 'open', at: at('13:00') });
    expect(opened.state.clocks.find((c) => c.metric === 'next_reply')!.dueAt).toEqual(at('15:00'));
  });

  it('solved achieves resolution and stops reply clocks; a customer message reopens it with a new resolution cycle', () => {
    const { state, changes } = replaySla(
      policy,
      office,
      [
        created('09:00'),
        { type: 'agent_reply', at: at('09:30') },
        { type: 'status', status: 'solved', at: at('12:00') },
        { type: 'customer_message', at: at('09:00', '03') },
      ],
      at('09:00', '03'),
    );
    expect(kinds(changes)).toEqual(['first_reply#1 achieved', 'resolution#1 achieved']);
    expect(state.status).toBe('open');
    expect(state.clocks.map((c) => [c.metric, c.cycle, c.status, c.dueAt])).toEqual([
      ['first_reply', 1, 'stopped', at('10:00')],
      ['resolution', 2, 'running', at('17:00', '03')],
      ['next_reply', 1, 'running', at('11:00', '03')],
    ]);
  });

  it('a resolution breached before solving stays breached, with no achievement', () => {
    const { changes } = replaySla(
      policy,
      office,
      [created('09:00'), { type: 'agent_reply', at: at('09:05') }, { type: 'status', status: 'solved', at: at('10:00', '03') }],
      at('11:00', '03'),
    );
    // Settled only at the solve, past both thresholds: the breach alone is recorded.
    expect(kinds(changes)).toEqual(['first_reply#1 achieved', 'resolution#1 breached']);
    expect(changes.find((c) => c.kind === 'breached')!.at).toEqual(at('17:00'));
  });

  it('warns once per cycle', () => {
    const { changes } = replaySla(policy, office, [created('10:00')], at('10:50'));
    expect(kinds(changes)).toEqual(['first_reply#1 warned']);
    expect(changes[0]!.at).toEqual(at('10:45'));
  });

  it('a move to a calendar-less team counts what is left in wall time from the move', () => {
    const { state } = replaySla(
      policy,
      office,
      [created('17:00'), { type: 'calendar', calendar: null, at: at('17:30') }], // first reply: 30 business minutes left
      at('17:30'),
    );
    expect(state.clocks.find((c) => c.metric === 'first_reply')!.dueAt).toEqual(at('18:00'));
    expect(state.clocks.find((c) => c.metric === 'resolution')!.dueAt).toEqual(at('01:00', '03'));
  });
});
