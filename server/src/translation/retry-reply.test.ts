import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createToken } from '../auth/create-token.js';
import { loadConfig } from '../config.js';
import type { Db } from '../db/types.js';
import type { EventRow } from '../events/events.repo.js';
import type { Deps } from '../http/deps.js';
import { retryFailedReplies, runTranslateReply, TRANSLATE_REPLY_QUEUE } from '../jobs/translate-reply.job.js';
import { fixedClock } from '../lib/clock.js';
import { startServer, type Running } from '../server.js';
import { ENGINES, type TestDb } from '../test/engines.js';
import { call, makeWorkspace, startHarness, T0, type Harness, type TestWorkspace } from '../test/harness.js';
import { createWorkspace } from '../workspaces/create-workspace.js';
import { ApertiumProvider } from './providers/apertium.js';
import { replayServer, type Reply } from './providers/replay.test-support.js';
import { Translator } from './translator.js';

const EN_ES: Record<string, string> = {
  'Hello Lucía, your package will arrive tomorrow.': 'Hola Lucía, tu paquete llegará mañana.',
  'We will refund the full amount this week.': 'Reembolsaremos el importe completo esta semana.',
  'Your order ships on Monday.': 'Tu pedido se envía el lunes.',
  'Thanks for your patience.': 'Gracias por tu paciencia.',
};
const ES_EN = Object.fromEntries(Object.entries(EN_ES).map(([en, es]) => [es, en]));

type Mode = 'up' | '503' | 'hang' | 'garbage' | 'unsupported';

/**
 * A local engine speaking Apertium APy's format on 127.0.0.1 that can fail on demand: 503, an
 * answer slower than the provider's timeout, a 200 that is not JSON, a pair it does not have.
 */
async function flakyEngine() {
  const engine = { mode: '503' as Mode };
  const srv = await replayServer((r): Reply => {
    switch (engine.mode) {
      case '503':
        return { status: 503, body: {} };
      case 'hang':
        return { body: {}, delayMs: 1500 };
      case 'garbage':
        return { text: '<html><body>502 Bad Gateway</body></html>' };
      case 'unsupported':
        return { status: 400, body: { status: 'error', code: 400, message: 'Bad Request', explanation: 'That pair is not installed' } };
      case 'up':
        break;
    }
    if (r.path === '/listPairs') {
      return {
        body: {
          responseData: [
            { sourceLanguage: 'eng', targetLanguage: 'spa' },
            { sourceLanguage: 'spa', targetLanguage: 'eng' },
          ],
        },
      };
    }
    const form = new URLSearchParams(r.raw);
    const q = form.get('q') ?? '';
    const dict = form.get('langpair') === 'eng|spa' ? EN_ES : ES_EN;
    return { body: { responseData: { translatedText: dict[q] ?? q }, responseStatus: 200 } };
  });
  return Object.assign(engine, srv);
}

/** A Spanish-speaking customer writes first; the replies go to her. */
const CONVERSATION = {
  customer: { email: 'mateo@example.mx', locale: 'es-MX' },
  channel: 'chat',
  language: 'es',
  message: { text: '¿Cuándo llega mi pedido?', language: 'es' },
};

const eventTypes = async (db: Db, workspaceId: string, messageId: string) =>
  (
    await db.query<{ type: string }>(`SELECT type FROM events WHERE workspace_id = $1 AND subject_id = $2 ORDER BY id`, [
      workspaceId,
      messageId,
    ])
  ).rows.map((r) => r.type);

