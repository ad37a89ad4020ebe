import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { agentSessions, call, makeWorkspace, rowCounts, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';

describe.each(ENGINES)('mentions in internal notes on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let conversationId: string;

  const as = (who: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
    call(h, null, method, url, body, { cookie: cookies[who]! });
  const note = (who: string, text: string, mentions: string[]) =>
    as(who, 'POST', `/api/v1/conversations/${conversationId}/messages`, { direction: 'note', text, mentions });
  const eventsOf = async (type: string) =>
    (
      await h.db.query<{ payload: Record<string, unknown> }>(
        'SELECT payload FROM events WHERE workspace_id = $1 AND type = $2 ORDER BY id',
        [ws.id, type],
      )
    ).rows.map((r) => r.payload);

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h);
    other = await makeWorkspace(h);
    const en = [{ tag: 'en', proficiency: 'native' }];
    Object.assign(cookies, await agentSessions(h, ws, { lena: en, kasia: en, mateo: en }));
    const agents = (await call(h, ws.token, 'GET', '/api/v1/agents?limit=100')).json().data as { id: string; name: string }[];
    for (const a of agents) ids[a.name] = a.id;
    const conv = await call(h, ws.token, 'POST', '/api/v1/conversations', {
      customer: { email: 'joana@example.pt' },
      channel: 'email',
      subject: 'Fatura errada',
      message: { text: 'A minha fatura está errada.', language: 'pt' },
    });
    conversationId = conv.json().id;
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)('a note tells each mentioned agent once; the author is not told about themselves', async () => {
    const res = await note('lena', 'Kasia, Mateo: can one of you check the invoice?', [ids.kasia!, ids.mateo!, ids.lena!, ids.kasia!]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().channelMeta.mentions.split(',').sort()).toEqual([ids.kasia, ids.mateo, ids.lena].sort());
    const told = await eventsOf('note.mentioned');
    expect(told.map((e) => e.agentId).sort()).toEqual([ids.kasia, ids.mateo].sort());
    expect(told.every((e) => e.byAgentId === ids.lena && e.messageId === res.json().id && e.conversationId === conversationId)).toBe(true);

    const kasia = (await as('kasia', 'GET', '/api/v1/mentions?unread=true')).json();
    expect(kasia.unread).toBe(1);
    expect(kasia.data).toEqual([
      expect.objectContaining({
        agentId: ids.kasia,
        byAgentId: ids.lena,
        byName: 'lena',
        subject: 'Fatura errada',
        excerpt: 'Kasia, Mateo: can one of you check the invoice?',
        readAt: null,
      }),
    ]);
    expect((await as('lena', 'GET', '/api/v1/mentions')).json()).toMatchObject({ data: [], unread: 0 });
  });

  it.skipIf(!engine.available)('opening the conversation marks its mentions read, for that agent only', async () => {
    const read = await as('kasia', 'POST', '/api/v1/mentions/read', { conversationId });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().read).toHaveLength(1);
    expect((await as('kasia', 'POST', '/api/v1/mentions/read', { conversationId })).json().read).toEqual([]);
    expect((await as('kasia', 'GET', '/api/v1/mentions?unread=true')).json()).toMatchObject({ data: [], unread: 0 });
    const all = (await as('kasia', 'GET', '/api/v1/mentions')).json();
    expect(all.data[0].readAt).toBe(h.clock().toISOString());
    expect((await as('mateo', 'GET', '/api/v1/mentions?unread=true')).json().unread).toBe(1);
    expect(await eventsOf('mentions.read')).toEqual([{ agentId: ids.kasia, mentionIds: read.json().read }]);
    // By id: someone else's mention is not theirs to mark.
    const mateos = (await as('mateo', 'GET', '/api/v1/mentions')).json().data[0].id;
    expect((await as('kasia', 'POST', '/api/v1/mentions/read', { ids: [mateos] })).json().read).toEqual([]);
    expect((await as('mateo', 'POST', '/api/v1/mentions/read', { ids: [mateos] })).json().read).toEqual([mateos]);
  });

  it.skipIf(!engine.available)('refuses mentions outside notes, unknown or foreign agents, and token callers; writes nothing', async () => {
    const before = await rowCounts(h.db, ws.id);
    const url = `/api/v1/conversations/${conversationId}/messages`;
    const outbound = await as('lena', 'POST', url, { direction: 'outbound', text: 'Hi', mentions: [ids.kasia] });
    expect(outbound.statusCode).toBe(400);
    const foreignAgent = (
      await call(h, other.token, 'POST', '/api/v1/agents', { email: 'x@example.com', name: 'X', languages: [] })
    ).json();
    const foreign = await note('lena', 'who?', [ids.kasia!, foreignAgent.id]);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.details).toEqual([{ path: 'body/mentions/1', message: 'no such agent' }]);
    expect((await note('lena', 'bad', ['not-a-uuid'])).statusCode).toBe(400);
    expect(await rowCounts(h.db, ws.id)).toEqual(before);
    expect((await call(h, ws.token, 'GET', '/api/v1/mentions')).statusCode).toBe(403);
    expect((await call(h, ws.token, 'POST', '/api/v1/mentions/read', { conversationId })).statusCode).toBe(403);
    expect((await as('lena', 'POST', '/api/v1/mentions/read', {})).statusCode).toBe(400);
  });
});
