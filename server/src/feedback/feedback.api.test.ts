import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../lib/ids.js';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';
import {
  AGENT_NAMES,
  CSAT_BY_AGENT,
  CSAT_BY_CHANNEL,
  CSAT_BY_COUNTRY,
  CSAT_BY_LANGUAGE,
  CSAT_BY_TAG,
  CSAT_BY_TEAM,
  CSAT_OVERALL,
  CSAT_WEEKS_TOKYO,
  CSAT_WEEKS_UTC,
  NPS_BY_LANGUAGE,
  NPS_BY_TEAM,
  NPS_OVERALL,
  SURVEYS,
  TEAM_NAMES,
  type AgentRef,
  type TeamRef,
} from './feedback.fixture.js';

/** Comments on a few answers, for the list and the CSV (c3's and c5's start like formulas). */
const COMMENTS: Record<string, { comment: string; sentiment?: number; translation?: string }> = {
  c1: { comment: 'Great help, thank you!', sentiment: 0.7 },
  c3: { comment: '=HYPERLINK("http://evil.example","click")', sentiment: -0.42 },
  c5: { comment: '@SUM(1+1) muy lento, "mal"', sentiment: -0.6, translation: '@SUM(1+1) very slow, "bad"' },
  c6: { comment: '+34 600 000 000\tllámenme' },
  c14: { comment: '-\rpéssimo', sentiment: -0.8 },
};

