import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent, outboxBacklog, type EventRow } from '../events/events.repo.js';
import { fixedClock } from '../lib/clock.js';
import { ENGINES, type TestDb } from '../test/engines.js';
import { OutboxProcessor } from './outbox-processor.js';

const WS = '0190a0a0-0000-7000-8000-0000000000aa';

describe.each(ENGINES)('outbox processor on $engine', (engine) => {
  let tdb: TestDb;
  const clock = fixedClock('2026-03-29T00:30:00Z');
  const seen: EventRow[] = [];
  let outbox: OutboxProcessor;

  beforeAll(async () => {
    if (!engine.available) return;
    tdb = await engine.create();
    await tdb.db.query(`INSERT INTO workspaces (id, slug, name, created_at, updated_at) VALUES ($1, 'outbox', 'Outbox', $2, $2)`, [
      WS,
      clock(),
    ]);
    outbox = new OutboxProcessor(tdb.db, clock, [(ev) => void seen.push(ev)], { batch: 3 });
  });
  afterAll(async () => {
    await outbox?.stop();
    await tdb?.cleanup();
  });

  const drainUntil = async (pred: () => boolean) => {
    for (let i = 0; i < 150 && !pred(); i++) {
      await outbox.drain();
      if (!pred()) await new Promise((r) => setTimeout(r, 100));
    }
  };

  it.skipIf(!engine.available)('delivers every committed event once, in order, across batches', async () => {
    for (let i = 0; i < 7; i++) {
      await tdb.db.transaction((tx) => appendEvent(tx, WS, { type: 'test.event', payload: { i } }, clock()));
    }
    await drainUntil(() => seen.length >= 7);
    expect(seen.map((e) => e.payload.i)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    await outbox.drain();
    expect(seen).toHaveLength(7);
    expect(await outboxBacklog(tdb.db, 'default')).toBe(0);
  });

  it.skipIf(!engine.available)('redelivers a batch whose handler failed', async () => {
    let fail = true;
    const got: unknown[] = [];
    const flaky = new OutboxProcessor(tdb.db, clock, [
      (ev) => {
        if (fail) throw new Error('handler down');
        got.push(ev.payload.n);
      },
    ]);
    await tdb.db.transaction((tx) => appendEvent(tx, WS, { type: 'test.flaky', payload: { n: 1 } }, clock()));
    await expect(flaky.drain()).rejects.toThrow('handler down');
    fail = false;
    for (let i = 0; i < 150 && got.length === 0; i++) {
      await flaky.drain();
      if (got.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(got).toEqual([1]);
    seen.length = 0;
    await outbox.drain(); // the main processor shares the cursor, which is already past the event
    expect(seen).toHaveLength(0);
  });

  // Only PostgreSQL has concurrent transactions: a slow one must never land behind the cursor.
  it.skipIf(engine.engine !== 'postgres' || !engine.available)(
    'holds back events of a later transaction until an earlier one commits',
    async () => {
      seen.length = 0;
      const slow = new pg.Client({ connectionString: tdb.url });
      await slow.connect();
      try {
        await slow.query('BEGIN');
        await slow.query(`INSERT INTO events (workspace_id, type, payload, created_at) VALUES ($1, 'test.slow', '{}', now())`, [WS]);
        await tdb.db.transaction((tx) => appendEvent(tx, WS, { type: 'test.fast', payload: {} }, clock()));
        await outbox.drain();
        expect(seen.map((e) => e.type)).toEqual([]);
        await slow.query('COMMIT');
        await drainUntil(() => seen.length >= 2);
        expect(seen.map((e) => e.type)).toEqual(['test.slow', 'test.fast']);
      } finally {
        await slow.end();
      }
    },
  );
});
