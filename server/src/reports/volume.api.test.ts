import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';
import { slaFixture, type SlaFixture } from '../test/sla-fixture.js';

describe.each(ENGINES)('GET /api/v1/reports/volume on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let teamId: string;
  let berlinId: string;
  let f: SlaFixture;
  // Every write then the outbox through the SLA handler, which starts and stops the clocks.
  const post = async (url: string, body: unknown) => {
    const created = await f.post(url, body);
    await f.drain();
    return created;
  };
  const report = async (query: string) => {
    const res = await call(h, ws.token, 'GET', `/api/v1/reports/volume?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h);
    f = await slaFixture(h, ws);
    berlinId = f.teamId;
    await post('/api/v1/sla/policies', { name: 'Standard', default: true, targets: { firstReply: { minutes: 30, time: 'calendar' } } });
    teamId = (await post('/api/v1/teams', { name: 'Lisboa', timeZone: 'Europe/Lisbon' })).id;
    // Three Portuguese chats (replies after 10 and 50 minutes, one unanswered), one German e-mail answered in 20.
    const cases = [
      ['2026-02-10T09:00:00Z', 'pt', 'chat', 'BR', 10],
      ['2026-02-11T09:00:00Z', 'pt', 'chat', 'PT', 50],
      ['2026-02-12T09:00:00Z', 'pt', 'chat', 'BR', null],
      ['2026-02-12T10:00:00Z', 'de', 'email', 'DE', 20],
    ] as const;
    for (const [i, [at, language, channel, country, replyAfter]] of cases.entries()) {
      h.clock.set(at);
      const customer = await post('/api/v1/customers', { emails: [`c${i}@example.org`], country });
      const c = await post('/api/v1/conversations', {
        customer: { id: customer.id },
        channel,
        teamId: language === 'pt' ? teamId : berlinId,
        message: { text: language === 'pt' ? 'Onde está meu pedido?' : 'Wo ist meine Bestellung?', language },
      });
      if (replyAfter !== null) {
        h.clock.set(new Date(Date.parse(at) + replyAfter * 60_000).toISOString());
        await post(`/api/v1/conversations/${c.id}/messages`, { direction: 'outbound', text: 'Obrigado!' });
      }
    }
    // Outside the range asked for below.
    h.clock.set('2026-02-20T09:00:00Z');
    await post('/api/v1/conversations', {
      customer: { email: 'late@example.org' },
      channel: 'chat',
      message: { text: 'Olá', language: 'pt' },
    });
    h.clock.set('2026-03-04T12:00:00Z');
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)('counts conversations, replies, first-reply medians and SLA targets met per language', async () => {
    const r = await report('by=language&from=2026-02-10&to=2026-02-12');
    expect(r).toMatchObject({ by: 'language', from: '2026-02-10', to: '2026-02-12' });
    expect(r.groups).toEqual([
      { key: 'pt', label: 'pt', conversations: 3, replied: 2, firstReplyMedianSeconds: 1800, sla: { targets: 2, met: 1, share: 0.5 } },
      { key: 'de', label: 'de', conversations: 1, replied: 1, firstReplyMedianSeconds: 1200, sla: { targets: 1, met: 1, share: 1 } },
    ]);
    expect(r.sla).toEqual({ targets: 3, met: 2, share: 0.67 });
  });

  it.skipIf(!engine.available)(
    'groups by channel, team (named) and country; the default range is the 30 days up to yesterday',
    async () => {
      const range = 'from=2026-02-10&to=2026-02-12';
      expect(
        (await report(`by=channel&${range}`)).groups.map((g: { key: string; conversations: number }) => [g.key, g.conversations]),
      ).toEqual([
        ['chat', 3],
        ['email', 1],
      ]);
      const teams = (await report(`by=team&${range}`)).groups;
      expect(teams.map((g: { key: string; label: string }) => [g.key, g.label])).toEqual([
        [teamId, 'Lisboa'],
        [berlinId, 'Berlin'],
      ]);
      expect((await report(`by=country&${range}`)).groups.map((g: { key: string }) => g.key)).toEqual(['BR', 'DE', 'PT']);
      const all = await report('by=language');
      expect(all).toMatchObject({ from: '2026-02-02', to: '2026-03-03' });
      expect(all.groups[0]).toMatchObject({ key: 'pt', conversations: 4 });
    },
  );

  it.skipIf(!engine.available)('is for leads, sees only its own workspace and refuses bad ranges', async () => {
    expect((await call(h, await ws.tokenFor('agent'), 'GET', '/api/v1/reports/volume?by=team')).statusCode).toBe(403);
    const other = await makeWorkspace(h);
    const r = (await call(h, other.token, 'GET', '/api/v1/reports/volume?by=language&from=2026-02-01&to=2026-02-28')).json();
    expect(r).toEqual({ by: 'language', from: '2026-02-01', to: '2026-02-28', groups: [], sla: { targets: 0, met: 0, share: null } });
    for (const q of [
      'by=region',
      'by=team&from=2026-02-12&to=2026-02-10',
      'by=team&from=2025-01-01&to=2026-02-10',
      'by=team&from=2026-02-30',
    ]) {
      const res = await call(h, ws.token, 'GET', `/api/v1/reports/volume?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });
});