describe.each(ENGINES)('feedback analytics API on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  const teamIds = {} as Record<TeamRef, string>;
  const agentIds = {} as Record<AgentRef, string>;
  const responseIds: Record<string, string> = {};
  const conversationIds: Record<string, string> = {};

  const get = async (url: string, token = ws.token) => {
    const res = await call(h, token, 'GET', url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const summary = (q: string) => get(`/api/v1/feedback/summary?from=2026-02-01&to=2026-02-28&${q}`);

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h);
    for (const t of ['T1', 'T2'] as const) {
      teamIds[t] = (await call(h, ws.token, 'POST', '/api/v1/teams', { name: TEAM_NAMES[t], timeZone: 'UTC' })).json().id;
    }
    for (const a of ['A1', 'A2', 'A3'] as const) {
      const res = await call(h, ws.token, 'POST', '/api/v1/agents', { email: `${a}@example.com`, name: AGENT_NAMES[a], languages: [] });
      agentIds[a] = res.json().id;
    }
    // Conversations through the API (customers, foreign keys), then surveys and answers as the survey commands store them.
    for (const s of SURVEYS) {
      const customer = (
        await call(h, ws.token, 'POST', '/api/v1/customers', { emails: [`${s.n}@example.org`], country: s.country })
      ).json();
      const conv = await call(h, ws.token, 'POST', '/api/v1/conversations', {
        customer: { id: customer.id },
        channel: s.channel,
        message: { text: `Survey fixture ${s.n}`, language: s.language },
      });
      expect(conv.statusCode, conv.body).toBe(201);
      conversationIds[s.n] = conv.json().id;
      const surveyId = newId();
      await h.db.query(
        `INSERT INTO surveys (workspace_id, id, conversation_id, customer_id, kind, status, channel, team_id, agent_id, language, country, tags, decided_at, sent_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
        [
          ws.id,
          surveyId,
          conv.json().id,
          customer.id,
          s.kind,
          s.score === null ? 'sent' : 'answered',
          s.channel,
          teamIds[s.team],
          s.agent ? agentIds[s.agent] : null,
          s.language,
          s.country,
          s.tags,
          s.sentAt,
        ],
      );
      if (s.score === null) continue;
      const id = newId();
      responseIds[s.n] = id;
      const c = COMMENTS[s.n];
      // Answered a day after sending.
      const answeredAt = new Date(Date.parse(s.sentAt) + 86_400_000 + SURVEYS.indexOf(s) * 1000).toISOString();
      await h.db.query(
        `INSERT INTO survey_responses (workspace_id, id, survey_id, conversation_id, customer_id, kind, score, comment, comment_translation,
                                       comment_translation_language, sentiment, source, answered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'link', $12)`,
        [
          ws.id,
          id,
          surveyId,
          conv.json().id,
          customer.id,
          s.kind,
          s.score,
          c?.comment ?? null,
          c?.translation ?? null,
          c?.translation ? 'en' : null,
          c?.sentiment ?? null,
          answeredAt,
        ],
      );
    }
    h.clock.set('2026-03-04T12:00:00Z');
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)(
    'CSAT numbers match the hand-computed fixture per language, country, channel and tag (acceptance 3)',
    async () => {
      const r = await summary('kind=csat&by=language');
      expect(r).toMatchObject({ kind: 'csat', by: 'language', bucket: 'week', tz: 'UTC', from: '2026-02-01', to: '2026-02-28' });
      expect(r.overall).toMatchObject(CSAT_OVERALL);
      expect(r.groups).toMatchObject(CSAT_BY_LANGUAGE);
      expect(r.trend).toMatchObject(CSAT_WEEKS_UTC);
      expect((await summary('kind=csat&by=country')).groups).toMatchObject(CSAT_BY_COUNTRY);
      expect((await summary('kind=csat&by=channel')).groups).toMatchObject(CSAT_BY_CHANNEL);
      expect((await summary('kind=csat&by=tag')).groups).toMatchObject(CSAT_BY_TAG);
      expect((await summary('kind=csat&by=language&tz=Asia/Tokyo')).trend).toMatchObject(CSAT_WEEKS_TOKYO);
    },
  );

  it.skipIf(!engine.available)('per team and agent with their names; NPS per language and team', async () => {
    const teams = (await summary('kind=csat&by=team')).groups;
    expect(teams.find((g: { key: string }) => g.key === teamIds.T1)).toMatchObject(CSAT_BY_TEAM.T1);
    expect(teams.find((g: { key: string }) => g.key === teamIds.T2)).toMatchObject(CSAT_BY_TEAM.T2);
    const agents = (await summary('kind=csat&by=agent')).groups;
    for (const a of ['A1', 'A2', 'A3'] as const) {
      expect(agents.find((g: { key: string }) => g.key === agentIds[a])).toMatchObject(CSAT_BY_AGENT[a]);
    }
    expect(agents.at(-1)).toMatchObject({ key: null, ...CSAT_BY_AGENT.none });
    const nps = await summary('kind=nps&by=language');
    expect(nps.overall).toMatchObject(NPS_OVERALL);
    expect(nps.groups).toMatchObject(NPS_BY_LANGUAGE);
    const npsTeams = (await summary('kind=nps&by=team')).groups;
    expect(npsTeams.find((g: { key: string }) => g.key === teamIds.T1)).toMatchObject(NPS_BY_TEAM.T1);
    expect(npsTeams.find((g: { key: string }) => g.key === teamIds.T2)).toMatchObject(NPS_BY_TEAM.T2);
  });

  it.skipIf(!engine.available)('a range leaves out what was sent outside it; the default kind is csat without settings', async () => {
    // 2–8 February in UTC: c1–c4, c9, c10, c11 (Sunday 23:30).
    const week = await get('/api/v1/feedback/summary?from=2026-02-02&to=2026-02-08');
    expect(week.kind).toBe('csat');
    expect(week.overall).toMatchObject({ sent: 7, answered: 6, average: 3.5 });
    // The same local days in Tokyo end at 15:00 UTC on the 8th, before c11.
    expect((await get('/api/v1/feedback/summary?from=2026-02-02&to=2026-02-08&tz=Asia/Tokyo')).overall).toMatchObject({ sent: 6 });
  });

  it.skipIf(!engine.available)(
    'lists answers newest first with comment, translation, sentiment and dimensions; filters; pages',
    async () => {
      const all = await get('/api/v1/feedback/responses?from=2026-02-01&to=2026-02-28&kind=csat&limit=100');
      expect(all.data).toHaveLength(12);
      // c15 was sent last (17 February) and answered a day later.
      expect(all.data[0].id).toBe(responseIds.c15);
      const c5 = all.data.find((r: { id: string }) => r.id === responseIds.c5);
      expect(c5).toMatchObject({
        conversationId: conversationIds.c5,
        kind: 'csat',
        score: 5,
        comment: COMMENTS.c5!.comment,
        commentTranslation: COMMENTS.c5!.translation,
        commentTranslationLanguage: 'en',
        sentiment: { score: expect.closeTo(-0.6, 5), label: 'negative' },
        language: 'es',
        country: 'ES',
        channel: 'chat',
        team: { id: teamIds.T1, name: 'Atlantic' },
        agent: { id: agentIds.A1, name: 'Ana' },
        tags: ['billing'],
      });
      const times = all.data.map((r: { answeredAt: string }) => r.answeredAt);
      expect([...times].sort().reverse()).toEqual(times);

      const ids = async (q: string) =>
        (await get(`/api/v1/feedback/responses?from=2026-02-01&to=2026-02-28&limit=100&${q}`)).data.map((r: { id: string }) => r.id).sort();
      expect(await ids('language=pt-BR')).toEqual([responseIds.c14, responseIds.c15, responseIds.n7].sort());
      expect(await ids('kind=csat&tag=shipping')).toEqual([responseIds.c2, responseIds.c7, responseIds.c11].sort());
      expect(await ids(`agentId=${agentIds.A2}&kind=csat`)).toEqual([responseIds.c3, responseIds.c6, responseIds.c15].sort());
      expect(await ids('sentiment=negative')).toEqual([responseIds.c3, responseIds.c5, responseIds.c14].sort());
      expect(await ids('commented=true')).toEqual(
        Object.keys(COMMENTS)
          .map((n) => responseIds[n])
          .sort(),
      );

      const first = await get('/api/v1/feedback/responses?from=2026-02-01&to=2026-02-28&kind=csat&limit=5');
      const second = await get(`/api/v1/feedback/responses?from=2026-02-01&to=2026-02-28&kind=csat&limit=5&cursor=${first.nextCursor}`);
      const third = await get(`/api/v1/feedback/responses?from=2026-02-01&to=2026-02-28&kind=csat&limit=5&cursor=${second.nextCursor}`);
      expect([...first.data, ...second.data, ...third.data].map((r: { id: string }) => r.id)).toEqual(
        all.data.map((r: { id: string }) => r.id),
      );
      expect(third.nextCursor).toBeNull();
    },
  );

  it.skipIf(!engine.available)('exports CSV with a BOM, RFC 4180 quoting and formula cells neutralised (acceptance 5)', async () => {
    const res = await call(h, ws.token, 'GET', '/api/v1/feedback/responses.csv?from=2026-02-01&to=2026-02-28&commented=true');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('attachment; filename="feedback-2026-02-01-2026-02-28.csv"');
    expect(res.headers['x-meridian-truncated']).toBe('false');
    expect(res.body.startsWith('\uFEFFanswered_at,response_id,')).toBe(true);
    const lines = res.body.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    const line = (n: string) => res.body.split('\r\n').find((l) => l.includes(responseIds[n]!));
    expect(line('c3')).toContain(`,2,,"'=HYPERLINK(""http://evil.example"",""click"")",,,,-0.42,negative,en-GB,GB,email,Atlantic,Ben,,`);
    expect(line('c5')).toContain(
      `,5,,"'@SUM(1+1) muy lento, ""mal""",,"'@SUM(1+1) very slow, ""bad""",en,-0.6,negative,es,ES,chat,Atlantic,Ana,billing,`,
    );
    expect(line('c6')).toContain(`,5,,'+34 600 000 000\tllámenme,,,,,,es-MX,MX,chat,`);
    // A carriage return inside the cell: quoted, and the leading '-' neutralised.
    expect(res.body).toContain(`,1,,"'-\rpéssimo",,,,-0.8,negative,pt,BR,chat,Pacific,Ana,billing,`);
    expect(line('c1')).toContain(`,csat,5,,"Great help, thank you!",,,,0.7,positive,en,US,email,Atlantic,Ana,billing,`);
  });

  it.skipIf(!engine.available)('is for leads and admins, sees only its own workspace and refuses bad input', async () => {
    expect((await call(h, await ws.tokenFor('agent'), 'GET', '/api/v1/feedback/summary')).statusCode).toBe(403);
    expect((await call(h, await ws.tokenFor('agent'), 'GET', '/api/v1/feedback/responses.csv')).statusCode).toBe(403);
    expect((await call(h, await ws.tokenFor('lead'), 'GET', '/api/v1/feedback/responses')).statusCode).toBe(200);
    const other = await makeWorkspace(h);
    const r = await get('/api/v1/feedback/summary?from=2026-02-01&to=2026-02-28', other.token);
    expect(r.overall).toMatchObject({ sent: 0, answered: 0, average: null });
    expect(r.groups).toEqual([]);
    expect((await get('/api/v1/feedback/responses?from=2026-02-01&to=2026-02-28', other.token)).data).toEqual([]);
    const csv = await call(h, other.token, 'GET', '/api/v1/feedback/responses.csv?from=2026-02-01&to=2026-02-28');
    expect(csv.body.split('\r\n')).toHaveLength(2);
    for (const q of [
      'summary?by=region',
      'summary?kind=stars',
      'summary?bucket=month',
      'summary?tz=Mars/Olympus',
      'summary?from=2026-02-12&to=2026-02-10',
      'summary?from=2025-01-01&to=2026-02-10',
      'responses?sentiment=angry',
      'responses?teamId=nope',
      'responses?cursor=abc',
      'responses.csv?limit=5',
    ]) {
      const res = await call(h, ws.token, 'GET', `/api/v1/feedback/${q}`);
      expect(res.statusCode, q).toBe(400);
    }
  });
});
