import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { agentSessions, call, makeWorkspace, startHarness, T0, type Harness, type TestWorkspace } from '../test/harness.js';
import { slaFixture, type SlaFixture } from '../test/sla-fixture.js';
import { inboxPage } from './inbox.repo.js';

const MINUTE = 60_000;

describe.each(ENGINES)('inbox listing and counts on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let f: SlaFixture;
  let cookies: Record<string, string>;
  let ana: string;
  let bea: string;
  /** c1 mine (ana), urgent; c2 team, unassigned; c3 bea's, replied; c4 unassigned, solved. */
  const c: Record<'c1' | 'c2' | 'c3' | 'c4', { id: string; customerId: string }> = {} as never;

  const as = async (who: string | null, url: string, status = 200) => {
    const res = who ? await call(h, null, 'GET', url, undefined, { cookie: cookies[who]! }) : await call(h, ws.token, 'GET', url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
    return res.json();
  };
  const ids = (page: { data: { id: string }[] }) => page.data.map((r) => r.id);

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h);
    f = await slaFixture(h, ws);
    cookies = await agentSessions(h, ws, { ana: [{ tag: 'pt', proficiency: 'native' }], bea: [{ tag: 'en', proficiency: 'native' }] });
    const agents = (await f.get('/api/v1/agents?limit=100')).data as { id: string; email: string }[];
    ana = agents.find((a) => a.email === 'ana@example.com')!.id;
    bea = agents.find((a) => a.email === 'bea@example.com')!.id;
    await f.patch(`/api/v1/teams/${f.teamId}`, { memberIds: [f.leadId, ana] });
    await f.post('/api/v1/sla/policies', {
      name: 'Urgent',
      when: { priorities: ['urgent'] },
      targets: { firstReply: { minutes: 15, time: 'calendar' } },
    });
    await f.post('/api/v1/sla/policies', { name: 'Standard', default: true, targets: { firstReply: { minutes: 60, time: 'calendar' } } });

    const create = async (body: Record<string, unknown>) => {
      h.clock.advance(MINUTE);
      return f.post('/api/v1/conversations', body);
    };
    c.c1 = await create({
      customer: { email: 'Ana.Souza@example.com.br', name: 'Ana Souza', locale: 'pt-BR' },
      channel: 'email',
      subject: 'Fatura duplicada',
      language: 'pt',
      priority: 'urgent',
      teamId: f.teamId,
      assigneeId: ana,
      message: { text: `Olá,\n\n   recebi duas faturas este mês. ${'Muito obrigada pela ajuda. '.repeat(10)}` },
    });
    c.c2 = await create({
      customer: { email: 'kunde@example.de', name: 'Jonas Weber' },
      channel: 'chat',
      subject: 'Lieferung verspätet',
      language: 'de',
      teamId: f.teamId,
      message: { text: 'Meine Bestellung ist noch nicht da.' },
    });
    c.c3 = await create({
      customer: { email: 'sam@example.com', name: 'Sam Lee' },
      channel: 'email',
      subject: 'Refund request',
      language: 'en',
      assigneeId: bea,
      message: { text: 'Please send me the tracking number.' },
    });
    h.clock.advance(MINUTE);
    await f.post(`/api/v1/conversations/${c.c3.id}/messages`, { direction: 'outbound', text: 'Here it is: 123.' });
    c.c4 = await create({
      customer: { email: 'old@example.org' },
      channel: 'sms',
      status: 'solved',
      message: { text: 'Thanks, all good.' },
    });
    await f.drain();
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)('views: mine, team and unassigned are the calling agent’s; all is everything', async () => {
    expect(ids(await as('ana', '/api/v1/conversations?view=mine'))).toEqual([c.c1.id]);
    expect(ids(await as('bea', '/api/v1/conversations?view=mine'))).toEqual([c.c3.id]);
    expect(ids(await as('ana', '/api/v1/conversations?view=team'))).toEqual([c.c2.id, c.c1.id]);
    expect(ids(await as('bea', '/api/v1/conversations?view=team'))).toEqual([]);
    expect(ids(await as('bea', '/api/v1/conversations?view=unassigned'))).toEqual([c.c4.id, c.c2.id]);
    expect(ids(await as('bea', '/api/v1/conversations?view=all'))).toEqual([c.c4.id, c.c3.id, c.c2.id, c.c1.id]);
    // Views combine with the other filters.
    expect(ids(await as('ana', '/api/v1/conversations?view=team&language=pt'))).toEqual([c.c1.id]);
    expect(ids(await as('bea', '/api/v1/conversations?view=unassigned&status=new&status=open'))).toEqual([c.c2.id]);
    // A token is nobody's: its mine and team views are refused, not empty.
    for (const view of ['mine', 'team']) {
      const res = await call(h, ws.token, 'GET', `/api/v1/conversations?view=${view}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'querystring/view' }] });
    }
    expect(ids(await as(null, '/api/v1/conversations?view=unassigned'))).toEqual([c.c4.id, c.c2.id]);
  });

  it.skipIf(!engine.available)('each row carries its customer, the latest message and the next SLA due', async () => {
    const rows = (await as('ana', '/api/v1/conversations?view=all')).data as any[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const one = byId.get(c.c1.id);
    expect(one).toMatchObject({
      subject: 'Fatura duplicada',
      status: 'new',
      priority: 'urgent',
      channel: 'email',
      language: 'pt',
      teamId: f.teamId,
      assigneeId: ana,
      customer: { id: c.c1.customerId, name: 'Ana Souza', locale: 'pt-BR', timeZone: null, country: null },
      slaDue: { at: new Date(Date.parse(T0) + 16 * MINUTE).toISOString(), metric: 'first_reply', breached: false },
    });
    expect(one.lastMessage.direction).toBe('inbound');
    expect(one.lastMessage.preview.startsWith('Olá, recebi duas faturas este mês. Muito obrigada')).toBe(true);
    expect(Array.from(one.lastMessage.preview as string)).toHaveLength(141);
    expect(one.lastMessage.preview.endsWith('…')).toBe(true);
    expect(byId.get(c.c2.id).slaDue).toMatchObject({ metric: 'first_reply', at: new Date(Date.parse(T0) + 62 * MINUTE).toISOString() });
    // Replied (first reply achieved) and solved: no clock runs.
    expect(byId.get(c.c3.id)).toMatchObject({ slaDue: null, lastMessage: { direction: 'outbound', preview: 'Here it is: 123.' } });
    expect(byId.get(c.c4.id)).toMatchObject({ slaDue: null, customer: { name: null } });

    // Past the due instant the row says so before the evaluator has run.
    h.clock.advance(30 * MINUTE);
    const later = (await as('ana', '/api/v1/conversations?view=mine')).data[0];
    expect(later.slaDue.breached).toBe(true);
  });

  it.skipIf(!engine.available)(
    'sort=sla_due: earliest due first, then those without a running clock (latest first), page by page',
    async () => {
      const all = ids(await as('ana', '/api/v1/conversations?sort=sla_due'));
      expect(all).toEqual([c.c1.id, c.c2.id, c.c4.id, c.c3.id]);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { data: { id: string }[]; nextCursor: string | null } = await as(
          'ana',
          `/api/v1/conversations?sort=sla_due&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...ids(page));
        cursor = page.nextCursor;
      } while (cursor && seen.length < 10);
      expect(seen).toEqual(all);
      // The boundary between clocks and no clocks within one page, and filters on both sides of it.
      const two = await as('ana', '/api/v1/conversations?sort=sla_due&limit=2');
      expect(ids(two)).toEqual([c.c1.id, c.c2.id]);
      expect(ids(await as('ana', `/api/v1/conversations?sort=sla_due&limit=2&cursor=${two.nextCursor}`))).toEqual([c.c4.id, c.c3.id]);
      const three = await as('ana', '/api/v1/conversations?sort=sla_due&limit=3');
      expect(ids(three)).toEqual([c.c1.id, c.c2.id, c.c4.id]);
      expect(ids(await as('ana', `/api/v1/conversations?sort=sla_due&limit=3&cursor=${three.nextCursor}`))).toEqual([c.c3.id]);
      // Views gather their running conversations first; the tail follows the view too.
      expect(ids(await as('ana', '/api/v1/conversations?sort=sla_due&view=unassigned'))).toEqual([c.c2.id, c.c4.id]);
      expect(ids(await as('ana', '/api/v1/conversations?sort=sla_due&view=team&limit=1'))).toEqual([c.c1.id]);
      expect(ids(await as('bea', '/api/v1/conversations?sort=sla_due&view=mine'))).toEqual([c.c3.id]);
      // (c3 is still new: a reply does not change the status; its first reply is achieved.)
      expect(ids(await as('ana', '/api/v1/conversations?sort=sla_due&status=new&status=solved'))).toEqual([
        c.c1.id,
        c.c2.id,
        c.c4.id,
        c.c3.id,
      ]);
      expect(ids(await as('ana', '/api/v1/conversations?sort=sla_due&status=solved'))).toEqual([c.c4.id]);
    },
  );

  it.skipIf(!engine.available)('q searches subject, customer name and e-mail, and message text, by word prefixes', async () => {
    const search = async (q: string) => ids(await as('ana', `/api/v1/conversations?q=${encodeURIComponent(q)}`));
    expect(await search('fatur')).toEqual([c.c1.id]);
    expect(await search('FATURAS')).toEqual([c.c1.id]);
    expect(await search('souza')).toEqual([c.c1.id]);
    expect(await search('ana.souza@example.com.br')).toEqual([c.c1.id]);
    expect(await search('tracking')).toEqual([c.c3.id]);
    expect(await search('Lieferung verspätet')).toEqual([c.c2.id]);
    expect(await search('here 123')).toEqual([c.c3.id]);
    expect(await search('weber bestellung')).toEqual([]);
    expect(await search('nothing-like-this')).toEqual([]);
    expect(ids(await as('ana', '/api/v1/conversations?view=team&q=meine'))).toEqual([c.c2.id]);
    expect(ids(await as('ana', '/api/v1/conversations?view=mine&q=meine'))).toEqual([]);
    // The text indexes find what reading the newest conversations does (a walk of one settles nothing here).
    for (const q of ['fatur', 'souza', 'ana.souza@example.com.br', 'tracking', 'Lieferung verspätet', 'here 123', 'weber bestellung']) {
      const viaIndexes = await inboxPage(h.db, ws.id, { agentId: null, q }, 'updated', 1, undefined, 1);
      const walked = await inboxPage(h.db, ws.id, { agentId: null, q }, 'updated', 1);
      expect(
        viaIndexes.map((k) => k.id),
        q,
      ).toEqual(walked.map((k) => k.id));
      expect(
        viaIndexes.map((k) => k.id),
        q,
      ).toEqual((await search(q)).slice(0, 2));
    }
    // Query syntax is text here, never operators.
    for (const q of [`'`, `\\`, `a' | 'b`, `!fatura`, `(x`, `:*`, `<->`, `''::`, ' ']) {
      const res = await call(h, ws.token, 'GET', `/api/v1/conversations?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, `${q}: ${res.body}`).toBe(200);
    }
  });

  it.skipIf(!engine.available)('counts: unresolved conversations per view and per language, in one answer', async () => {
    expect(await as('ana', '/api/v1/inbox/counts')).toEqual({
      statuses: ['new', 'open', 'pending', 'on_hold'],
      views: { mine: 1, team: 2, unassigned: 1, all: 3 },
      languages: [
        { language: 'de', count: 1 },
        { language: 'en', count: 1 },
        { language: 'pt', count: 1 },
      ],
    });
    expect((await as('bea', '/api/v1/inbox/counts')).views).toEqual({ mine: 1, team: 0, unassigned: 1, all: 3 });
    expect(await as(null, '/api/v1/inbox/counts?status=solved')).toEqual({
      statuses: ['solved'],
      views: { mine: null, team: null, unassigned: 1, all: 1 },
      languages: [{ language: c4Language, count: 1 }],
    });
    const other = await makeWorkspace(h);
    expect((await call(h, other.token, 'GET', '/api/v1/inbox/counts')).json()).toEqual({
      statuses: ['new', 'open', 'pending', 'on_hold'],
      views: { mine: null, team: null, unassigned: 0, all: 0 },
      languages: [],
    });
  });
});

/** "Thanks, all good." is English to the detector. */
const c4Language = 'en';
