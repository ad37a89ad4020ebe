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

  // On PostgreSQL a transaction running anywhere in the cluster (another test file's) holds events back for a moment.
  const drainUntil = async (pred: () => boolean, p: OutboxProcessor = outbox) => {
    for (let i = 0; i < 150 && !pred(); i++) {
      await p.drain();
      if (!pred()) await new Promise((r) => setTimeout(r, 100));
    }
  };
  /** Live tails look again by themselves while an event is held back. */
  const liveUntil = async (pred: () => boolean) => {
    for (let i = 0; i < 300 && !pred(); i++) await new Promise((r) => setTimeout(r, 20));
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

  it.skipIf(engine.engine !== 'postgres' || !engine.available)(
    'holds live handlers back behind an earlier running transaction, then looks again by itself',
    async () => {
      const got: string[] = [];
      const p = new OutboxProcessor(tdb.db, clock, [], {
        live: [(ev) => void (ev.type.startsWith('test.live-') && got.push(ev.type))],
      });
      await p.drain();
      const slow = new pg.Client({ connectionString: tdb.url });
      await slow.connect();
      try {
        await slow.query('BEGIN');
        await slow.query(`INSERT INTO events (workspace_id, type, payload, created_at) VALUES ($1, 'test.live-slow', '{}', now())`, [WS]);
        await tdb.db.transaction((tx) => appendEvent(tx, WS, { type: 'test.live-fast', payload: {} }, clock()));
        await p.drain();
        expect(got).toEqual([]);
        await slow.query('COMMIT');
        // No kick after the commit: the tail's own retry finds both, in commit-safe order.
        for (let i = 0; i < 100 && got.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
        expect(got).toEqual(['test.live-slow', 'test.live-fast']);
      } finally {
        await slow.end();
        await p.stop();
      }
    },
  );

  it.skipIf(!engine.available)(
    'feeds live handlers once per event even when a durable handler fails and its batch runs again',
    async () => {
      let fail = true;
      const live: unknown[] = [];
      const durable: unknown[] = [];
      const p = new OutboxProcessor(
        tdb.db,
        clock,
        [
          (ev) => {
            if (ev.type !== 'test.live') return;
            if (fail) throw new Error('handler down');
            durable.push(ev.payload.n);
          },
        ],
        { live: [(ev) => void (ev.type === 'test.live' && live.push(ev.payload.n))] },
      );
      await tdb.db.transaction((tx) => appendEvent(tx, WS, { type: 'test.live', payload: { n: 1 } }, clock()));
      await liveUntil(() => live.length >= 1);
      // The durable batch fails twice (and is rolled back twice); the live handler has seen the event once.
      let failures = 0;
      for (let i = 0; i < 150 && failures < 2; i++) {
        await p.drain().then(
          () => new Promise((r) => setTimeout(r, 50)),
          (err: Error) => void (err.message === 'handler down' && failures++),
        );
      }
      expect(failures).toBe(2);
      expect(live).toEqual([1]);
      fail = false;
      await drainUntil(() => durable.length >= 1, p);
      expect(durable).toEqual([1]);
      await tdb.db.transaction((tx) => appendEvent(tx, WS, { type: 'test.live', payload: { n: 2 } }, clock()));
      await liveUntil(() => live.length >= 2);
      await drainUntil(() => durable.length >= 2, p);
      expect(live).toEqual([1, 2]);
      expect(durable).toEqual([1, 2]);
      await p.stop();
    },
  );

  it.skipIf(!engine.available)('tails every event in each process, while the durable cursor is drained by one', async () => {
    const a: unknown[] = [];
    const b: unknown[] = [];
    const only = (to: unknown[]) => (ev: EventRow) => void (ev.type === 'test.procs' && to.push(ev.payload.n));
    const pa = new OutboxProcessor(tdb.db, clock, [], { live: [only(a)] });
    const pb = new OutboxProcessor(tdb.db, clock, [], { live: [only(b)] });
    await pa.drain();
    await pb.drain();
    for (let n = 1; n <= 3; n++) await tdb.db.transaction((tx) => appendEvent(tx, WS, { type: 'test.procs', payload: { n } }, clock()));
    // Process a drains the durable cursor past the events first; b's live tail still sees them.
    await drainUntil(() => a.length >= 3, pa);
    await drainUntil(() => b.length >= 3, pb);
    expect(a).toEqual([1, 2, 3]);
    expect(b).toEqual([1, 2, 3]);
    await pa.drain();
    await pb.drain();
    expect([a.length, b.length]).toEqual([3, 3]);
    await Promise.all([pa.stop(), pb.stop()]);
  });

  it.skipIf(!engine.available)('kicks deliver to live handlers without a drain call', async () => {
    const got: unknown[] = [];
    const p = new OutboxProcessor(tdb.db, clock, [], { live: [(ev) => void (ev.type === 'test.kick' && got.push(ev.payload.n))] });
    await p.drain();
    await tdb.db.transaction((tx) => appendEvent(tx, WS, { type: 'test.kick', payload: { n: 7 } }, clock()));
    p.kick();
    for (let i = 0; i < 100 && got.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(got).toEqual([7]);
    await p.stop();
  });
});
