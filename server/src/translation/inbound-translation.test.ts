import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createToken } from '../auth/create-token.js';
import { loadConfig } from '../config.js';
import { startServer, type Running } from '../server.js';
import { ENGINES, type TestDb } from '../test/engines.js';
import { createWorkspace } from '../workspaces/create-workspace.js';
import { until } from '../test/until.js';

/** A real HTTP hop in front of APy that can be switched off: the engine "goes down". */
async function switchableProxy(target: string) {
  let up = true;
  const sockets = new Set<Socket>();
  const server = http.createServer(async (req, res) => {
    if (!up) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const r = await fetch(target + req.url, {
      method: req.method,
      headers: { 'content-type': req.headers['content-type'] ?? 'text/plain' },
      body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
    });
    res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
    res.end(await r.text());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    set(state: boolean) {
      up = state;
      if (!state) for (const s of sockets) s.destroy();
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe.each(ENGINES)('inbound messages are translated for their readers on $engine', (engine) => {
  const available = engine.available && inject('apyUrl') !== '';
  let dir: string;
  let tdb: TestDb | undefined;
  let proxy: Awaited<ReturnType<typeof switchableProxy>>;
  let server: Running;
  let token: string;

  const api = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(server.url + url, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const translationOf = async (conversationId: string, messageId: string) => {
    const msgs = await api('GET', `/api/v1/conversations/${conversationId}/messages`);
    return msgs.body.data.find((m: { id: string }) => m.id === messageId)?.translations?.[0];
  };

  beforeAll(async () => {
    if (!available) return;
    dir = mkdtempSync(path.join(os.tmpdir(), 'meridian-mt-'));
    proxy = await switchableProxy(inject('apyUrl'));
    if (engine.engine === 'postgres') tdb = await engine.create();
    const flags = tdb ? { databaseUrl: tdb.url! } : { data: path.join(dir, 'data') };
    server = await startServer(
      { ...loadConfig({ ...flags, port: '0', smtpPort: '0' }, { MERIDIAN_APERTIUM_URL: proxy.url }), logLevel: 'silent' },
      {
        translateRetrySeconds: 1,
        beforeListen: async (db) => {
          const ws = await db.transaction((tx) => createWorkspace(tx, { slug: 'mt', name: 'MT' }, new Date()));
          token = (await db.transaction((tx) => createToken(tx, ws.id, { name: 'mt', role: 'admin' }, new Date()))).secret;
        },
      },
    );
  });
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    await tdb?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!available)(
    'stores an English translation of a Spanish message for an English-speaking team, keeping the original',
    async () => {
      const agent = await api('POST', '/api/v1/agents', {
        email: 'sam@example.com',
        name: 'Sam Lee',
        languages: [{ tag: 'en', proficiency: 'native' }],
      });
      const team = await api('POST', '/api/v1/teams', {
        name: 'San Francisco',
        timeZone: 'America/Los_Angeles',
        languages: ['en'],
        memberIds: [agent.body.id],
      });
      const text = 'Hola, mi pedido no ha llegado y necesito ayuda.';
      const conv = await api('POST', '/api/v1/conversations', {
        customer: { email: 'lucia@example.es', locale: 'es-ES' },
        channel: 'email',
        language: 'es',
        teamId: team.body.id,
        message: { text, language: 'es' },
      });
      expect(conv.status).toBe(201);
      const messageId = conv.body.messages[0].id;
      const t = await until(async () => {
        const tr = await translationOf(conv.body.id, messageId);
        return tr?.status === 'translated' ? tr : undefined;
      });
      expect(t).toMatchObject({ language: 'en', sourceLanguage: 'es', provider: 'apertium' });
      expect(t.text).toMatch(/Hello/);
      expect(t.flags).toContain('machine_translated');
      const msgs = await api('GET', `/api/v1/conversations/${conv.body.id}/messages`);
      expect(msgs.body.data[0].text).toBe(text);
    },
  );

  it.skipIf(!available)(
    "translates into a reader's next language when the engine has no pair into their best one (Portuguese read in Spanish)",
    async () => {
      // APy here has Portuguese→Spanish and no Portuguese→English.
      const agent = await api('POST', '/api/v1/agents', {
        email: 'dana@example.com',
        name: 'Dana Ruiz',
        languages: [
          { tag: 'en', proficiency: 'native' },
          { tag: 'es', proficiency: 'fluent' },
        ],
      });
      const team = await api('POST', '/api/v1/teams', {
        name: 'Los Angeles',
        timeZone: 'America/Los_Angeles',
        languages: ['en', 'es'],
        memberIds: [agent.body.id],
      });
      const conv = await api('POST', '/api/v1/conversations', {
        customer: { email: 'joana@example.pt', locale: 'pt-PT' },
        channel: 'email',
        language: 'pt',
        teamId: team.body.id,
        message: { text: 'Olá, preciso de ajuda com a minha fatura.', language: 'pt' },
      });
      expect(conv.status).toBe(201);
      const t = await until(async () => {
        const tr = await translationOf(conv.body.id, conv.body.messages[0].id);
        return tr?.status === 'translated' ? tr : undefined;
      });
      expect(t).toMatchObject({ language: 'es', sourceLanguage: 'pt', provider: 'apertium' });
      expect(t.text).toMatch(/ayuda/);
      const msgs = await api('GET', `/api/v1/conversations/${conv.body.id}/messages`);
      expect(msgs.body.data[0].translations.map((x: { language: string }) => x.language)).toEqual(['es']);
    },
  );

  it.skipIf(!available)('keeps the message, flags it untranslated while the engine is down, and retries in the background', async () => {
    const convs = await api('GET', '/api/v1/conversations?language=es');
    const conversationId = convs.body.data[0].id;
    proxy.set(false);
    const msg = await api('POST', `/api/v1/conversations/${conversationId}/messages`, {
      text: 'Por favor, respondan pronto.',
      language: 'es',
    });
    expect(msg.status).toBe(201);
    const failed = await until(async () => {
      const tr = await translationOf(conversationId, msg.body.id);
      return tr?.status === 'untranslated' ? tr : undefined;
    });
    expect(failed.flags).toEqual(['provider_unavailable']);
    expect(failed.text).toBeNull();
    proxy.set(true);
    const done = await until(async () => {
      const tr = await translationOf(conversationId, msg.body.id);
      return tr?.status === 'translated' ? tr : undefined;
    });
    expect(done.text).toMatch(/please/i);
    expect(done.attempts).toBeGreaterThanOrEqual(2);
  });
});
