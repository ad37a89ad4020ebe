import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { outboxBacklog } from '../events/events.repo.js';
import { createRuntime } from '../runtime.js';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';

type Frame = { type: string; subjectId?: string; payload?: Record<string, unknown> };

/** Connects and collects frames; resolves `until` when a frame matches. */
function connect(url: string, token: string | null) {
  const ws = new WebSocket(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  const frames: Frame[] = [];
  const waiters: { pred: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  ws.on('message', (data) => {
    const f = JSON.parse(String(data)) as Frame;
    frames.push(f);
    for (const w of [...waiters])
      if (w.pred(f)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(f);
      }
  });
  const until = (pred: (f: Frame) => boolean, ms = 15_000) =>
    new Promise<Frame>((resolve, reject) => {
      const hit = frames.find(pred);
      if (hit) return resolve(hit);
      const t = setTimeout(() => reject(new Error(`no matching frame in ${ms} ms; got ${JSON.stringify(frames)}`)), ms);
      waiters.push({
        pred,
        resolve: (f) => {
          clearTimeout(t);
          resolve(f);
        },
      });
    });
  return { ws, frames, until };
}

describe.each(ENGINES)('realtime stream on $engine', (engine) => {
  let h: Harness;
  let a: TestWorkspace;
  let b: TestWorkspace;
  let base: string;
  let runtime: ReturnType<typeof createRuntime>;

  beforeAll(async () => {
    if (!engine.available) return;
    let rt: ReturnType<typeof createRuntime> | undefined;
    h = await startHarness(engine, {
      onCommit: () => rt!.deps.onCommit(),
      subscribe: (ws, fn) => rt!.deps.subscribe!(ws, fn),
    });
    // As in the server: kicked after each commit, and polling for events a transaction
    // elsewhere on the PostgreSQL server held back (pg_snapshot_xmin).
    runtime = rt = createRuntime(
      h.db,
      h.clock,
      (err) => {
        throw err;
      },
      { pollMs: 100 },
    );
    runtime.outbox.start();
    a = await makeWorkspace(h);
    b = await makeWorkspace(h);
    base = (await h.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
  });
  afterAll(async () => {
    await runtime?.outbox.stop();
    await h?.close();
  });

  it.skipIf(!engine.available)('delivers committed events of the caller’s workspace only, after commit', async () => {
    // Workspace set-up events were written before anyone listened: let them all go out first.
    // A transaction elsewhere on the PostgreSQL server can hold them back briefly (pg_snapshot_xmin).
    for (let i = 0; i < 150 && (await outboxBacklog(h.db, 'default')) > 0; i++) {
      await runtime.outbox.drain();
      await new Promise((r) => setTimeout(r, 100));
    }
    const sa = connect(`${base}/api/v1/stream`, a.token);
    const sb = connect(`${base}/api/v1/stream`, b.token);
    await sa.until((f) => f.type === 'hello');
    await sb.until((f) => f.type === 'hello');

    const created = (
      await call(h, a.token, 'POST', '/api/v1/conversations', {
        customer: { email: 'rt@example.fr' },
        channel: 'chat',
        message: { text: 'Bonjour' },
      })
    ).json();
    const ev = await sa.until((f) => f.type === 'conversation.created');
    expect(ev.subjectId).toBe(created.id);
    await call(h, a.token, 'PATCH', `/api/v1/conversations/${created.id}`, { status: 'open' });
    const upd = await sa.until((f) => f.type === 'conversation.updated');
    expect(upd.payload).toMatchObject({ conversationId: created.id, changed: ['status'] });
    await call(h, a.token, 'POST', `/api/v1/conversations/${created.id}/messages`, { direction: 'outbound', text: 'Bonjour !' });
    await sa.until((f) => f.type === 'message.created' && f.payload?.conversationId === created.id);

    // B saw its hello and nothing of A's.
    expect(sb.frames.map((f) => f.type)).toEqual(['hello']);
    // A rolled-back create emits nothing.
    const before = sa.frames.length;
    const bad = await call(h, a.token, 'POST', '/api/v1/conversations', {
      customer: { email: 'x@example.fr' },
      channel: 'chat',
      teamId: '0190a0a0-0000-7000-8000-000000000000',
      message: { text: 'x' },
    });
    expect(bad.statusCode).toBe(404);
    await runtime.outbox.drain();
    expect(sa.frames.length).toBe(before);
    sa.ws.close();
    sb.ws.close();
  });

  it.skipIf(!engine.available)('refuses an unauthenticated upgrade and answers 426 to plain GET', async () => {
    const anon = new WebSocket(`${base}/api/v1/stream`);
    const status = await new Promise<number>((resolve) => {
      anon.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      anon.on('open', () => resolve(101));
    });
    expect(status).toBe(401);
    const plain = await call(h, a.token, 'GET', '/api/v1/stream');
    expect(plain.statusCode).toBe(426);
    expect(plain.json().error.code).toBe('upgrade_required');
  });

  it.skipIf(!engine.available)('moves the outbox cursor past delivered events so a restart does not replay them', async () => {
    // A transaction in another database of the same server can briefly hold the snapshot xmin back.
    let backlog = -1;
    for (let i = 0; i < 150 && backlog !== 0; i++) {
      await runtime.outbox.drain();
      backlog = await outboxBacklog(h.db, 'default');
      if (backlog) await new Promise((r) => setTimeout(r, 100));
    }
    expect(backlog).toBe(0);
    const { rows } = await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    expect(rows[0]!.n).toBeGreaterThan(5);
  });
});
