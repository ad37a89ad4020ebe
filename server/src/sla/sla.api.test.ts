import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';
import { slaEvents, slaFixture, type SlaFixture } from '../test/sla-fixture.js';
import { evaluateSla } from './evaluate.js';

// The harness clock starts Monday 2 March 2026, 09:00 UTC = 10:00 in Berlin (CET, +01:00).
const berlin = (day: string, hhmm: string) => new Date(`2026-03-${day}T${hhmm}:00+01:00`).toISOString();
const clockOf = (sla: { clocks: { metric: string; cycle: number }[] }, metric: string, cycle = 1) =>
  sla.clocks.find((c) => c.metric === metric && c.cycle === cycle);

describe.each(ENGINES)('SLA policies and clocks on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let f: SlaFixture;
  let defaultId: string;

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h);
    f = await slaFixture(h, ws);
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)('policies: created by leads, listed in trial order with the default last, changed by PATCH', async () => {
    const fallback = await f.post('/api/v1/sla/policies', {
      name: 'Standard',
      default: true,
      targets: { firstReply: { minutes: 60 }, nextReply: { minutes: 120 }, resolution: { minutes: 480 } },
      escalation: { raisePriority: true, notifyLead: true },
    });
    defaultId = fallback.id;
    expect(fallback).toMatchObject({ position: 0, default: true, when: {}, warning: { percent: 75 } });
    const urgent = await f.post('/api/v1/sla/policies', {
      name: 'Urgent',
      when: { priorities: ['urgent'] },
      targets: { firstReply: { minutes: 15, time: 'calendar' } },
      warning: { minutesBefore: 5 },
    });
    const vip = await f.post('/api/v1/sla/policies', { name: 'VIP', when: { tiers: ['gold'] }, targets: { firstReply: { minutes: 30 } } });
    expect([urgent.position, vip.position]).toEqual([0, 1]);
    expect((await f.get('/api/v1/sla/policies')).data.map((p: { name: string }) => p.name)).toEqual(['Urgent', 'VIP', 'Standard']);

    const moved = await f.patch(`/api/v1/sla/policies/${urgent.id}`, { position: 2 });
    expect(moved).toMatchObject({ name: 'Urgent', position: 2, when: { priorities: ['urgent'] }, warning: { minutesBefore: 5 } });
    expect((await f.get('/api/v1/sla/policies')).data.map((p: { name: string }) => p.name)).toEqual(['VIP', 'Urgent', 'Standard']);

    // Agents read policies but may not write them.
    const agent = await ws.tokenFor('agent');
    expect((await call(h, agent, 'GET', '/api/v1/sla/policies')).statusCode).toBe(200);
    expect((await call(h, agent, 'POST', '/api/v1/sla/policies', { name: 'x', targets: { resolution: { minutes: 1 } } })).statusCode).toBe(
      403,
    );
  });

  it.skipIf(!engine.available)('policies: one default, without conditions; names are unique', async () => {
    const refuse = async (method: 'POST' | 'PATCH', url: string, body: unknown, status: number, path: string) => {
      const res = await call(h, ws.token, method, url, body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    };
    await refuse(
      'POST',
      '/api/v1/sla/policies',
      { name: 'Second', default: true, targets: { resolution: { minutes: 60 } } },
      409,
      'body/default',
    );
    await refuse('POST', '/api/v1/sla/policies', { name: 'Standard', targets: { resolution: { minutes: 60 } } }, 409, 'body/name');
    await refuse('PATCH', `/api/v1/sla/policies/${defaultId}`, { when: { channels: ['chat'] } }, 400, 'body/when');
    await refuse(
      'POST',
      '/api/v1/sla/policies',
      { name: 'W', targets: { resolution: { minutes: 60 } }, warning: { percent: 50, minutesBefore: 5 } },
      400,
      'body/warning',
    );
  });

  it.skipIf(!engine.available)(
    'a conversation gets clocks on its team calendar; pending pauses them and leaving it moves the due by the paused business time',
    async () => {
      const created = await f.post('/api/v1/conversations', {
        customer: { id: f.customerId },
        channel: 'email',
        teamId: f.teamId,
        message: { text: 'Meine Bestellung ist nicht angekommen' },
      });
      await f.drain();
      const url = `/api/v1/conversations/${created.id}`;
      let sla = (await f.get(url)).sla;
      expect(sla).toMatchObject({ policyId: defaultId, calendarId: f.calendarId });
      expect(clockOf(sla, 'first_reply')).toMatchObject({ status: 'running', dueAt: berlin('02', '11:00'), warnAt: berlin('02', '10:45') });
      expect(clockOf(sla, 'resolution')).toMatchObject({ status: 'running', dueAt: berlin('02', '18:00') });

      h.clock.set(berlin('02', '10:30'));
      await f.patch(url, { status: 'pending' });
      await f.drain();
      sla = (await f.get(url)).sla;
      expect(clockOf(sla, 'first_reply')).toMatchObject({ status: 'paused', dueAt: null, remainingMinutes: 30 });

      // Tuesday 10:00: 8 business hours later.
      h.clock.set(berlin('03', '10:00'));
      await f.patch(url, { status: 'open' });
      await f.drain();
      sla = (await f.get(url)).sla;
      expect(clockOf(sla, 'first_reply')).toMatchObject({ status: 'running', dueAt: berlin('03', '10:30'), pausedMinutes: 23.5 * 60 });
      expect(clockOf(sla, 'resolution')).toMatchObject({ dueAt: berlin('03', '17:30') });

      // Past due: the evaluator records the breach once and escalates (priority one step up, the lead notified).
      h.clock.set(berlin('03', '10:31'));
      expect((await f.get(url)).sla.clocks.find((c: { metric: string }) => c.metric === 'first_reply').status).toBe('breached');
      expect(await evaluateSla({ db: h.db, clock: h.clock })).toEqual({ conversations: 1, recorded: 1 });
      expect(await evaluateSla({ db: h.db, clock: h.clock })).toEqual({ conversations: 0, recorded: 0 });
      const after = await f.get(url);
      expect(after.priority).toBe('high');
      expect(clockOf(after.sla, 'first_reply')).toMatchObject({ status: 'breached', breachedAt: berlin('03', '10:30'), stoppedAt: null });
      const { rows } = await h.db.query<{ payload: Record<string, unknown> }>(
        `SELECT payload FROM events WHERE workspace_id = $1 AND type = 'sla.escalation'`,
        [ws.id],
      );
      expect(rows.map((r) => r.payload)).toEqual([
        expect.objectContaining({
          metric: 'first_reply',
          actions: ['raise_priority', 'notify_lead'],
          leadIds: [f.leadId],
          teamId: f.teamId,
        }),
      ]);

      // The agent replies late (no achievement); the customer answers: next reply starts, due in 2 business hours.
      h.clock.set(berlin('03', '11:00'));
      await f.post(`${url}/messages`, { direction: 'outbound', text: 'Wir kümmern uns darum.' });
      h.clock.set(berlin('03', '17:00'));
      await f.post(`${url}/messages`, { text: 'Danke, ich warte.' });
      await f.drain();
      sla = (await f.get(url)).sla;
      expect(clockOf(sla, 'first_reply')).toMatchObject({ status: 'breached', achievedAt: null, stoppedAt: berlin('03', '11:00') });
      expect(clockOf(sla, 'next_reply')).toMatchObject({
        status: 'running',
        startedAt: berlin('03', '17:00'),
        dueAt: berlin('04', '10:00'),
      });
      // The resolution clock (due 17:30) warned at 15:30 is recorded when the message settled it.
      expect(await slaEvents(h, ws.id)).toEqual(['sla.breached first_reply#1', 'sla.escalation first_reply#1', 'sla.warned resolution#1']);

      // Solved: resolution and the running reply clock are achieved.
      h.clock.set(berlin('03', '17:10'));
      await f.patch(url, { status: 'solved' });
      await f.drain();
      expect((await slaEvents(h, ws.id)).slice(3)).toEqual(['sla.achieved next_reply#1', 'sla.achieved resolution#1']);
      expect(f.errors).toEqual([]);
    },
  );

  it.skipIf(!engine.available)("a customer's answer ends a pending wait: the conversation reopens and its clocks run again", async () => {
    h.clock.set(berlin('09', '10:00'));
    const created = await f.post('/api/v1/conversations', {
      customer: { id: f.customerId },
      channel: 'email',
      teamId: f.teamId,
      message: { text: 'Die Rechnung fehlt' },
    });
    const url = `/api/v1/conversations/${created.id}`;
    h.clock.set(berlin('09', '10:30'));
    await f.patch(url, { status: 'pending' });
    await f.drain();
    expect(clockOf((await f.get(url)).sla, 'first_reply')).toMatchObject({ status: 'paused', remainingMinutes: 30 });

    // Thursday 10:00: the customer answers; nobody touched the status.
    h.clock.set(berlin('12', '10:00'));
    await f.post(`${url}/messages`, { text: 'Hier ist die Bestellnummer: 4711' });
    await f.drain();
    const after = await f.get(url);
    expect(after.status).toBe('open');
    expect(clockOf(after.sla, 'first_reply')).toMatchObject({ status: 'running', dueAt: berlin('12', '10:30') });
    const { rows } = await h.db.query<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM events WHERE workspace_id = $1 AND type = 'conversation.updated' AND subject_id = $2 ORDER BY id`,
      [ws.id, created.id],
    );
    expect(rows.at(-1)!.payload).toMatchObject({ changed: ['status'], status: 'open', from: 'pending', reason: 'customer_replied' });

    // on_hold waits on someone else: a customer message leaves it as it is.
    await f.patch(url, { status: 'on_hold' });
    await f.post(`${url}/messages`, { text: 'Noch etwas' });
    expect((await f.get(url)).status).toBe('on_hold');
    expect(f.errors).toEqual([]);
  });

  it.skipIf(!engine.available)('the first matching policy applies; a conversation an agent started has no first-reply clock', async () => {
    // Given an assignee and no team, routing leaves it alone: it stays without a team.
    const urgent = await f.post('/api/v1/conversations', {
      customer: { id: f.customerId },
      channel: 'chat',
      priority: 'urgent',
      assigneeId: f.leadId,
      message: { text: 'Alles ist kaputt!' },
    });
    const outbound = await f.post('/api/v1/conversations', {
      customer: { id: f.customerId },
      channel: 'email',
      teamId: f.teamId,
      message: { direction: 'outbound', text: 'Ihre Rückerstattung' },
    });
    await f.drain();
    const u = (await f.get(`/api/v1/conversations/${urgent.id}`)).sla;
    // Calendar time, no team: due 15 minutes after creation, at risk 5 minutes before.
    expect(u.calendarId).toBeNull();
    expect(u.clocks).toEqual([
      expect.objectContaining({ metric: 'first_reply', time: 'calendar', targetMinutes: 15, startedAt: h.clock().toISOString() }),
    ]);
    expect(new Date(u.clocks[0].dueAt).getTime() - new Date(u.clocks[0].warnAt).getTime()).toBe(5 * 60_000);
    const o = (await f.get(`/api/v1/conversations/${outbound.id}`)).sla;
    expect(o.clocks.map((c: { metric: string }) => c.metric)).toEqual(['resolution']);
  });

  it.skipIf(!engine.available)('moving to a team with a calendar counts the time left on that calendar', async () => {
    h.clock.set(berlin('03', '17:10'));
    // Given an assignee and no team, routing leaves it alone (else it would go to Berlin, the only team).
    const c = await f.post('/api/v1/conversations', {
      customer: { id: f.customerId },
      channel: 'email',
      assigneeId: f.leadId,
      message: { text: 'Hallo?' },
    });
    await f.drain();
    const url = `/api/v1/conversations/${c.id}`;
    // No team, so no calendar: the business target counts wall time.
    expect(clockOf((await f.get(url)).sla, 'first_reply')).toMatchObject({ time: 'business', dueAt: berlin('03', '18:10') });
    h.clock.set(berlin('03', '17:20'));
    await f.patch(url, { teamId: f.teamId });
    await f.drain();
    const sla = (await f.get(url)).sla;
    // 50 minutes left: 40 until Berlin closes at 18:00, 10 on Wednesday morning.
    expect(sla.calendarId).toBe(f.calendarId);
    expect(clockOf(sla, 'first_reply')).toMatchObject({ status: 'running', dueAt: berlin('04', '09:10') });
    expect(f.errors).toEqual([]);
  });
});
