import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { run } from './main.js';
import { startServer, type Running } from './server.js';
import { ENGINES, type TestDb } from './test/engines.js';

async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out, err };
}

describe.each(ENGINES)('meridian CLI and a restartable server on $engine', (engine) => {
  let tdb: TestDb | undefined;
  let dir: string;
  let dbArgs: string[];
  let server: Running | undefined;
  let token: string;

  const start = async () => {
    const flags = dbArgs[0] === '--data' ? { data: dbArgs[1] } : { databaseUrl: dbArgs[1] };
    server = await startServer({ ...loadConfig({ ...flags, port: '0', smtpPort: '0' }, {}), logLevel: 'silent' });
    return server.url;
  };
  const api = async (base: string, method: string, url: string, body?: unknown, auth = token) => {
    const res = await fetch(base + url, {
      method,
      headers: { authorization: `Bearer ${auth}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (res.status === 204 ? null : await res.json()) as any };
  };

  beforeAll(async () => {
    if (!engine.available) return;
    dir = mkdtempSync(path.join(os.tmpdir(), 'meridian-cli-'));
    if (engine.engine === 'postgres') {
      tdb = await engine.create();
      dbArgs = ['--database-url', tdb.url!];
    } else {
      dbArgs = ['--data', path.join(dir, 'data')];
    }
  });
  afterAll(async () => {
    await server?.stop();
    await tdb?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!engine.available)('creates a workspace, a token (stdout carries only the token) and an agent', async () => {
    const ws = await cli(['workspace', 'create', '--slug', 'acme', '--name', 'Acme GmbH', ...dbArgs]);
    expect(ws.code).toBe(0);
    const t = await cli(['token', 'create', '--workspace', 'acme', '--role', 'admin', '--name', 'integration', ...dbArgs]);
    expect(t.code).toBe(0);
    expect(t.out).toHaveLength(1);
    expect(t.out[0]).toMatch(/^mrd_[A-Za-z0-9_-]{40,}$/);
    token = t.out[0]!;
    const a = await cli([
      'agent',
      'create',
      '--workspace',
      'acme',
      '--email',
      'lena@acme.example',
      '--name',
      'Lena Hoffmann',
      '--role',
      'lead',
      '--password',
      'correct horse battery',
      '--time-zone',
      'Europe/Berlin',
      '--languages',
      'de:native,en:fluent',
      ...dbArgs,
    ]);
    expect(a.code).toBe(0);

    expect((await cli(['token', 'create', '--workspace', 'acme', '--name', 'x', ...dbArgs])).code).toBe(2);
    expect((await cli(['token', 'create', '--workspace', 'nope', '--role', 'agent', '--name', 'x', ...dbArgs])).code).toBe(2);
    expect((await cli(['workspace', 'create', '--slug', 'Bad Slug', '--name', 'x', ...dbArgs])).code).toBe(1);
    expect((await cli(['frobnicate', ...dbArgs])).code).toBe(2);
  });

  it.skipIf(!engine.available)('the token drives every resource through the API, and results survive a restart', async () => {
    let base = await start();
    const agents = await api(base, 'GET', '/api/v1/agents?language=de');
    expect(agents.status).toBe(200);
    expect(agents.body.data).toHaveLength(1);
    const lena = agents.body.data[0];
    expect(lena).toMatchObject({ name: 'Lena Hoffmann', role: 'lead', timeZone: 'Europe/Berlin' });

    const team = await api(base, 'POST', '/api/v1/teams', {
      name: 'Berlin',
      timeZone: 'Europe/Berlin',
      languages: ['de', 'en'],
      memberIds: [lena.id],
    });
    expect(team.status).toBe(201);
    const customer = await api(base, 'POST', '/api/v1/customers', {
      name: 'Jonas Weber',
      emails: ['jonas@example.de'],
      locale: 'de-DE',
      country: 'DE',
      timeZone: 'Europe/Berlin',
      formality: 'formal',
    });
    expect(customer.status).toBe(201);
    const conv = await api(base, 'POST', '/api/v1/conversations', {
      customer: { id: customer.body.id },
      channel: 'email',
      subject: 'Rechnung doppelt',
      teamId: team.body.id,
      message: { text: 'Guten Tag, ich wurde doppelt belastet.', language: 'de' },
    });
    expect(conv.status).toBe(201);
    const reply = await api(base, 'POST', `/api/v1/conversations/${conv.body.id}/messages`, {
      direction: 'outbound',
      text: 'Sehr geehrter Herr Weber, …',
      language: 'de',
    });
    expect(reply.status).toBe(201);
    expect(
      (await api(base, 'PATCH', `/api/v1/conversations/${conv.body.id}`, { assigneeId: lena.id, status: 'pending', tags: ['billing'] }))
        .status,
    ).toBe(200);
    expect((await api(base, 'PATCH', `/api/v1/customers/${customer.body.id}`, { tier: 'premium', phones: ['+4930123456'] })).status).toBe(
      200,
    );

    await server!.stop();
    server = undefined;
    base = await start();

    const list = await api(base, 'GET', `/api/v1/conversations?assigneeId=${lena.id}&status=pending&tag=billing&language=de`);
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([conv.body.id]);
    const msgs = await api(base, 'GET', `/api/v1/conversations/${conv.body.id}/messages`);
    // The automatic acknowledgement (author 'system') is background work that may or may not have run by now.
    const written = msgs.body.data.filter((m: { authorType: string }) => m.authorType !== 'system');
    expect(written.map((m: { direction: string }) => m.direction)).toEqual(['inbound', 'outbound']);
    const c2 = await api(base, 'GET', `/api/v1/customers?email=JONAS@example.de`);
    expect(c2.body.data[0]).toMatchObject({ tier: 'premium', phones: ['+4930123456'], formality: 'formal' });
    const t2 = await api(base, 'GET', `/api/v1/teams/${team.body.id}`);
    expect(t2.body.memberIds).toEqual([lena.id]);

    // The agent created by the CLI can log in with a cookie session.
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workspace: 'acme', email: 'lena@acme.example', password: 'correct horse battery' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await fetch(`${base}/api/v1/auth/me`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(((await me.json()) as any).agent.email).toBe('lena@acme.example');
    const wrong = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workspace: 'acme', email: 'lena@acme.example', password: 'wrong password' }),
    });
    expect(wrong.status).toBe(401);
    await server!.stop();
    server = undefined;
  });

  it.skipIf(!engine.available)('seeds the demo workspace once: teams in five regions, ~20 countries, many languages', async () => {
    const first = await cli(['demo', ...dbArgs]);
    expect(first.code).toBe(0);
    expect(first.err.join('\n')).toMatch(/Seeded/);
    const second = await cli(['demo', ...dbArgs]);
    expect(second.err.join('\n')).toMatch(/nothing to do/);
    const t = await cli(['token', 'create', '--workspace', 'demo', '--role', 'agent', '--name', 'viewer', ...dbArgs]);
    const base = await start();
    const teams = await api(base, 'GET', '/api/v1/teams', undefined, t.out[0]);
    expect(teams.body.data.map((x: { timeZone: string }) => x.timeZone).sort()).toEqual([
      'America/Los_Angeles',
      'America/Sao_Paulo',
      'Asia/Kolkata',
      'Asia/Tokyo',
      'Europe/Berlin',
    ]);
    // Each team works by its own business calendar: its zone, hours and regional public holidays.
    const calendars = await api(base, 'GET', '/api/v1/calendars', undefined, t.out[0]);
    const calendarOf = new Map(calendars.body.data.map((c: { id: string }) => [c.id, c]));
    const regions = teams.body.data.map((x: { calendarId: string; timeZone: string }) => {
      const cal = calendarOf.get(x.calendarId) as { definition: { timeZone: string; holidays: { country: string; subdivision?: string } } };
      expect(cal.definition.timeZone).toBe(x.timeZone);
      return [cal.definition.holidays.country, cal.definition.holidays.subdivision].filter(Boolean).join('-');
    });
    expect(regions.sort()).toEqual(['BR-SP', 'DE-BE', 'IN-KA', 'JP', 'US-CA']);
    // Berlin's holidays are real: Thursday 18:00 before Easter + 1 h skips Good Friday and Easter Monday.
    const berlin = teams.body.data.find((x: { name: string }) => x.name === 'Berlin');
    const due = await api(
      base,
      'POST',
      `/api/v1/calendars/${berlin.calendarId}/add`,
      { from: '2026-04-02T16:00:00Z', minutes: 60 },
      t.out[0],
    );
    expect(due.body).toEqual({ due: '2026-04-07T07:00:00.000Z' });
    const customers = await api(base, 'GET', '/api/v1/customers?limit=100', undefined, t.out[0]);
    expect(new Set(customers.body.data.map((c: { country: string }) => c.country)).size).toBeGreaterThanOrEqual(18);
    const convs = await api(base, 'GET', '/api/v1/conversations?limit=100', undefined, t.out[0]);
    expect(convs.body.data.length).toBeGreaterThanOrEqual(25);
    expect(new Set(convs.body.data.map((c: { language: string }) => c.language)).size).toBeGreaterThanOrEqual(10);
    await server!.stop();
    server = undefined;
  });
});
