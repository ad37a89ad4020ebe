import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgBoss } from 'pg-boss';
import { ENGINES } from '../test/engines.js';
import type { TestDb } from '../test/engines.js';
import { fixedClock } from '../lib/clock.js';
import { startBoss } from './boss.js';
import { IDEMPOTENCY_TTL_MS, PURGE_QUEUE, registerMaintenance, VACUUM_QUEUE } from './maintenance.js';

async function waitFor<T>(fn: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(ENGINES)('pg-boss jobs on $engine', (engine) => {
  let tdb: TestDb;
  let boss: PgBoss;
  const clock = fixedClock('2026-06-01T00:00:00Z');

  beforeAll(async () => {
    if (!engine.available) return;
    tdb = await engine.create();
    boss = await startBoss(tdb.db, tdb.url, (err) => {
      throw err;
    });
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, timeout: 2000 });
    await tdb?.cleanup();
  });

  it.skipIf(!engine.available)('sends, works and retries a job', async () => {
    await boss.createQueue('test-retry', { retryLimit: 2, retryDelay: 0 });
    let attempts = 0;
    const done = new Promise<string>((resolve) => {
      void boss.work<{ text: string }>('test-retry', { pollingIntervalSeconds: 0.5 }, async ([job]) => {
        attempts++;
        if (attempts === 1) throw new Error('first attempt fails');
        resolve(job!.data.text);
      });
    });
    await boss.send('test-retry', { text: 'olá' });
    expect(await done).toBe('olá');
    expect(attempts).toBe(2);
  });

  it.skipIf(!engine.available)('runs the maintenance jobs: purge of old idempotency keys, and VACUUM on PGlite', async () => {
    await registerMaintenance(boss, tdb.db, clock);
    const ws = '0190a0a0-0000-7000-8000-000000000001';
    await tdb.db.query(`INSERT INTO workspaces (id, slug, name, created_at, updated_at) VALUES ($1, 'boss', 'Boss', now(), now())`, [ws]);
    const old = new Date(clock().getTime() - IDEMPOTENCY_TTL_MS - 1000);
    for (const [key, at] of [
      ['old', old],
      ['fresh', clock()],
    ] as const) {
      await tdb.db.query(
        `INSERT INTO idempotency_keys (workspace_id, principal, key, method, path, request_hash, status_code, response, created_at)
         VALUES ($1, 'token:x', $2, 'POST', '/x', 'h', 201, '{}', $3)`,
        [ws, key, at],
      );
    }
    const purgeId = await boss.send(PURGE_QUEUE, {});
    await waitFor(async () => ((await boss.getJobById(PURGE_QUEUE, purgeId!))?.state === 'completed' ? true : undefined));
    const { rows } = await tdb.db.query<{ key: string }>('SELECT key FROM idempotency_keys WHERE workspace_id = $1', [ws]);
    expect(rows.map((r) => r.key)).toEqual(['fresh']);

    const schedules = (await boss.getSchedules()).map((s) => s.name);
    expect(schedules).toContain(PURGE_QUEUE);
    if (engine.engine === 'pglite') {
      expect(schedules).toContain(VACUUM_QUEUE);
      const id = await boss.send(VACUUM_QUEUE, {});
      const job = await waitFor(async () => {
        const j = await boss.getJobById(VACUUM_QUEUE, id!);
        return j?.state === 'completed' || j?.state === 'failed' ? j : undefined;
      });
      expect(job.state).toBe('completed');
    } else {
      expect(schedules).not.toContain(VACUUM_QUEUE);
    }
  });
});
