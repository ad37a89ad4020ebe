import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../auth/create-token.js';
import { seedDemo } from '../demo/seed-demo.js';
import { DEMO_MAIL_ADDRESS, demoAgents, demoTeams } from '../demo/demo-data.js';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';
import { demoCalendar, demoChain, demoRoutingRules } from './demo-setup.js';

/**
 * Routing through the API, on the demo's five teams rebuilt through the API in a fresh workspace
 * (agents online, so assignment shows). Times are in March 2026, Berlin on CET and the US on PDT:
 * Tokyo is open 00:00–03:00 and 04:00–09:00 UTC, Bangalore 03:30–12:30, Berlin 07:00–17:00,
 * São Paulo 12:00–21:00, San Francisco 15:00–24:00. Agent ids are UUIDv7, so round robin takes
 * them in the order they were created (the order of demo-data.ts).
 */

type Ids = Record<string, string>;
interface Demo {
  ws: TestWorkspace;
  lead: string;
  team: Ids;
  agent: Ids;
}

const codes = (d: { steps: { code: string }[] }) => d.steps.map((s) => s.code).join(' ');

describe.each(ENGINES)('routing API on $engine', (engine) => {
  let h: Harness;
  let n = 0;

  async function ok(token: string, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, status = method === 'POST' ? 201 : 200) {
    const res = await call(h, token, method, url, body);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json();
  }

  /** The demo's agents, calendars and teams in a new workspace, with its rules, chain and `teams` settings. */
  async function demo(teams: (team: Ids) => unknown[] = () => []): Promise<Demo> {
    const ws = await makeWorkspace(h);
    const agent: Ids = {};
    for (const a of demoAgents) {
      const { key, name, role, timeZone, languages, capacity } = a;
      const body = { email: `${key}-${++n}@example.com`, name, role, timeZone, languages, capacity, status: 'online' };
      agent[key] = (await ok(ws.token, 'POST', '/api/v1/agents', body)).id;
    }
    const team: Ids = {};
    for (const t of demoTeams) {
      const calendar = await ok(ws.token, 'POST', '/api/v1/calendars', { name: t.name, definition: demoCalendar(t) });
      const memberIds = demoAgents.filter((a) => a.teamKeys.includes(t.key)).map((a) => agent[a.key]);
      const body = { name: t.name, timeZone: t.timeZone, languages: t.languages, memberIds, calendarId: calendar.id };
      team[t.key] = (await ok(ws.token, 'POST', '/api/v1/teams', body)).id;
    }
    const lead = await ws.tokenFor('lead');
    await ok(lead, 'PUT', '/api/v1/routing', settings(team, teams(team)));
    return { ws, lead, team, agent };
  }

  const settings = (team: Ids, teams: unknown[] = []) => ({
    rules: demoRoutingRules.map((r) => ({ name: r.name, when: r.when, teamId: team[r.teamId] })),
    chains: [{ name: demoChain.name, teamIds: demoChain.teamIds.map((k) => team[k]) }],
    teams,
  });

  const create = (d: Demo, body: Record<string, unknown>) =>
    ok(d.ws.token, 'POST', '/api/v1/conversations', {
      customer: { email: `customer-${++n}@example.org` },
      channel: 'email',
      ...body,
    });
  const decisions = async (d: Demo, id: string) => (await ok(d.ws.token, 'GET', `/api/v1/conversations/${id}/routing`)).data;

  beforeAll(async () => {
    if (engine.available) h = await startHarness(engine);
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)('settings round trip: every team listed, defaults shown, ids kept on the next PUT', async () => {
    const d = await demo((team) => [{ teamId: team['san-francisco'], fallbacks: [{ from: 'PT', to: 'es', bar: 'fluent' }] }]);
    const got = await ok(d.lead, 'GET', '/api/v1/routing');
    expect(got.rules).toHaveLength(demoRoutingRules.length);
    expect(got.rules[0]).toMatchObject({ name: 'German to Berlin', when: { languages: ['de'] }, teamId: d.team.berlin });
    expect(got.chains).toEqual([{ id: expect.any(String), name: 'Follow the sun', teamIds: demoChain.teamIds.map((k) => d.team[k]) }]);
    expect(got.teams).toHaveLength(5);
    expect(got.teams.find((t: { teamId: string }) => t.teamId === d.team['san-francisco'])).toEqual({
      teamId: d.team['san-francisco'],
      mode: 'round_robin',
      bar: 'fluent',
      // Tags are stored canonical.
      fallbacks: [{ from: 'pt', to: 'es', bar: 'fluent' }],
      customized: true,
    });
    expect(got.teams.find((t: { teamId: string }) => t.teamId === d.team.tokyo)).toMatchObject({ mode: 'round_robin', customized: false });

    // Kept ids survive a reorder; the chain keeps its id too.
    const reordered = { ...got, rules: [...got.rules].reverse(), teams: [{ teamId: d.team.tokyo, mode: 'least_loaded', bar: 'native' }] };
    const again = await ok(d.lead, 'PUT', '/api/v1/routing', reordered);
    expect(again.rules.map((r: { id: string }) => r.id)).toEqual(got.rules.map((r: { id: string }) => r.id).reverse());
    expect(again.chains[0].id).toBe(got.chains[0].id);
    expect(again.teams.filter((t: { customized: boolean }) => t.customized)).toEqual([
      { teamId: d.team.tokyo, mode: 'least_loaded', bar: 'native', fallbacks: [], customized: true },
    ]);
    expect(await ok(d.lead, 'GET', '/api/v1/routing')).toEqual(again);

    // Agents read the explanations, leads change the settings.
    expect((await call(h, await d.ws.tokenFor('agent'), 'GET', '/api/v1/routing')).statusCode).toBe(403);
  });

  it.skipIf(!engine.available)('validation: every problem with its path, foreign or unknown references 404, nothing saved', async () => {
    const d = await demo();
    const before = await ok(d.lead, 'GET', '/api/v1/routing');
    const { berlin, tokyo } = d.team as { berlin: string; tokyo: string };
    const bad = async (body: unknown, status: number, code: string, paths: string[]) => {
      const res = await call(h, d.lead, 'PUT', '/api/v1/routing', body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.details.map((x: { path: string }) => x.path)).toEqual(paths);
    };
    const rule = { name: 'R', when: {}, teamId: berlin };
    await bad(
      {
        rules: [
          { ...rule, name: '  ' },
          { ...rule, when: { languages: ['en-US-US'] } },
        ],
        chains: [
          { name: 'A', teamIds: [berlin, tokyo] },
          { name: 'B', teamIds: [d.team['sao-paulo'], tokyo] },
        ],
        teams: [
          { teamId: berlin, fallbacks: [{ from: 'pt-BR', to: 'pt-PT', bar: 'fluent' }] },
          { teamId: berlin, mode: 'least_loaded' },
        ],
      },
      400,
      'validation_failed',
      [
        'body/rules/0/name',
        'body/rules/1/when/languages/0',
        'body/chains/1/teamIds/1',
        'body/teams/0/fallbacks/0/to',
        'body/teams/1/teamId',
      ],
    );
    const other = await makeWorkspace(h);
    const foreign = (await ok(other.token, 'POST', '/api/v1/teams', { name: 'Elsewhere', timeZone: 'UTC' })).id;
    await bad(
      {
        rules: [
          { ...rule, teamId: foreign },
          { ...rule, id: '0190a6f2-7c4e-7000-8000-000000000000' },
        ],
        chains: [],
        teams: [{ teamId: foreign }],
      },
      404,
      'not_found',
      ['body/rules/0/teamId', 'body/rules/1/id', 'body/teams/0/teamId'],
    );
    await bad({ rules: [], chains: [{ name: 'Solo', teamIds: [berlin] }], teams: [] }, 400, 'validation_failed', ['body/chains/0/teamIds']);
    expect(await ok(d.lead, 'GET', '/api/v1/routing')).toEqual(before);
  });

  it.skipIf(!engine.available)('a created conversation is routed, and GET …/routing says why', async () => {
    const d = await demo();
    h.clock.set('2026-03-03T10:00:00Z'); // Tue 11:00 in Berlin
    const c = await create(d, { message: { text: 'Ich habe eine Frage zu meiner Rechnung.', language: 'de' } });
    // Berlin's German readers in creation order: the admin (fluent), Lena (native), Katarzyna (fluent).
    expect(c).toMatchObject({ teamId: d.team.berlin, assigneeId: d.agent.admin });
    const [decision, ...older] = await decisions(d, c.id);
    expect(older).toEqual([]);
    expect(decision).toMatchObject({
      conversationId: c.id,
      decidedAt: '2026-03-03T10:00:00.000Z',
      trigger: 'created',
      teamId: d.team.berlin,
      agentId: d.agent.admin,
      urgent: false,
      servedIn: 'de',
      handover: null,
    });
    expect(codes(decision)).toBe('rule_matched team_open agent_assigned');
    const rules = (await ok(d.lead, 'GET', '/api/v1/routing')).rules;
    expect(decision.steps[0]).toMatchObject({ ruleId: rules[0].id, text: 'Rule "German to Berlin" sends it to Berlin' });
    expect(decision.steps[2].text).toBe('Assigned to Demo Admin in Berlin (round robin, 0/5 open before this one)');

    // The next one goes to the next German reader; one with a team given is not routed at all.
    expect(await create(d, { message: { text: 'Noch eine Frage.', language: 'de' } })).toMatchObject({
      assigneeId: d.agent['lena-hoffmann'],
    });
    const given = await create(d, { teamId: d.team.tokyo, message: { text: 'Noch eine.', language: 'de' } });
    expect(given).toMatchObject({ teamId: d.team.tokyo, assigneeId: null });
    expect(await decisions(d, given.id)).toEqual([]);
    const events = await h.db.query<{ type: string }>(`SELECT type FROM events WHERE workspace_id = $1 AND subject_id = $2 ORDER BY id`, [
      d.ws.id,
      c.id,
    ]);
    expect(events.rows.map((r) => r.type)).toEqual(['conversation.created', 'conversation.routed']);
  });

  it.skipIf(!engine.available)(
    'follows the sun: closed owner → next open team in the chain, fallback included, and back on request',
    async () => {
      const d = await demo((team) => [{ teamId: team['san-francisco'], fallbacks: [{ from: 'pt', to: 'es', bar: 'fluent' }] }]);
      h.clock.set('2026-03-10T02:00:00Z'); // only Tokyo is open
      const customer = await ok(d.ws.token, 'POST', '/api/v1/customers', {
        name: 'Pat',
        emails: [`pat-${++n}@example.org`],
        country: 'US',
      });
      const en = await create(d, {
        customer: { id: customer.id },
        message: { text: 'Hello, I have a question about my invoice.', language: 'en' },
      });
      // The Americas rule names San Francisco; Tokyo's fluent English readers are Yuki and Minji (Kenji's is "working").
      expect(en).toMatchObject({ teamId: d.team.tokyo, assigneeId: d.agent['yuki-sato'] });
      const [handed] = await decisions(d, en.id);
      expect(handed.handover).toEqual({
        fromTeamId: d.team['san-francisco'],
        toTeamId: d.team.tokyo,
        reason: 'owning_team_closed',
        note: 'San Francisco is closed until Tue 10 Mar, 08:00 America/Los_Angeles; Tokyo is the next open team in "Follow the sun" serving English.',
      });
      expect(codes(handed)).toBe('rule_matched owning_team_closed handover agent_language_below_bar agent_assigned');
      expect(handed.steps[1]).toMatchObject({ teamId: d.team['san-francisco'], at: '2026-03-10T15:00:00.000Z' });

      h.clock.set('2026-03-10T22:00:00Z'); // São Paulo closed at 21:00 UTC; San Francisco open
      const pt = await create(d, { message: { text: 'Olá, tenho uma dúvida sobre a minha fatura.', language: 'pt-BR' } });
      // Daniel reads Spanish natively; Megan's working Spanish is below the fallback's bar.
      expect(pt).toMatchObject({ teamId: d.team['san-francisco'], assigneeId: d.agent['daniel-reyes'] });
      const [viaSpanish] = await decisions(d, pt.id);
      expect(viaSpanish).toMatchObject({ servedIn: 'es', handover: { fromTeamId: d.team['sao-paulo'], reason: 'owning_team_closed' } });
      expect(viaSpanish.steps.find((s: { code: string }) => s.code === 'language_fallback').text).toBe(
        'Portuguese served in Spanish (fluent or better), a fallback San Francisco allows',
      );

      h.clock.set('2026-03-11T13:00:00Z'); // São Paulo is open again: its own team takes it back
      const back = await ok(d.ws.token, 'POST', `/api/v1/conversations/${pt.id}/route`, undefined, 200);
      expect(back.conversation).toMatchObject({ teamId: d.team['sao-paulo'], assigneeId: d.agent['rafael-oliveira'] });
      expect((await decisions(d, pt.id)).map((x: { trigger: string; teamId: string }) => [x.trigger, x.teamId])).toEqual([
        ['requested', d.team['sao-paulo']],
        ['created', d.team['san-francisco']],
      ]);
      const events = await h.db.query<{ type: string; payload: { changed?: string[] } }>(
        `SELECT type, payload FROM events WHERE workspace_id = $1 AND subject_id = $2 ORDER BY id`,
        [d.ws.id, pt.id],
      );
      // The team changed: announced as an update too, so SLA clocks move to São Paulo's calendar.
      expect(events.rows.map((r) => r.type)).toEqual([
        'conversation.created',
        'conversation.routed',
        'conversation.routed',
        'conversation.updated',
      ]);
      expect(events.rows[3]!.payload.changed).toEqual(['teamId', 'assigneeId']);
    },
  );

  it.skipIf(!engine.available)('round robin stays fair across concurrent creates', async () => {
    const ws = await makeWorkspace(h);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const body = {
        email: `rr-${i}-${++n}@example.com`,
        name: `RR ${i}`,
        languages: [{ tag: 'en', proficiency: 'native' }],
        capacity: 100,
      };
      ids.push((await ok(ws.token, 'POST', '/api/v1/agents', { ...body, status: 'online' })).id);
    }
    // No calendar: always open.
    await ok(ws.token, 'POST', '/api/v1/teams', { name: 'Support', timeZone: 'UTC', languages: ['en'], memberIds: ids });
    const created = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(h, ws.token, 'POST', '/api/v1/conversations', {
          customer: { email: `rr-customer-${i}@example.org` },
          channel: 'chat',
          message: { text: `Hello ${i}`, language: 'en' },
        }),
      ),
    );
    const perAgent = new Map<string, number>();
    for (const res of created) {
      expect(res.statusCode, res.body).toBe(201);
      const a = res.json().assigneeId as string;
      perAgent.set(a, (perAgent.get(a) ?? 0) + 1);
    }
    expect([...perAgent.entries()].sort()).toEqual(ids.map((id) => [id, 10]).sort());
  });

  it.skipIf(!engine.available)('ids of another workspace are 404; a workspace without teams routes nothing', async () => {
    const d = await demo();
    const other = await makeWorkspace(h);
    const theirs = await ok(other.token, 'POST', '/api/v1/conversations', {
      customer: { email: 'no-team@example.org' },
      channel: 'chat',
      message: { text: 'Hello', language: 'en' },
    });
    expect(theirs).toMatchObject({ teamId: null, assigneeId: null });
    expect((await ok(other.token, 'GET', `/api/v1/conversations/${theirs.id}/routing`)).data).toEqual([]);
    const noTeams = await call(h, other.token, 'POST', `/api/v1/conversations/${theirs.id}/route`);
    expect([noTeams.statusCode, noTeams.json().error.code]).toEqual([409, 'conflict']);
    for (const [method, url] of [
      ['GET', `/api/v1/conversations/${theirs.id}/routing`],
      ['POST', `/api/v1/conversations/${theirs.id}/route`],
    ] as const) {
      const res = await call(h, d.ws.token, method, url);
      expect([res.statusCode, res.json().error.code]).toEqual([404, 'not_found']);
    }
    const solved = await create(d, { status: 'solved', message: { text: 'Imported history', language: 'en' } });
    expect(solved).toMatchObject({ teamId: null, assigneeId: null });
    expect((await call(h, d.ws.token, 'POST', `/api/v1/conversations/${solved.id}/route`)).statusCode).toBe(409);
  });

  it.skipIf(!engine.available)('the demo workspace is seeded with its routing: Portuguese at night goes to San Francisco', async () => {
    h.clock.set('2026-03-10T22:00:00Z');
    const { workspace } = await seedDemo(h.db, h.clock());
    // Its support mailbox receives mail for it.
    expect(await h.mailIngest.resolveRecipient(DEMO_MAIL_ADDRESS)).toEqual({ workspaceId: workspace.id });
    const token = (await h.db.transaction((tx) => createToken(tx, workspace.id, { name: 'demo lead', role: 'lead' }, h.clock()))).secret;
    const routing = await ok(token, 'GET', '/api/v1/routing');
    expect(routing.rules).toHaveLength(demoRoutingRules.length);
    expect(routing.chains).toHaveLength(1);
    expect(routing.chains[0].teamIds).toHaveLength(5);
    expect(routing.teams.every((t: { bar: string; customized: boolean }) => t.bar === 'fluent' && t.customized)).toBe(true);
    const c = await ok(token, 'POST', '/api/v1/conversations', {
      customer: { email: 'cliente@example.com.br' },
      channel: 'email',
      message: { text: 'Olá, preciso de ajuda com a minha conta.', language: 'pt' },
    });
    const [decision] = (await ok(token, 'GET', `/api/v1/conversations/${c.id}/routing`)).data;
    // Demo agents are seeded offline (nothing sets presence yet): the conversation waits in San Francisco's queue.
    expect(decision).toMatchObject({ teamId: c.teamId, agentId: null, servedIn: 'es', handover: { reason: 'owning_team_closed' } });
    expect(decision.handover.note).toMatch(
      /^São Paulo is closed until Wed 11 Mar, 09:00 America\/Sao_Paulo; San Francisco is the next open team/,
    );
    // San Francisco serves Portuguese only through a fallback, so the closed teams a declaring one might have been are listed.
    expect(codes(decision)).toBe(
      'rule_matched owning_team_closed team_skipped team_skipped team_skipped handover language_fallback agent_offline no_agent_with_capacity',
    );
  });
});
