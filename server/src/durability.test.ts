import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from './db/pglite.js';
import type { Queryable } from './db/types.js';
import { ENGINES, type TestDb } from './test/engines.js';
import { ensureBuilt, killSpawnedServers, runCliOk, spawnServer, type SpawnedServer } from './test/spawn-server.js';

/**
 * Acceptance item 5: the real server process is killed with SIGKILL while creates are in flight.
 * After a restart every create that was answered 201 exists exactly once, and a retry with the
 * same Idempotency-Key replays the original answer (or, for a create that never committed, runs now).
 */

const CONCURRENCY = 8;
const ACKS_BEFORE_KILL = 40;
const MAX_REQUESTS = 400;
// On a loaded machine the kill comes after this long even with fewer acknowledgements.
const STREAM_DEADLINE_MS = 20_000;
const MIN_ACKS = 10;
const REQUEST_TIMEOUT_MS = 10_000;

interface Attempt {
  i: number;
  key: string;
  subject: string;
  body: Record<string, unknown>;
  /** The 201 answer from before the kill, if one arrived. */
  acked?: { id: string; json: Record<string, unknown> };
  /** Any other HTTP answer from before the kill (none is expected). */
  unexpected?: { status: number; text: string };
  /** Connection error: the kill interrupted it (outcome unknown). */
  error?: string;
}

