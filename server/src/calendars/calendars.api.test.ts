import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, rowCounts, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';

/** Mon–Fri 09:00–17:00 in Berlin with Bavarian public holidays. */
const BAVARIA = {
  timeZone: 'Europe/Berlin',
  weekly: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }],
  holidays: { country: 'DE', subdivision: 'BY' },
};

describe.each(ENGINES)('business calendars API on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let lead: string;
  let agent: string;
  let bavaria: { id: string; updatedAt: string };
  let foreign: string;

  const paths = (res: Awaited<ReturnType<typeof call>>) => res.json().error.details.map((d: { path: string }) => d.path);
  const add = (id: string, from: string, minutes: number, token = agent) =>
    call(h, token, 'POST', `/api/v1/calendars/${id}/add`, { from, minutes });

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h);
    other = await makeWorkspace(h);
    lead = await ws.tokenFor('lead');
    agent = await ws.tokenFor('agent');
    const theirs = await call(h, other.token, 'POST', '/api/v1/calendars', { name: 'Bavaria', definition: BAVARIA });
    expect(theirs.statusCode, theirs.body).toBe(201);
    foreign = theirs.json().id;
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)('a lead creates a calendar; it is listed, read and paged; an agent may not create one', async () => {
    const res = await call(h, lead, 'POST', '/api/v1/calendars', { name: 'Bavaria', definition: BAVARIA });
    expect(res.statusCode, res.body).toBe(201);
    bavaria = res.json();
    expect(res.json()).toMatchObject({ name: 'Bavaria', definition: BAVARIA, createdAt: '2026-03-02T09:00:00.000Z' });

    const second = await call(h, lead, 'POST', '/api/v1/calendars', {
      name: 'Night desk',
      definition: { timeZone: 'America/Sao_Paulo', weekly: [{ days: [1, 2, 3, 4, 5], start: '22:00', end: '06:00' }] },
    });
    expect(second.statusCode, second.body).toBe(201);

    const page1 = await call(h, agent, 'GET', '/api/v1/calendars?limit=1');
    expect(page1.json().data.map((c: { name: string }) => c.name)).toEqual(['Bavaria']);
    const page2 = await call(h, agent, 'GET', `/api/v1/calendars?limit=1&cursor=${page1.json().nextCursor}`);
    expect(page2.json()).toMatchObject({ data: [{ name: 'Night desk' }], nextCursor: null });
    // Another workspace's calendar of the same name is no conflict and never listed here.
    const all = await call(h, agent, 'GET', '/api/v1/calendars?limit=100');
    expect(all.json().data.map((c: { id: string }) => c.id)).not.toContain(foreign);

    // T0 is Monday 10:00 in Berlin: open now.
    const got = await call(h, agent, 'GET', `/api/v1/calendars/${bavaria.id}`);
    expect(got.json()).toMatchObject({ id: bavaria.id, definition: BAVARIA, state: { at: '2026-03-02T09:00:00.000Z', open: true } });
    // Saturday: closed until Monday 09:00 CET.
    const sat = await call(h, agent, 'GET', `/api/v1/calendars/${bavaria.id}?at=2026-03-07T12:00:00Z`);
    expect(sat.json().state).toEqual({ at: '2026-03-07T12:00:00.000Z', open: false, nextOpen: '2026-03-09T08:00:00.000Z' });

    const denied = await call(h, agent, 'POST', '/api/v1/calendars', { name: 'Mine', definition: BAVARIA });
    expect(denied.statusCode).toBe(403);
    const taken = await call(h, lead, 'POST', '/api/v1/calendars', { name: 'Bavaria', definition: BAVARIA });
    expect(taken.statusCode).toBe(409);
    expect(paths(taken)).toEqual(['body/name']);
  });

  it.skipIf(!engine.available)('an Idempotency-Key replays the created calendar', async () => {
    const body = { name: 'Replayed', definition: { timeZone: 'UTC', weekly: [] } };
    const first = await call(h, lead, 'POST', '/api/v1/calendars', body, { 'idempotency-key': 'cal-1' });
    const again = await call(h, lead, 'POST', '/api/v1/calendars', body, { 'idempotency-key': 'cal-1' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
  });

  it.skipIf(!engine.available)('refuses impossible definitions with a path per problem, and writes nothing', async () => {
    const before = await rowCounts(h.db, ws.id);
    const cases: [unknown, string[]][] = [
      [{ ...BAVARIA, timeZone: 'Europe/Atlantis' }, ['body/definition/timeZone']],
      [
        {
          ...BAVARIA,
          weekly: [
            { days: [1], start: '09:00', end: '17:00' },
            { days: [1, 2], start: '16:00', end: '18:00' },
          ],
        },
        ['body/definition/weekly/1'],
      ],
      [{ ...BAVARIA, holidays: { country: 'DE', subdivision: 'XX' } }, ['body/definition/holidays/subdivision']],
      [
        {
          ...BAVARIA,
          closures: [{ from: '2026-05-10', to: '2026-05-01', reason: 'backwards' }],
          extraDays: [{ date: '2026-02-30', hours: [{ start: '09:00', end: '12:00' }] }],
        },
        ['body/definition/extraDays/0/date', 'body/definition/closures/0/to'],
      ],
      // Shapes are the schema's: refused before the command runs.
      [{ ...BAVARIA, weekly: [{ days: [1], start: '25:00', end: '17:00' }] }, ['body/definition/weekly/0/start']],
      [{ ...BAVARIA, weekly: [{ days: [8], start: '09:00', end: '17:00' }] }, ['body/definition/weekly/0/days/0']],
    ];
    for (const [definition, expected] of cases) {
      const res = await call(h, lead, 'POST', '/api/v1/calendars', { name: 'Broken', definition });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(paths(res)).toEqual(expect.arrayContaining(expected));
      const patch = await call(h, lead, 'PATCH', `/api/v1/calendars/${bavaria.id}`, { definition });
      expect(patch.statusCode, patch.body).toBe(400);
      expect(paths(patch)).toEqual(expect.arrayContaining(expected));
    }
    expect(await rowCounts(h.db, ws.id)).toEqual(before);
  });

  it.skipIf(!engine.available)('adds business time: Friday rolls over to Monday, a Bavarian holiday is skipped', async () => {
    // Friday 16:00 CET + 2 h: one hour on Friday, the other from Monday 09:00.
    const friday = await add(bavaria.id, '2026-03-06T15:00:00Z', 120);
    expect(friday.json()).toEqual({ due: '2026-03-09T09:00:00.000Z' });
    // Monday 5 January 16:00 + 2 h: Epiphany (6 January) is a holiday in Bavaria.
    expect((await add(bavaria.id, '2026-01-05T15:00:00Z', 120)).json()).toEqual({ due: '2026-01-07T09:00:00.000Z' });
    // Minutes are business minutes to the millisecond; 0 is `from` itself, open or not.
    expect((await add(bavaria.id, '2026-03-07T12:00:00+01:00', 0)).json()).toEqual({ due: '2026-03-07T11:00:00.000Z' });
    expect((await add(bavaria.id, '2026-03-02T09:00:00Z', 0.5)).json()).toEqual({ due: '2026-03-02T09:00:30.000Z' });
  });

  it.skipIf(!engine.available)('a changed definition is used at once, even when saved in the same millisecond', async () => {
    // Berlin has no Epiphany holiday: the same sum now ends on Tuesday. The clock has not moved.
    const res = await call(h, lead, 'PATCH', `/api/v1/calendars/${bavaria.id}`, {
      name: 'Berlin',
      definition: { ...BAVARIA, holidays: { country: 'DE', subdivision: 'BE' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Berlin', definition: { holidays: { subdivision: 'BE' } } });
    expect(Date.parse(res.json().updatedAt)).toBeGreaterThan(Date.parse(bavaria.updatedAt));
    expect((await add(bavaria.id, '2026-01-05T15:00:00Z', 120)).json()).toEqual({ due: '2026-01-06T09:00:00.000Z' });
    // A rename alone keeps the definition.
    const renamed = await call(h, lead, 'PATCH', `/api/v1/calendars/${bavaria.id}`, { name: 'Berlin office' });
    expect(renamed.json()).toMatchObject({ name: 'Berlin office', definition: { holidays: { subdivision: 'BE' } } });
    const audit = await h.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE workspace_id = $1 AND target_id = $2 ORDER BY id`,
      [ws.id, bavaria.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['calendar.create', 'calendar.update', 'calendar.update']);
  });

  it.skipIf(!engine.available)('due is null beyond the search horizon; instants outside the supported years are 400', async () => {
    const never = await call(h, lead, 'POST', '/api/v1/calendars', { name: 'Never open', definition: { timeZone: 'UTC', weekly: [] } });
    expect((await add(never.json().id, '2026-03-02T09:00:00Z', 60)).json()).toEqual({ due: null });
    const old = await add(bavaria.id, '1800-01-01T00:00:00Z', 60);
    expect(old.statusCode).toBe(400);
    expect(paths(old)).toEqual(['body/from']);
    // Far from today is answered too (by a calendar compiled for that request only).
    expect((await add(bavaria.id, '2100-01-01T00:00:00Z', 60)).json()).toEqual({ due: '2100-01-04T09:00:00.000Z' });
    const tooMuch = await add(bavaria.id, '2026-03-02T09:00:00Z', 1e9);
    expect(paths(tooMuch)).toEqual(['body/minutes']);
  });

  it.skipIf(!engine.available)('lists openings in a range of at most 92 days', async () => {
    const url = (q: string) => `/api/v1/calendars/${bavaria.id}/openings${q}`;
    const weekend = await call(h, agent, 'GET', url('?from=2026-03-06T00:00:00Z&to=2026-03-10T00:00:00Z'));
    expect(weekend.json()).toEqual({
      openings: [
        { start: '2026-03-06T08:00:00.000Z', end: '2026-03-06T16:00:00.000Z' },
        { start: '2026-03-09T08:00:00.000Z', end: '2026-03-09T16:00:00.000Z' },
      ],
    });
    // Default: from now (Monday 10:00 CET, open) for 7 days, clipped to the range.
    const week = (await call(h, agent, 'GET', url(''))).json().openings;
    expect(week).toHaveLength(6);
    expect(week[0]).toEqual({ start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T16:00:00.000Z' });
    expect(week[5]).toEqual({ start: '2026-03-09T08:00:00.000Z', end: '2026-03-09T09:00:00.000Z' });
    // An overnight shift is one opening across midnight.
    const night = (await call(h, agent, 'GET', '/api/v1/calendars?limit=100'))
      .json()
      .data.find((c: { name: string }) => c.name === 'Night desk');
    const nights = await call(h, agent, 'GET', `/api/v1/calendars/${night.id}/openings?from=2026-03-02T00:00:00Z&to=2026-03-03T12:00:00Z`);
    expect(nights.json().openings).toEqual([{ start: '2026-03-03T01:00:00.000Z', end: '2026-03-03T09:00:00.000Z' }]);

    // 92 days is the most one request may span.
    const quarter = await call(h, agent, 'GET', url('?from=2026-01-01T00:00:00Z&to=2026-04-03T00:00:00Z'));
    expect(quarter.statusCode).toBe(200);
    expect(quarter.json().openings.at(-1)).toEqual({ start: '2026-04-02T07:00:00.000Z', end: '2026-04-02T15:00:00.000Z' });
    for (const [q, path] of [
      ['?from=2026-01-01T00:00:00Z&to=2026-04-04T00:00:00Z', 'querystring/to'],
      ['?from=2026-03-10T00:00:00Z&to=2026-03-09T00:00:00Z', 'querystring/to'],
      ['?from=yesterday', 'querystring/from'],
      ['?from=1700-01-01T00:00:00Z', 'querystring/from'],
      ['?at=2026-03-02T00:00:00Z', 'querystring/at'],
    ] as const) {
      const res = await call(h, agent, 'GET', url(q));
      expect(res.statusCode, `${q}: ${res.body}`).toBe(400);
      expect(paths(res), q).toEqual([path]);
    }
  });

  it.skipIf(!engine.available)('teams point at a calendar of their own workspace', async () => {
    const team = await call(h, lead, 'POST', '/api/v1/teams', { name: 'Munich', timeZone: 'Europe/Berlin', calendarId: bavaria.id });
    expect(team.statusCode, team.body).toBe(201);
    expect(team.json().calendarId).toBe(bavaria.id);
    const plain = await call(h, lead, 'POST', '/api/v1/teams', { name: 'Nowhere', timeZone: 'UTC' });
    expect(plain.json().calendarId).toBeNull();

    const member = await call(h, ws.token, 'POST', '/api/v1/agents', { email: 'anna@example.com', name: 'Anna' });
    const patched = await call(h, lead, 'PATCH', `/api/v1/teams/${plain.json().id}`, {
      name: 'Somewhere',
      timeZone: 'Asia/Tokyo',
      languages: ['ja'],
      memberIds: [member.json().id],
      calendarId: bavaria.id,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      name: 'Somewhere',
      timeZone: 'Asia/Tokyo',
      languages: ['ja'],
      memberIds: [member.json().id],
      calendarId: bavaria.id,
    });
    const cleared = await call(h, lead, 'PATCH', `/api/v1/teams/${plain.json().id}`, { calendarId: null, memberIds: [] });
    expect(cleared.json()).toMatchObject({ name: 'Somewhere', memberIds: [], calendarId: null });
    expect((await call(h, agent, 'GET', `/api/v1/teams/${team.json().id}`)).json().calendarId).toBe(bavaria.id);

    // Another workspace's calendar is no calendar at all here.
    const before = await rowCounts(h.db, ws.id);
    for (const res of [
      await call(h, lead, 'POST', '/api/v1/teams', { name: 'Thief', timeZone: 'UTC', calendarId: foreign }),
      await call(h, lead, 'PATCH', `/api/v1/teams/${team.json().id}`, { calendarId: foreign }),
      await call(h, lead, 'PATCH', `/api/v1/teams/${team.json().id}`, { calendarId: '00000000-0000-4000-8000-000000000000' }),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
      expect(paths(res)).toEqual(['body/calendarId']);
    }
    const taken = await call(h, lead, 'PATCH', `/api/v1/teams/${team.json().id}`, { name: 'Somewhere' });
    expect(taken.statusCode).toBe(409);
    expect((await call(h, agent, 'PATCH', `/api/v1/teams/${team.json().id}`, { name: 'X' })).statusCode).toBe(403);
    expect(await rowCounts(h.db, ws.id)).toEqual(before);
  });

  it.skipIf(!engine.available)("another workspace's calendar is 404 on every calendar route", async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/v1/calendars/${foreign}`],
      ['PATCH', `/api/v1/calendars/${foreign}`, { name: 'Mine now' }],
      ['POST', `/api/v1/calendars/${foreign}/add`, { from: '2026-03-02T09:00:00Z', minutes: 60 }],
      ['GET', `/api/v1/calendars/${foreign}/openings`],
    ];
    for (const [method, url, body] of routes) {
      const res = await call(h, ws.token, method as 'GET', url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect((await call(h, other.token, 'GET', `/api/v1/calendars/${foreign}`)).json().name).toBe('Bavaria');
  });
});