describe.each(ENGINES)('replies whose translation failed are retried, on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let fake: Awaited<ReturnType<typeof flakyEngine>>;
  let translator: Translator;
  let conversationId: string;
  let madrid: string;

  const reply = async (text: string) => {
    const res = await call(h, ws.token, 'POST', `/api/v1/conversations/${conversationId}/messages`, {
      direction: 'outbound',
      text,
      language: 'en',
      translateTo: 'es',
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  const show = async (id: string) =>
    (await call(h, ws.token, 'GET', `/api/v1/conversations/${conversationId}/messages`))
      .json()
      .data.find((m: { id: string }) => m.id === id);
  const events = (id: string) => eventTypes(h.db, ws.id, id);
  const run = (id: string) => runTranslateReply({ db: h.db, translator, clock: h.clock }, { workspaceId: ws.id, messageId: id });
  const lastEvent = async (id: string) =>
    (
      await h.db.query<EventRow>(
        `SELECT id, workspace_id AS "workspaceId", type, subject_id AS "subjectId", payload, created_at AS "createdAt"
           FROM events WHERE workspace_id = $1 AND subject_id = $2 ORDER BY id DESC LIMIT 1`,
        [ws.id, id],
      )
    ).rows[0]!;
  /** What the outbox handler would queue for an event: the job, or nothing. */
  const queued = async (ev: EventRow) => {
    const send = vi.fn(async () => 'job-id');
    await retryFailedReplies(() => ({ send }) as unknown as PgBoss)(ev, h.db);
    return send.mock.calls as unknown[][];
  };

  beforeAll(async () => {
    if (!engine.available) return;
    fake = await flakyEngine();
    // The harness spreads its overrides after creating the database: the translator can use it.
    const overrides: Partial<Deps> = {};
    h = await startHarness(
      {
        ...engine,
        create: async () => {
          const tdb = await engine.create();
          translator = new Translator(tdb.db, new ApertiumProvider(fake.url, { timeoutMs: 300 }), fixedClock(T0));
          overrides.translator = translator;
          return tdb;
        },
      },
      overrides,
    );
    ws = await makeWorkspace(h);
    const password = 'correct horse battery staple';
    const languages = [{ tag: 'es', proficiency: 'native' }];
    expect(
      (await call(h, ws.token, 'POST', '/api/v1/agents', { email: 'madrid@example.com', name: 'Madrid', password, languages })).statusCode,
    ).toBe(201);
    const login = await call(h, null, 'POST', '/api/v1/auth/login', { workspace: ws.slug, email: 'madrid@example.com', password });
    madrid = String(login.headers['set-cookie']).split(';')[0]!;
    conversationId = (await call(h, ws.token, 'POST', '/api/v1/conversations', CONVERSATION)).json().id;
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  it.skipIf(!engine.available)(
    'holds a reply the engine failed, keeps retrying while it fails, and delivers it once the engine answers',
    async () => {
      fake.mode = '503';
      const m = await reply('Hello Lucía, your package will arrive tomorrow.');
      expect(m.review).toMatchObject({ status: 'awaiting_review', language: 'es', reasons: [{ category: 'translation_failed' }] });
      expect(m.translations[0]).toMatchObject({
        language: 'es',
        status: 'untranslated',
        delivered: false,
        flags: ['provider_unavailable'],
      });
      expect(await events(m.id)).toEqual(['message.created', 'message.review_requested']);
      // The outbox hands this hold to the retry queue, in the drain's transaction.
      const calls = await queued(await lastEvent(m.id));
      expect(calls).toHaveLength(1);
      expect(calls[0]!.slice(0, 2)).toEqual([TRANSLATE_REPLY_QUEUE, { workspaceId: ws.id, messageId: m.id }]);
      expect(calls[0]![2]).toMatchObject({ singletonKey: m.id, db: { executeSql: expect.any(Function) } });

      // Down, slow, garbage: each run stores the attempt, keeps the reply held and throws for pg-boss to retry.
      for (const [mode, flag] of [
        ['503', 'provider_unavailable'],
        ['hang', 'provider_timeout'],
        ['garbage', 'provider_bad_response'],
      ] as const) {
        fake.mode = mode;
        await expect(run(m.id)).rejects.toThrow(/will retry/);
        const now = await show(m.id);
        expect(now.translations[0]).toMatchObject({ status: 'untranslated', flags: [flag], text: null, delivered: false });
        expect(now.review.status).toBe('awaiting_review');
      }
      expect((await show(m.id)).translations[0].attempts).toBe(4);
      expect(await events(m.id)).toEqual(['message.created', 'message.review_requested']);

      fake.mode = 'up';
      h.clock.advance(60_000);
      expect(await run(m.id)).toEqual({ status: 'ready' });
      const done = await show(m.id);
      expect(done.text).toBe('Hello Lucía, your package will arrive tomorrow.');
      expect(done.translations).toHaveLength(1);
      expect(done.translations[0]).toMatchObject({
        language: 'es',
        sourceLanguage: 'en',
        status: 'translated',
        text: 'Hola Lucía, tu paquete llegará mañana.',
        backText: 'Hello Lucía, your package will arrive tomorrow.',
        delivered: true,
        provider: 'apertium',
        attempts: 5,
      });
      // Released by the retry, not by a person; the reasons stay as the record of why it waited.
      expect(done.review).toMatchObject({
        status: 'approved',
        reviewedBy: null,
        reviewedAt: h.clock().toISOString(),
        reasons: [{ category: 'translation_failed' }],
      });
      expect(await events(m.id)).toEqual(['message.created', 'message.review_requested', 'message.outbound_ready']);
      expect((await lastEvent(m.id)).payload).toEqual({ conversationId, messageId: m.id, language: 'es', text: 'translation' });
      const audit = await h.db.query(
        `SELECT actor_type, actor_id, action, data FROM audit_log WHERE workspace_id = $1 AND target_id = $2`,
        [ws.id, m.id],
      );
      expect(audit.rows).toEqual([
        { actor_type: 'system', actor_id: null, action: 'message.translation_retried', data: { language: 'es', held: false } },
      ]);

      // A second run (a duplicate job, a redelivered event) finds nothing waiting: no engine call, no write.
      const requests = fake.received.length;
      expect(await run(m.id)).toEqual({ status: 'skipped' });
      expect(fake.received.length).toBe(requests);
      expect(await show(m.id)).toEqual(done);
      expect(await events(m.id)).toEqual(['message.created', 'message.review_requested', 'message.outbound_ready']);
    },
  );

  it.skipIf(!engine.available)(
    'keeps a critical reply held for a fluent approver after its retry, and a job after the approval does nothing',
    async () => {
      fake.mode = '503';
      const m = await reply('We will refund the full amount this week.');
      expect(m.review.reasons).toEqual([{ category: 'translation_failed', flags: ['provider_unavailable'] }]);
      // Nothing to vouch for yet: approval needs a translation.
      const early = await call(h, null, 'POST', `/api/v1/messages/${m.id}/approve`, undefined, { cookie: madrid });
      expect([early.statusCode, early.json().error.code]).toEqual([409, 'conflict']);

      fake.mode = 'up';
      const r = await run(m.id);
      expect(r.status).toBe('held');
      const held = await show(m.id);
      expect(held.translations[0]).toMatchObject({
        status: 'translated',
        text: 'Reembolsaremos el importe completo esta semana.',
        backText: 'We will refund the full amount this week.',
        delivered: true,
      });
      expect(held.review.status).toBe('awaiting_review');
      expect(new Set(held.review.reasons.map((x: { category: string }) => x.category))).toEqual(new Set(['refund']));
      expect(await events(m.id)).toEqual(['message.created', 'message.review_requested', 'message.review_requested']);
      // The new hold is for a person, not for the retry queue.
      expect(await queued(await lastEvent(m.id))).toEqual([]);

      const approved = await call(h, null, 'POST', `/api/v1/messages/${m.id}/approve`, undefined, { cookie: madrid });
      expect(approved.statusCode).toBe(200);
      const after = await show(m.id);
      expect(after.review.reviewedBy).toBeTruthy();

      expect(await run(m.id)).toEqual({ status: 'skipped' });
      expect(await show(m.id)).toEqual(after);
      expect(await events(m.id)).toEqual([
        'message.created',
        'message.review_requested',
        'message.review_requested',
        'message.outbound_ready',
      ]);
    },
  );

  it.skipIf(!engine.available)('stops retrying when the engine cannot do the pair, and leaves the reply held for a person', async () => {
    fake.mode = '503';
    const m = await reply('Your order ships on Monday.');
    fake.mode = 'unsupported';
    // Not worth another try: the job completes instead of throwing.
    expect(await run(m.id)).toEqual({ status: 'failed', retry: false, flags: ['unsupported_pair'] });
    const now = await show(m.id);
    expect(now.review.status).toBe('awaiting_review');
    expect(now.translations[0]).toMatchObject({ status: 'untranslated', flags: ['unsupported_pair'] });
    fake.mode = 'up';
    expect(await run(m.id)).toEqual({ status: 'skipped' });
    expect(await events(m.id)).toEqual(['message.created', 'message.review_requested']);
  });

  it.skipIf(!engine.available)('sends a reply translated at the first attempt at once, with nothing to retry', async () => {
    fake.mode = 'up';
    const m = await reply('Thanks for your patience.');
    expect(m.review).toBeNull();
    expect(m.translations[0]).toMatchObject({ status: 'translated', text: 'Gracias por tu paciencia.', delivered: true, attempts: 1 });
    expect(await events(m.id)).toEqual(['message.created', 'message.outbound_ready']);
    expect(await queued(await lastEvent(m.id))).toEqual([]);
    expect(await run(m.id)).toEqual({ status: 'skipped' });
  });

  it.skipIf(!engine.available)('queues nothing for other holds and events', async () => {
    const ev = (type: string, payload: Record<string, unknown>): EventRow => ({
      id: 1,
      workspaceId: ws.id,
      type,
      subjectId: 'm',
      payload: { messageId: 'm', ...payload },
      createdAt: new Date(T0),
    });
    for (const flags of [['no_provider'], ['unsupported_pair']]) {
      expect(await queued(ev('message.review_requested', { reasons: [{ category: 'translation_failed', flags }] }))).toEqual([]);
    }
    expect(await queued(ev('message.review_requested', { reasons: [{ category: 'legal', term: 'lawyer', language: 'en' }] }))).toEqual([]);
    expect(await queued(ev('message.created', { reasons: [{ category: 'translation_failed', flags: ['provider_timeout'] }] }))).toEqual([]);
    expect(
      await queued(ev('message.review_requested', { reasons: [{ category: 'translation_failed', flags: ['provider_timeout'] }] })),
    ).toHaveLength(1);
  });
});

describe.each(ENGINES)('the translate-reply queue retries through pg-boss, on $engine', (engine) => {
  let dir: string;
  let tdb: TestDb | undefined;
  let fake: Awaited<ReturnType<typeof flakyEngine>>;
  let server: Running;
  let token: string;
  let workspaceId: string;

  // Requests go through the running server's app (its onCommit kicks the real outbox).
  const api = (method: 'GET' | 'POST', url: string, body?: unknown) => call({ app: server.app } as Harness, token, method, url, body);

  beforeAll(async () => {
    if (!engine.available) return;
    dir = mkdtempSync(path.join(os.tmpdir(), 'meridian-retry-'));
    fake = await flakyEngine();
    if (engine.engine === 'postgres') tdb = await engine.create();
    const flags = tdb ? { databaseUrl: tdb.url! } : { data: path.join(dir, 'data') };
    server = await startServer(
      { ...loadConfig({ ...flags, port: '0', smtpPort: '0' }, { MERIDIAN_APERTIUM_URL: fake.url }), logLevel: 'silent' },
      {
        clock: fixedClock(T0),
        translateRetrySeconds: 1,
        beforeListen: async (db) => {
          const ws = await db.transaction((tx) => createWorkspace(tx, { slug: 'retry', name: 'Retry' }, new Date(T0)));
          workspaceId = ws.id;
          token = (await db.transaction((tx) => createToken(tx, ws.id, { name: 'retry', role: 'admin' }, new Date(T0)))).secret;
        },
      },
    );
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
    await tdb?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!engine.available)('a reply held while the engine is down goes out once it is back, exactly once', async () => {
    fake.mode = '503';
    const conversationId = (await api('POST', '/api/v1/conversations', CONVERSATION)).json().id;
    const posted = await api('POST', `/api/v1/conversations/${conversationId}/messages`, {
      direction: 'outbound',
      text: 'Hello Lucía, your package will arrive tomorrow.',
      language: 'en',
      translateTo: 'es',
    });
    expect(posted.statusCode).toBe(201);
    const { id, review } = posted.json();
    expect(review).toMatchObject({ status: 'awaiting_review', reasons: [{ category: 'translation_failed' }] });
    const show = async () =>
      (await api('GET', `/api/v1/conversations/${conversationId}/messages`)).json().data.find((m: { id: string }) => m.id === id);
    const poll = { timeout: 30_000, interval: 200 };

    // The job has run and failed at least once while the engine was down.
    await vi.waitUntil(async () => (await show()).translations[0].attempts >= 2, poll);
    expect((await show()).review.status).toBe('awaiting_review');
    fake.mode = 'up';
    await vi.waitUntil(async () => (await show()).review.status === 'approved', poll);
    expect((await show()).translations[0]).toMatchObject({
      status: 'translated',
      text: 'Hola Lucía, tu paquete llegará mañana.',
      backText: 'Hello Lucía, your package will arrive tomorrow.',
      delivered: true,
    });
    expect(await eventTypes(server.db, workspaceId, id)).toEqual(['message.created', 'message.review_requested', 'message.outbound_ready']);
  });
});
