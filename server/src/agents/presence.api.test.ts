import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { agentSessions, call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';

/**
 * Presence and capacity through PATCH /api/v1/agents/:id: routing assigns only online agents under
 * capacity, and waiting conversations reach an agent the moment they come online or free a slot.
 * One team without a calendar (always open), two Spanish readers who start offline.
 */
describe.each(ENGINES)('agent presence on $engine', (engine) => {
  let h: Harness;
  let n = 0;

  async function ok(who: string | { cookie: string }, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, status?: number) {
    const res =
      typeof who === 'string' ? await call(h, who, method, url, body) : await call(h, null, method, url, body, { cookie: who.cookie });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status ?? (method === 'POST' ? 201 : 200));
    return res.json();
  }

  interface Setup {
    ws: TestWorkspace;
    lead: string;
    ana: { id: string; cookie: string };
    bea: { id: string; cookie: string };
    teamId: string;
  }

  async function setup(): Promise<Setup> {
    const ws = await makeWorkspace(h);
    const es = [{ tag: 'es', proficiency: 'native' }];
    const cookies = await agentSessions(h, ws, { [`ana-${++n}`]: es, [`bea-${n}`]: es });
    const agents = (await ok(ws.token, 'GET', '/api/v1/agents?limit=10')).data as { id: string; name: string }[];
    const idOf = (name: string) => agents.find((a) => a.name === name)!.id;
    const ana = { id: idOf(`ana-${n}`), cookie: cookies[`ana-${n}`]! };
    const bea = { id: idOf(`bea-${n}`), cookie: cookies[`bea-${n}`]! };
    const team = await ok(ws.token, 'POST', '/api/v1/teams', {
      name: 'Madrid',
      timeZone: 'Europe/Madrid',
      languages: ['es'],
      memberIds: [ana.id, bea.id],
    });
    return { ws, lead: await ws.tokenFor('lead'), ana, bea, teamId: team.id };
  }

  const create = (s: Setup, text: string, priority = 'normal') =>
    ok(s.ws.token, 'POST', '/api/v1/conversations', {
      customer: { email: `cliente-${++n}@example.org` },
      channel: 'email',
      priority,
      message: { text, language: 'es' },
    });
  const get = async (s: Setup, id: string) => ok(s.ws.token, 'GET', `/api/v1/conversations/${id}`);

  beforeAll(async () => {
    if (engine.available) {
      h = await startHarness(engine);
      h.clock.set('2026-03-03T10:00:00Z');
    }
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)('agents start offline: a conversation queues in its team, and says why', async () => {
    const s = await setup();
    expect((await ok(s.ws.token, 'GET', `/api/v1/agents/${s.ana.id}`)).status).toBe('offline');
    const c = await create(s, 'Hola, tengo una pregunta sobre mi factura.');
    expect(c).toMatchObject({ teamId: s.teamId, assigneeId: null });
    const [decision] = (await ok(s.ws.token, 'GET', `/api/v1/conversations/${c.id}/routing`)).data;
    expect(decision.steps.map((x: { code: string }) => x.code)).toContain('no_agent_with_capacity');
  });

  it.skipIf(!engine.available)('coming online takes the waiting conversations, urgent first, up to capacity', async () => {
    const s = await setup();
    await ok(s.lead, 'PATCH', `/api/v1/agents/${s.ana.id}`, { capacity: 2 });
    const older = await create(s, 'Primera pregunta.');
    const newer = await create(s, 'Segunda pregunta.');
    const urgent = await create(s, 'No puedo entrar.', 'urgent');

    h.clock.set('2026-03-03T10:05:00Z');
    const ana = await ok(s.ana, 'PATCH', `/api/v1/agents/${s.ana.id}`, { status: 'online' });
    expect(ana).toMatchObject({ status: 'online', capacity: 2 });
    expect((await get(s, urgent.id)).assigneeId).toBe(s.ana.id);
    expect((await get(s, older.id)).assigneeId).toBe(s.ana.id);
    expect((await get(s, newer.id)).assigneeId).toBeNull(); // Ana is full

    const [decision, first] = (await ok(s.ws.token, 'GET', `/api/v1/conversations/${older.id}/routing`)).data;
    expect(first.trigger).toBe('created');
    expect(decision).toMatchObject({ trigger: 'queue', agentId: s.ana.id, decidedAt: '2026-03-03T10:05:00.000Z' });
    // The one still waiting gained no second decision.
    expect((await ok(s.ws.token, 'GET', `/api/v1/conversations/${newer.id}/routing`)).data).toHaveLength(1);

    // Solving one frees a slot: the waiting conversation follows at once.
    await ok(s.ana, 'PATCH', `/api/v1/conversations/${urgent.id}`, { status: 'solved' });
    expect((await get(s, newer.id)).assigneeId).toBe(s.ana.id);
  });

  it.skipIf(!engine.available)('away and offline agents are passed over; a second agent online shares the queue', async () => {
    const s = await setup();
    await ok(s.ana, 'PATCH', `/api/v1/agents/${s.ana.id}`, { status: 'online' });
    await ok(s.bea, 'PATCH', `/api/v1/agents/${s.bea.id}`, { status: 'away' });
    const assignees = [];
    for (let i = 0; i < 4; i++) assignees.push((await create(s, `Pregunta ${i}.`)).assigneeId);
    expect(assignees).toEqual([s.ana.id, s.ana.id, s.ana.id, s.ana.id]);

    await ok(s.ana, 'PATCH', `/api/v1/agents/${s.ana.id}`, { status: 'offline' });
    const queued = await create(s, 'Otra pregunta.');
    expect(queued.assigneeId).toBeNull();
    await ok(s.bea, 'PATCH', `/api/v1/agents/${s.bea.id}`, { status: 'online' });
    expect((await get(s, queued.id)).assigneeId).toBe(s.bea.id);
    const events = await h.db.query<{ type: string; payload: { changed: string[]; status: string } }>(
      `SELECT type, payload FROM events WHERE workspace_id = $1 AND subject_id = $2 ORDER BY id`,
      [s.ws.id, s.bea.id],
    );
    expect(events.rows.map((e) => [e.type, e.payload.status])).toEqual([
      ['agent.created', undefined],
      ['agent.updated', 'away'],
      ['agent.updated', 'online'],
    ]);
  });

  it.skipIf(!engine.available)('who may change what: self-service presence, leads for skills, admins for roles', async () => {
    const s = await setup();
    const res = (who: string | { cookie: string }, id: string, body: unknown) =>
      typeof who === 'string'
        ? call(h, who, 'PATCH', `/api/v1/agents/${id}`, body)
        : call(h, null, 'PATCH', `/api/v1/agents/${id}`, body, { cookie: who.cookie });

    expect((await res(s.ana, s.bea.id, { status: 'online' })).json()).toMatchObject({ error: { code: 'forbidden' } });
    expect((await res(s.ana, s.ana.id, { capacity: 50 })).statusCode).toBe(403);
    expect((await res(s.ana, s.ana.id, { role: 'admin' })).statusCode).toBe(403);
    expect((await res(s.lead, s.ana.id, { role: 'lead' })).statusCode).toBe(403);
    expect(await ok(s.ana, 'PATCH', `/api/v1/agents/${s.ana.id}`, { name: 'Ana García', timeZone: 'Europe/Madrid' })).toMatchObject({
      name: 'Ana García',
      timeZone: 'Europe/Madrid',
      uiLocale: null,
    });
    // The console language is the agent's own choice, kept on the server so it follows them; null gives it back to the browser.
    expect(await ok(s.ana, 'PATCH', `/api/v1/agents/${s.ana.id}`, { uiLocale: 'es' })).toMatchObject({ uiLocale: 'es' });
    expect((await ok(s.ana, 'GET', '/api/v1/auth/me')).agent).toMatchObject({ id: s.ana.id, uiLocale: 'es' });
    expect((await res(s.ana, s.ana.id, { uiLocale: 'not a tag!' })).statusCode).toBe(400);
    expect((await res(s.ana, s.bea.id, { uiLocale: 'de' })).statusCode).toBe(403);
    expect(await ok(s.ana, 'PATCH', `/api/v1/agents/${s.ana.id}`, { uiLocale: null })).toMatchObject({ uiLocale: null });
    const languages = [
      { tag: 'es', proficiency: 'native' },
      { tag: 'pt', proficiency: 'working' },
    ];
    expect(await ok(s.lead, 'PATCH', `/api/v1/agents/${s.ana.id}`, { languages, capacity: 4 })).toMatchObject({ languages, capacity: 4 });
    expect(await ok(s.ws.token, 'PATCH', `/api/v1/agents/${s.ana.id}`, { role: 'lead' })).toMatchObject({ role: 'lead' });

    const bad = await res(s.ana, s.ana.id, { timeZone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
    expect((await res(s.ana, s.ana.id, {})).statusCode).toBe(400);
    expect((await res(s.ana, s.ana.id, { status: 'busy' })).statusCode).toBe(400);

    // Another workspace's agent is missing, not forbidden.
    const other = await setup();
    expect((await res(s.lead, other.ana.id, { status: 'online' })).statusCode).toBe(404);
    expect((await ok(other.ws.token, 'GET', `/api/v1/agents/${other.ana.id}`)).status).toBe('offline');
  });

  it.skipIf(!engine.available)('the last admin cannot step down', async () => {
    const ws = await makeWorkspace(h);
    const cookies = await agentSessions(h, ws, { [`root-${++n}`]: [] });
    const agents = (await ok(ws.token, 'GET', '/api/v1/agents')).data as { id: string }[];
    const id = agents[0]!.id;
    await ok(ws.token, 'PATCH', `/api/v1/agents/${id}`, { role: 'admin' });
    const down = await call(h, null, 'PATCH', `/api/v1/agents/${id}`, { role: 'agent' }, { cookie: Object.values(cookies)[0]! });
    expect(down.statusCode).toBe(409);
    expect((await ok(ws.token, 'GET', `/api/v1/agents/${id}`)).role).toBe('admin');
  });
});
