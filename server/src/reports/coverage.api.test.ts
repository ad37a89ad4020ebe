import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';

describe.each(ENGINES)('GET /api/v1/reports/coverage on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  const post = async (url: string, body: unknown) => {
    const res = await call(h, ws.token, 'POST', url, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h);
    const calendar = await post('/api/v1/calendars', {
      name: 'Berlin office',
      definition: { timeZone: 'Europe/Berlin', weekly: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' }] },
    });
    const agent = await post('/api/v1/agents', {
      email: 'de@example.com',
      name: 'Greta',
      languages: [{ tag: 'de', proficiency: 'native' }],
    });
    await post('/api/v1/teams', { name: 'Berlin', timeZone: 'Europe/Berlin', calendarId: calendar.id, memberIds: [agent.id] });
    // Last week: German in Berlin's morning (covered) and at night (a gap); Portuguese that no one reads.
    for (const [at, text, language] of [
      ['2026-02-23T08:10:00Z', 'Wo ist meine Bestellung?', 'de'],
      ['2026-02-23T08:40:00Z', 'Die Rechnung fehlt.', 'de'],
      ['2026-02-24T22:15:00Z', 'Mein Passwort geht nicht.', 'de'],
      ['2026-02-25T13:05:00Z', 'Onde está meu pedido?', 'pt'],
    ] as const) {
      h.clock.set(at);
      await post('/api/v1/conversations', {
        customer: { email: `${language}-${at.slice(0, 13).replace(/\D/g, '')}@example.org` },
        channel: 'email',
        message: { text, language },
      });
    }
    // An outbound-only conversation is not demand.
    await post('/api/v1/conversations', {
      customer: { email: 'proactive@example.org' },
      channel: 'email',
      language: 'de',
      message: { direction: 'outbound', text: 'Ihre Lieferung kommt morgen.' },
    });
    h.clock.set('2026-03-04T12:00:00Z');
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)('shows demand by language and UTC hour of the week against agents on shift, and the gaps', async () => {
    const res = await call(h, ws.token, 'GET', '/api/v1/reports/coverage?weeks=1');
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ from: '2026-02-23T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z', weeks: 1, proficiency: 'fluent' });
    const de = r.languages.find((l: { language: string }) => l.language === 'de');
    expect(de.demand).toBe(3);
    expect(de.hours[8]).toEqual({ hour: 8, demand: 2, agents: 1 });
    expect(de.coveredShare).toBe(0.67);
    expect(r.gaps).toEqual([
      { language: 'de', startHour: 46, endHour: 46, label: 'Tue 22:00–Tue 23:00 UTC', demand: 1 },
      { language: 'pt', startHour: 61, endHour: 61, label: 'Wed 13:00–Wed 14:00 UTC', demand: 1 },
    ]);
  });

  it.skipIf(!engine.available)('is for leads, and sees only its own workspace', async () => {
    expect((await call(h, await ws.tokenFor('agent'), 'GET', '/api/v1/reports/coverage')).statusCode).toBe(403);
    const other = await makeWorkspace(h);
    const r = (await call(h, other.token, 'GET', '/api/v1/reports/coverage')).json();
    expect(r).toMatchObject({ languages: [], gaps: [] });
    expect((await call(h, ws.token, 'GET', '/api/v1/reports/coverage?weeks=13')).statusCode).toBe(400);
  });
});