function post(base: string, token: string, a: Pick<Attempt, 'key' | 'body'>): Promise<Response> {
  return fetch(`${base}/api/v1/conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': a.key },
    body: JSON.stringify(a.body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
}

function errorText(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  return `${e.name}: ${e.message}${e.cause ? ` (${e.cause.code ?? e.cause.message ?? ''})` : ''}`;
}

/** Runs `fn` over `items` with at most `n` at once. */
async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

beforeAll(() => {
  ensureBuilt();
});

afterAll(async () => {
  await killSpawnedServers();
});

describe.each(ENGINES)('durability on $engine', (engine) => {
  let tdb: TestDb | undefined;
  let dataDir: string | undefined;

  afterAll(async () => {
    await killSpawnedServers();
    await tdb?.cleanup();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(!engine.available)(
    'every create answered 201 before a SIGKILL exists exactly once after restart; retries replay it',
    async () => {
      const t0 = Date.now();
      let target: string[];
      if (engine.engine === 'pglite') {
        dataDir = mkdtempSync(path.join(tmpdir(), 'meridian-durability-'));
        target = ['--data', dataDir];
      } else {
        tdb = await engine.create();
        target = ['--database-url', tdb.url!];
      }
      // Direct access to the database, for PGlite only while no server holds the directory.
      const withDb = async <T>(fn: (q: Queryable) => Promise<T>): Promise<T> => {
        if (tdb) return fn(tdb.db);
        const db = await openPglite(dataDir);
        try {
          return await fn(db);
        } finally {
          await db.close();
        }
      };

      await runCliOk(['demo', ...target]);
      const token = await runCliOk(['token', 'create', ...target, '--workspace', 'demo', '--role', 'admin', '--name', 'durability']);
      expect(token).toMatch(/\S{20,}/);
      const tSetup = Date.now();

      // ---- 1. a stream of creates, killed with SIGKILL while requests are in flight
      let server: SpawnedServer = await spawnServer(target);
      const run = randomBytes(4).toString('hex');
      const attempts: Attempt[] = [];
      let acks = 0;
      let inFlight = 0;
      let inFlightAtKill = -1;
      let killed: Promise<unknown> | undefined;
      const kill = () => {
        if (killed) return;
        inFlightAtKill = inFlight;
        killed = server.kill('SIGKILL');
      };
      const deadline = setTimeout(kill, STREAM_DEADLINE_MS);
      const base1 = server.url;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (!killed && attempts.length < MAX_REQUESTS) {
            const i = attempts.length;
            const subject = `durability ${run} #${i}`;
            const a: Attempt = {
              i,
              key: `dur-${run}-${i}`,
              subject,
              body: {
                customer: { email: `dur-${run}-${i}@example.com` },
                channel: 'email',
                subject,
                message: { text: `Request ${i} of a stream` },
              },
            };
            attempts.push(a);
            inFlight++;
            try {
              const res = await post(base1, token, a);
              const text = await res.text();
              if (res.status === 201) {
                const json = JSON.parse(text) as Record<string, unknown>;
                a.acked = { id: json.id as string, json };
                acks++;
              } else {
                a.unexpected = { status: res.status, text };
              }
            } catch (err) {
              a.error = errorText(err);
            } finally {
              inFlight--;
            }
            // Kill right after an answer, while the other workers' requests are still in flight.
            if (acks >= ACKS_BEFORE_KILL) kill();
          }
        }),
      );
      clearTimeout(deadline);
      kill();
      const exit = (await killed) as { signal: string | null };
      expect(exit.signal).toBe('SIGKILL');
      const tKill = Date.now();

      const acked = attempts.filter((a) => a.acked);
      const lost = attempts.filter((a) => a.error);
      expect(attempts.filter((a) => a.unexpected).map((a) => a.unexpected)).toEqual([]);
      expect(acked.length).toBeGreaterThanOrEqual(MIN_ACKS);
      expect(inFlightAtKill).toBeGreaterThan(0);
      // Every attempt either got its 201 or was cut off by the kill.
      expect(acked.length + lost.length).toBe(attempts.length);

      // ---- 2. restart on the same data: every acknowledged create is there, unchanged
      server = await spawnServer(target);
      const base2 = server.url;
      const auth = { authorization: `Bearer ${token}` };
      await pool(acked, CONCURRENCY, async (a) => {
        const res = await fetch(`${base2}/api/v1/conversations/${a.acked!.id}`, {
          headers: auth,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        expect(res.status, a.key).toBe(200);
        // Background work after commit (the acknowledgement, SLA clocks) may add a message and the SLA
        // state; what the 201 said about the conversation itself must hold.
        const drop = ({ messages: _m, sla: _s, messageCount: _c, lastMessageAt: _l, updatedAt: _u, ...rest }: Record<string, unknown>) =>
          rest;
        const stored = (await res.json()) as Record<string, unknown>;
        expect(drop(stored)).toEqual(drop(a.acked!.json));
        expect(stored.messageCount as number, a.key).toBeGreaterThanOrEqual(1);
      });

      // ---- 3. retry every attempt with its own key and body
      let replayedUnacked = 0;
      let createdNow = 0;
      const retried = new Map<string, string>();
      await pool(attempts, CONCURRENCY, async (a) => {
        const res = await post(base2, token, a);
        expect(res.status, a.key).toBe(201);
        const json = (await res.json()) as Record<string, unknown>;
        expect(json.subject).toBe(a.subject);
        if (a.acked) {
          expect(res.headers.get('idempotent-replayed'), a.key).toBe('true');
          expect(json).toEqual(a.acked.json);
        } else if (res.headers.get('idempotent-replayed') === 'true') {
          replayedUnacked++; // committed before the kill, answer lost on the way
        } else {
          createdNow++; // never committed: runs now
        }
        retried.set(a.key, json.id as string);
      });
      // A second retry of the formerly unknown ones now replays what the first retry settled.
      await pool(lost, CONCURRENCY, async (a) => {
        const res = await post(base2, token, a);
        expect(res.status).toBe(201);
        expect(res.headers.get('idempotent-replayed')).toBe('true');
        expect(((await res.json()) as { id: string }).id).toBe(retried.get(a.key));
      });

      // The same key with a different body is refused, for an acknowledged and an unknown attempt.
      for (const a of [acked[0]!, ...lost.slice(0, 1)]) {
        const res = await post(base2, token, { key: a.key, body: { ...a.body, subject: `${a.subject} (changed)` } });
        expect(res.status).toBe(422);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('idempotency_key_reused');
      }

      const stopped = await server.stop();
      expect(stopped.code, server.output()).toBe(0);
      const tRetry = Date.now();

      // ---- 4. the database itself: each subject exactly once, with its one message (the system's
      //         acknowledgement aside) and one key
      const rows = await withDb(async (q) => {
        const conv = await q.query<{ subject: string; id: string; n: number; messages: number }>(
          `SELECT c.subject, min(c.id::text) AS id, count(DISTINCT c.id)::int AS n, count(m.id)::int AS messages
             FROM conversations c LEFT JOIN messages m ON m.workspace_id = c.workspace_id AND m.conversation_id = c.id
                  AND m.author_type <> 'system'
            WHERE c.subject LIKE $1 GROUP BY c.subject`,
          [`durability ${run} #%`],
        );
        const keys = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key LIKE $1`, [`dur-${run}-%`]);
        return { conv: conv.rows, keys: keys.rows[0]!.n };
      });
      const bySubject = new Map(rows.conv.map((r) => [r.subject, r]));
      expect(bySubject.size).toBe(attempts.length);
      for (const a of attempts) {
        const r = bySubject.get(a.subject);
        expect(r, a.subject).toMatchObject({ n: 1, messages: 1, id: retried.get(a.key) });
        if (a.acked) expect(r!.id).toBe(a.acked.id);
      }
      expect(rows.keys).toBe(attempts.length);

      console.info(
        `[durability ${engine.engine}] ${attempts.length} creates sent, ${acked.length} acknowledged before SIGKILL, ` +
          `${inFlightAtKill} in flight at the kill, ${lost.length} cut off (${replayedUnacked} had committed, ${createdNow} had not); ` +
          `setup ${tSetup - t0} ms, stream ${tKill - tSetup} ms, restart+retries ${tRetry - tKill} ms, check ${Date.now() - tRetry} ms`,
      );
    },
    90_000,
  );
});
