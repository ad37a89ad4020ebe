import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { agentSessions, makeWorkspace, rowCounts, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';

describe.each(ENGINES)('CSRF: cookie sessions only from our own origin on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let cookie: string;
  let conversationId: string;
  let n = 0;

  /** A request exactly as given: no helper adds an Origin. */
  const send = (method: InjectOptions['method'], url: string, headers: Record<string, string>, body?: unknown) =>
    h.app.inject({
      method,
      url,
      headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  const newConversation = () => ({ customer: { email: `csrf-${++n}@example.org` }, channel: 'chat', message: { text: 'hello' } });
  const expectRefused = (res: Awaited<ReturnType<typeof send>>, where: string) => {
    expect(res.statusCode, `${where}: ${res.body}`).toBe(403);
    expect(res.json().error.code, where).toBe('csrf_refused');
  };

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h);
    cookie = (await agentSessions(h, ws, { carla: [] })).carla!;
    const created = await send('POST', '/api/v1/conversations', { authorization: `Bearer ${ws.token}` }, newConversation());
    conversationId = created.json().id;
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)('unsafe requests with the cookie need our Origin (or Referer); reads do not', async () => {
    const before = await rowCounts(h.db, ws.id);
    const foreign: [string, Record<string, string>][] = [
      ['neither Origin nor Referer', {}],
      ['foreign Origin', { origin: 'https://evil.example' }],
      ['opaque Origin', { origin: 'null' }],
      ['same host, other port', { origin: 'http://localhost:8080' }],
      ['subdomain', { origin: 'http://x.localhost' }],
      ['garbage Origin', { origin: '::::' }],
      ['foreign Referer', { referer: 'https://evil.example/localhost' }],
      ['foreign Origin beside our Referer', { origin: 'https://evil.example', referer: 'http://localhost/inbox' }],
      ['javascript: Referer', { referer: 'javascript:alert(1)' }],
    ];
    for (const [name, headers] of foreign) {
      expectRefused(await send('POST', '/api/v1/conversations', { cookie, ...headers }, newConversation()), `POST, ${name}`);
      expectRefused(
        await send('PATCH', `/api/v1/conversations/${conversationId}`, { cookie, ...headers }, { status: 'open' }),
        `PATCH, ${name}`,
      );
      expectRefused(await send('POST', '/api/v1/auth/logout', { cookie, ...headers }), `logout, ${name}`);
    }
    expect(await rowCounts(h.db, ws.id)).toEqual(before);

    expect((await send('POST', '/api/v1/conversations', { cookie, origin: 'http://localhost' }, newConversation())).statusCode).toBe(201);
    expect(
      (await send('POST', '/api/v1/conversations', { cookie, referer: 'http://localhost/inbox?view=mine' }, newConversation())).statusCode,
    ).toBe(201);
    // The port the Host names counts: a server on :3000 is its own origin there.
    const onPort = await send(
      'POST',
      '/api/v1/conversations',
      { cookie, host: 'localhost:3000', origin: 'http://localhost:3000' },
      newConversation(),
    );
    expect(onPort.statusCode).toBe(201);
    // Reads answer whatever the Origin (CORS keeps their answers from foreign pages).
    expect((await send('GET', `/api/v1/conversations/${conversationId}`, { cookie, origin: 'https://evil.example' })).statusCode).toBe(200);
    // A garbage cookie is unauthenticated first.
    const garbage = await send('POST', '/api/v1/conversations', { cookie: 'meridian_session=not-a-session-at-all' }, newConversation());
    expect(garbage.statusCode).toBe(401);
  });

  it.skipIf(!engine.available)('bearer tokens are unaffected, also beside a cookie', async () => {
    const bearer = { authorization: `Bearer ${ws.token}` };
    expect((await send('POST', '/api/v1/conversations', { ...bearer, origin: 'https://evil.example' }, newConversation())).statusCode).toBe(
      201,
    );
    expect((await send('POST', '/api/v1/conversations', { ...bearer, cookie }, newConversation())).statusCode).toBe(201);
  });

  it.skipIf(!engine.available)('login: a foreign page cannot log the browser in; scripts without Origin can', async () => {
    const body = { workspace: ws.slug, email: 'carla@example.com', password: 'correct horse battery staple' };
    const evil = await send('POST', '/api/v1/auth/login', { origin: 'https://evil.example' }, body);
    expectRefused(evil, 'login from a foreign origin');
    expect(evil.headers['set-cookie']).toBeUndefined();
    expectRefused(await send('POST', '/api/v1/auth/login', { referer: 'https://evil.example/' }, body), 'login with a foreign Referer');
    expect((await send('POST', '/api/v1/auth/login', { origin: 'http://localhost' }, body)).statusCode).toBe(200);
    expect((await send('POST', '/api/v1/auth/login', {}, body)).statusCode).toBe(200);
  });

  it.skipIf(!engine.available)('the WebSocket stream opened with the cookie needs our Origin too', async () => {
    const upgrade = {
      connection: 'upgrade',
      upgrade: 'websocket',
      'sec-websocket-version': '13',
      'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
    };
    expectRefused(await send('GET', '/api/v1/stream', { ...upgrade, cookie, origin: 'https://evil.example' }), 'stream');
    expectRefused(await send('GET', '/api/v1/stream', { ...upgrade, cookie }), 'stream without Origin');
  });

  it.skipIf(!engine.available)('with MERIDIAN_PUBLIC_URL set, that origin is ours, whatever the Host', async () => {
    const behindProxy = await startHarness(engine, { publicUrl: 'https://help.example.com' });
    try {
      const other = await makeWorkspace(behindProxy);
      const session = (await agentSessions(behindProxy, other, { dana: [] })).dana!;
      const post = (headers: Record<string, string>) =>
        behindProxy.app.inject({
          method: 'POST',
          url: '/api/v1/conversations',
          headers: { cookie: session, 'content-type': 'application/json', ...headers },
          payload: JSON.stringify(newConversation()),
        });
      expect((await post({ origin: 'https://help.example.com' })).statusCode).toBe(201);
      const local = await post({ origin: 'http://localhost' });
      expect(local.statusCode).toBe(403);
      expect(local.json().error.code).toBe('csrf_refused');
      expect((await post({ origin: 'http://help.example.com' })).statusCode).toBe(403);
    } finally {
      await behindProxy.close();
    }
  });
});
