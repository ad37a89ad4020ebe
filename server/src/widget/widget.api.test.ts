import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTeams } from '../demo/demo-data.js';
import { demoCalendar } from '../routing/demo-setup.js';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, rowCounts, type TestWorkspace } from '../test/harness.js';
import { startLiveHarness, type LiveHarness } from '../test/live.js';
import { widgetSocket } from '../test/widget-socket.js';
import { identityHash } from './identity.js';
import { seedDemo } from '../demo/seed-demo.js';
import { SecretBox } from '../lib/secret-box.js';

const cid = () => randomUUID();

describe.each(ENGINES)('chat widget on $engine', (engine) => {
  const box = SecretBox.random();
  let h: LiveHarness;
  let a: TestWorkspace;
  let b: TestWorkspace;
  let key: string;
  let secret: string;
  let agentToken: string;

  const ok = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown, token = a.token) => {
    const r = await call(h, token, method, url, body);
    if (r.statusCode >= 300) throw new Error(`${method} ${url} → ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const session = async (visitorToken?: string) =>
    (
      await call(h, null, 'POST', '/api/v1/widget/sessions', {
        key,
        ...(visitorToken ? { visitorToken } : {}),
        locale: 'pt-BR',
        timeZone: 'America/Sao_Paulo',
      })
    ).json();

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startLiveHarness(engine, {
      secretBox: box,
      widgetLimits: { ipRequests: { capacity: 10_000, refillPerSecond: 1 }, ipSockets: { capacity: 10_000, refillPerSecond: 1 } },
    });
    a = await makeWorkspace(h);
    b = await makeWorkspace(h);
    agentToken = await a.tokenFor('agent');
    const team = demoTeams.find((t) => t.key === 'sao-paulo')!;
    const calendar = await ok('POST', '/api/v1/calendars', { name: 'sp', definition: demoCalendar(team) });
    const agent = await ok('POST', '/api/v1/agents', {
      email: 'ana@example.com',
      name: 'Ana',
      languages: [{ tag: 'pt', proficiency: 'native' }],
    });
    const teamId = (
      await ok('POST', '/api/v1/teams', { name: 'São Paulo', timeZone: team.timeZone, calendarId: calendar.id, memberIds: [agent.id] })
    ).id;
    const settings = await ok('PUT', '/api/v1/widget/settings', {
      enabled: true,
      teamId,
      preChatFields: [{ name: 'name', required: false }],
    });
    key = settings.publicKey;
    secret = settings.identitySecret;
  });
  afterAll(async () => {
    await h?.close();
  });

  it.skipIf(!engine.available)(
    'admin settings: key, secret and snippet; rotation; agents may not read them; another workspace has none',
    async () => {
      expect(key).toMatch(/^wk_[A-Za-z0-9_-]{22}$/);
      expect(secret).toMatch(/^wsec_/);
      const got = await ok('GET', '/api/v1/widget/settings');
      expect(got.snippet).toMatch(/^<script>\(function\(w,d\)/);
      expect(got.snippet).toContain(`s.dataset.key="${key}"`);
      expect((await call(h, agentToken, 'GET', '/api/v1/widget/settings')).statusCode).toBe(403);
      expect((await call(h, b.token, 'GET', '/api/v1/widget/settings')).statusCode).toBe(404);
      expect((await call(h, a.token, 'PUT', '/api/v1/widget/settings', { enabled: true, teamId: randomUUID() })).statusCode).toBe(404);
      // The stored secret is sealed, never the plain value.
      const row = (await h.db.query<{ s: string }>('SELECT secret_sealed AS s FROM widget_settings WHERE workspace_id = $1', [a.id]))
        .rows[0]!;
      expect(row.s).not.toContain(secret);
    },
  );

  it.skipIf(!engine.available)(
    'config: open/closed on the team calendar, hours today and the expected reply; unknown keys are 404',
    async () => {
      // T0 = Monday 2026-03-02 09:00Z = 06:00 in São Paulo: before opening.
      const c = (await call(h, null, 'GET', `/api/v1/widget/config?key=${key}`, undefined, { 'accept-language': 'pt-BR' })).json();
      expect(c.open).toBe(false);
      expect(c.teamTimeZone).toBe('America/Sao_Paulo');
      expect(new Date(c.nextOpenAt).getTime()).toBeGreaterThan(new Date('2026-03-02T09:00:00Z').getTime());
      expect(c.hoursToday.length).toBeGreaterThan(0);
      expect(new Date(c.expectedReplyAt).getTime()).toBeGreaterThanOrEqual(new Date(c.nextOpenAt).getTime());
      expect((await call(h, null, 'GET', `/api/v1/widget/config?key=wk_${'x'.repeat(22)}`)).statusCode).toBe(404);
      expect((await call(h, null, 'GET', `/api/v1/widget/config?key=nope`)).statusCode).toBe(400);
    },
  );

  it.skipIf(!engine.available)(
    'a visitor chats: stored once per client id, the agent’s reply arrives live, a reconnect replays what was missed',
    async () => {
      const s = await session();
      expect(s.visitorToken).toMatch(/^wv_/);
      expect((await session(s.visitorToken)).visitorId).toBe(s.visitorId);
      const w = widgetSocket(h.base, key);
      await w.send({ t: 'hello', visitorToken: s.visitorToken, since: null });
      const welcome = await w.until('welcome');
      expect(welcome.conversationId).toBeNull();

      const clientId = cid();
      const text = 'Olá, preciso de ajuda com a minha fatura deste mês, por favor.';
      await w.send({ t: 'send', clientId, text, fields: { name: 'Ana Souza' } });
      const ack = await w.until('ack', (f) => f.clientId === clientId);
      expect(ack.message).toMatchObject({ author: 'visitor', text, clientId });
      const conversationId = ack.message.conversationId;
      // A resend (the ack was lost with the socket) answers with the stored message and stores nothing.
      await w.send({ t: 'send', clientId, text });
      await w.until('ack', (f) => f.clientId === clientId && f !== ack);
      const conv = await ok('GET', `/api/v1/conversations/${conversationId}`);
      expect(conv).toMatchObject({ channel: 'chat', messageCount: 1 });
      expect(conv.language).toMatch(/^pt/);

      // The agent replies (and writes a note the visitor must never see).
      await ok('POST', `/api/v1/conversations/${conversationId}/messages`, { direction: 'note', text: 'internal: check invoice' });
      const reply = await ok('POST', `/api/v1/conversations/${conversationId}/messages`, {
        direction: 'outbound',
        text: 'Claro! Já verifico.',
      });
      const pushed = await w.until('message', (f) => f.message.id === reply.id);
      expect(pushed.message.author).toBe('agent');
      const lastSeen = pushed.message.id;

      // The socket drops; meanwhile the agent replies twice and the visitor's tab re-sends nothing.
      w.close();
      await w.closedWith();
      const r2 = await ok('POST', `/api/v1/conversations/${conversationId}/messages`, {
        direction: 'outbound',
        text: 'Encontrei o problema.',
      });
      const r3 = await ok('POST', `/api/v1/conversations/${conversationId}/messages`, { direction: 'outbound', text: 'Está resolvido.' });
      const w2 = widgetSocket(h.base, key);
      await w2.send({ t: 'hello', visitorToken: s.visitorToken, since: lastSeen });
      const back = await w2.until('welcome');
      expect(back.conversationId).toBe(conversationId);
      expect(back.messages.map((m) => m.id)).toEqual([r2.id, r3.id]);
      expect(JSON.stringify(w.frames) + JSON.stringify(w2.frames)).not.toContain('internal: check invoice');

      // Typing travels both ways without being stored.
      const agentStream = widgetSocket(h.base, key); // a second tab of the same visitor
      await agentStream.send({ t: 'hello', visitorToken: s.visitorToken });
      await agentStream.until('welcome');
      expect((await call(h, agentToken, 'POST', `/api/v1/conversations/${conversationId}/typing`, { on: true })).statusCode).toBe(204);
      await w2.until('typing', (f) => f.on);

      // The visitor's message reaches their other tab; the tab that sent it has it from its ack only.
      const mine = cid();
      await w2.send({ t: 'send', clientId: mine, text: 'Obrigada!' });
      const sent = await w2.until('ack', (f) => f.clientId === mine);
      await agentStream.until('message', (f) => f.message.id === sent.message.id);
      const after = await ok('POST', `/api/v1/conversations/${conversationId}/messages`, { direction: 'outbound', text: 'De nada.' });
      await w2.until('message', (f) => f.message.id === after.id);
      expect(w2.frames.filter((f) => f.t === 'message' && f.message.id === sent.message.id)).toEqual([]);
      w2.close();
      agentStream.close();
    },
  );

  it.skipIf(!engine.available)(
    'identity: a wrong or missing hash is 401 and changes nothing; the right one links the visitor to the customer',
    async () => {
      // The site's user already has a chat history under a verified visitor.
      const first = await session();
      const before = await rowCounts(h.db, a.id);
      for (const bad of [
        {},
        { hash: identityHash(secret, 'user-2') },
        { hash: 'zz' },
        { jwt: 'a.b.c' },
        { hash: identityHash('wrong', 'user-1') },
      ]) {
        const r = await call(h, null, 'POST', '/api/v1/widget/identify', { key, visitorToken: first.visitorToken, id: 'user-1', ...bad });
        expect(r.statusCode).toBe(401);
        expect(r.json().error.code).toBe('unauthorized');
        expect(r.body).not.toMatch(/customer/i);
      }
      expect(await rowCounts(h.db, a.id)).toEqual(before);
      const ok1 = await call(h, null, 'POST', '/api/v1/widget/identify', {
        key,
        visitorToken: first.visitorToken,
        id: 'user-1',
        name: 'Bruno',
        hash: identityHash(secret, 'user-1'),
      });
      expect(ok1.statusCode).toBe(200);
      const customerId = ok1.json().customerId;
      const w = widgetSocket(h.base, key);
      await w.send({ t: 'hello', visitorToken: first.visitorToken });
      await w.until('welcome');
      await w.send({ t: 'send', clientId: cid(), text: 'Meu pedido número 4411 ainda não chegou, podem verificar?' });
      const ack = await w.until('ack');
      w.close();
      expect((await ok('GET', `/api/v1/conversations/${ack.message.conversationId}`)).customerId).toBe(customerId);
      expect((await ok('GET', `/api/v1/customers/${customerId}`)).externalIds).toContain('widget:user-1');

      // Another browser, not vouched for, sees nothing of it — even when it types the same name.
      const stranger = await session();
      const ws2 = widgetSocket(h.base, key);
      await ws2.send({ t: 'hello', visitorToken: stranger.visitorToken });
      expect((await ws2.until('welcome')).messages).toEqual([]);
      ws2.close();
      // A second browser vouched for as the same user sees the history.
      const again = await session();
      expect(
        (
          await call(h, null, 'POST', '/api/v1/widget/identify', {
            key,
            visitorToken: again.visitorToken,
            id: 'user-1',
            hash: identityHash(secret, 'user-1'),
          })
        ).statusCode,
      ).toBe(200);
      const ws3 = widgetSocket(h.base, key);
      await ws3.send({ t: 'hello', visitorToken: again.visitorToken });
      expect((await ws3.until('welcome')).messages.map((m) => m.id)).toContain(ack.message.id);
      ws3.close();
      // The key of another workspace does not find this visitor.
      expect((await call(h, b.token, 'GET', `/api/v1/conversations/${ack.message.conversationId}`)).statusCode).toBe(404);
    },
  );

  it.skipIf(!engine.available)(
    'offline: a message with an e-mail address becomes one e-mail conversation, however often it is posted',
    async () => {
      const s = await session();
      const body = {
        key,
        visitorToken: s.visitorToken,
        email: 'Carla@Example.com',
        name: 'Carla',
        text: 'Vocês abrem no sábado? Preciso trocar um produto.',
        clientId: cid(),
      };
      const r1 = await call(h, null, 'POST', '/api/v1/widget/offline', body);
      expect(r1.statusCode).toBe(201);
      const r2 = await call(h, null, 'POST', '/api/v1/widget/offline', body);
      expect(r2.json()).toEqual(r1.json());
      const conv = await ok('GET', `/api/v1/conversations/${r1.json().conversationId}`);
      expect(conv).toMatchObject({ channel: 'email', messageCount: 1 });
      expect(conv.language).toMatch(/^pt/);
      expect((await call(h, null, 'POST', '/api/v1/widget/offline', { ...body, visitorToken: `wv_${'a'.repeat(43)}` })).statusCode).toBe(
        401,
      );
    },
  );

  it.skipIf(!engine.available)('abuse: oversize messages and floods get error frames; a blocked visitor is disconnected', async () => {
    const s = await session();
    const w = widgetSocket(h.base, key);
    await w.send({ t: 'hello', visitorToken: s.visitorToken });
    await w.until('welcome');
    const big = cid();
    await w.send({ t: 'send', clientId: big, text: 'x'.repeat(5001) });
    expect((await w.until('error', (f) => f.clientId === big)).code).toBe('message_too_long');
    await w.send({ t: 'nonsense' });
    expect((await w.until('error', (f) => f.code === 'bad_frame')).code).toBe('bad_frame');
    // The clock is fixed, so the bucket never refills: the 11th message in a burst is refused.
    const ids = Array.from({ length: 11 }, cid);
    for (const id of ids) await w.send({ t: 'send', clientId: id, text: `mensagem número ${id}` });
    expect((await w.until('error', (f) => f.clientId === ids[10])).code).toBe('rate_limited');
    const acked = await w.until('ack', (f) => f.clientId === ids[9]);
    w.close();

    expect((await call(h, agentToken, 'POST', `/api/v1/conversations/${acked.message.conversationId}/spam`, {})).statusCode).toBeLessThan(
      300,
    );
    const again = widgetSocket(h.base, key);
    await again.send({ t: 'hello', visitorToken: s.visitorToken });
    expect((await again.closedWith()).code).toBe(4403);
  });

  it.skipIf(!engine.available)('the demo workspace comes with a widget, and /widget/demo embeds it', async () => {
    const { workspace } = await seedDemo(h.db, h.clock(), box);
    const row = (await h.db.query<{ key: string }>('SELECT public_key AS key FROM widget_settings WHERE workspace_id = $1', [workspace.id]))
      .rows[0]!;
    const page = await call(h, null, 'GET', '/widget/demo');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`s.dataset.key="${row.key}"`);
    const config = await call(h, null, 'GET', `/api/v1/widget/config?key=${row.key}`);
    expect(config.statusCode).toBe(200);
    expect(config.json()).toMatchObject({ workspaceName: 'Demo', open: true });
    expect(config.json().expectedReplyAt).not.toBeNull();
  });

  it.skipIf(!engine.available)(
    'attachments: uploaded by the visitor, sent with a message, listed and downloadable for agents only as files',
    async () => {
      const s = await session();
      const upload = (visitorToken: string, body: Buffer, name: string, type = 'application/pdf') =>
        h.app.inject({
          method: 'POST',
          url: '/api/v1/widget/attachments',
          headers: { 'content-type': type, 'x-widget-key': key, 'x-visitor-token': visitorToken, 'x-file-name': encodeURIComponent(name) },
          payload: body,
        });
      const pdf = Buffer.from('%PDF-1.4 fatura de março');
      const up = await upload(s.visitorToken, pdf, '../../fatura março.pdf');
      expect(up.statusCode, up.body).toBe(201);
      expect(up.json()).toMatchObject({ name: 'fatura março.pdf', contentType: 'application/pdf', size: pdf.length });
      // A JSON file is a file too, not a body to parse; an empty one and a wrong token are refused.
      expect((await upload(s.visitorToken, Buffer.from('{"a":1}'), 'data.json', 'application/json')).statusCode).toBe(201);
      expect((await upload(s.visitorToken, Buffer.alloc(0), 'empty.txt', 'text/plain')).statusCode).toBe(400);
      expect((await upload(`wv_${'x'.repeat(43)}`, pdf, 'x.pdf')).statusCode).toBe(401);
      expect((await upload(s.visitorToken, Buffer.alloc(10 * 1024 * 1024 + 1), 'big.bin', 'application/octet-stream')).statusCode).toBe(
        413,
      );

      // Another visitor cannot send someone else's upload.
      const other = await session();
      const wo = widgetSocket(h.base, key);
      await wo.send({ t: 'hello', visitorToken: other.visitorToken });
      await wo.until('welcome');
      const stolen = cid();
      await wo.send({ t: 'send', clientId: stolen, text: 'isto é meu', attachmentIds: [up.json().id] });
      expect((await wo.until('error', (f) => f.clientId === stolen)).code).toBe('not_found');
      wo.close();

      const w = widgetSocket(h.base, key);
      await w.send({ t: 'hello', visitorToken: s.visitorToken });
      await w.until('welcome');
      const clientId = cid();
      await w.send({ t: 'send', clientId, text: '', attachmentIds: [up.json().id] });
      const ack = await w.until('ack', (f) => f.clientId === clientId);
      expect(ack.message.attachments).toEqual([
        { id: expect.any(String), name: 'fatura março.pdf', contentType: 'application/pdf', size: pdf.length },
      ]);
      w.close();
      const list = await ok('GET', `/api/v1/conversations/${ack.message.conversationId}/attachments`);
      expect(list.data.map((x: { name: string }) => x.name)).toEqual(['fatura março.pdf']);
      const file = await call(h, agentToken, 'GET', `/api/v1/attachments/${list.data[0].id}`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-disposition']).toMatch(/^attachment/);
      expect(file.rawPayload.equals(pdf)).toBe(true);

      // The browser's preflight for the upload's headers is granted; the admin API's is not.
      const pre = await h.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/widget/attachments',
        headers: {
          origin: 'https://shop.example.com',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'x-widget-key',
        },
      });
      expect(pre.statusCode).toBe(204);
      expect(pre.headers['access-control-allow-origin']).toBe('https://shop.example.com');
      expect(pre.headers['access-control-allow-headers']).toContain('x-visitor-token');
      expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
      const admin = await h.app.inject({ method: 'OPTIONS', url: '/api/v1/widget/settings', headers: { origin: 'https://evil.example' } });
      expect(admin.statusCode).toBe(404);
      expect(admin.headers['access-control-allow-origin']).toBeUndefined();
    },
  );
});
