/**
 * Acceptance 3: SLA events are recorded exactly once, whether the evaluator runs twice, two run at
 * once, or one throws halfway through a batch and the next run picks up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxBacklog } from '../events/events.repo.js';
import { ENGINES } from '../test/engines.js';
import { makeWorkspace, startHarness, type Harness } from '../test/harness.js';
import { slaFixture, type SlaFixture } from '../test/sla-fixture.js';
import { applySlaInput } from './apply.js';
import { evaluateSla } from './evaluate.js';

const N = 8;
const HOUR = 3600_000;

describe.each(ENGINES)('SLA events exactly once on $engine', (engine) => {
  let h: Harness;

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
  });
  afterAll(async () => h?.close());

  /** A workspace with N conversations whose first reply (60 calendar minutes) is an hour overdue. */
  async function overdue(): Promise<{ workspaceId: string; f: SlaFixture; ids: string[] }> {
    const ws = await makeWorkspace(h);
    const f = await slaFixture(h, ws);
    await f.post('/api/v1/sla/policies', {
      name: 'Standard',
      default: true,
      targets: { firstReply: { minutes: 60, time: 'calendar' } },
      escalation: { raisePriority: true },
    });
    const ids: string[] = [];
    for (let i = 0; i < N; i++) {
      const c = await f.post('/api/v1/conversations', { customer: { id: f.customerId }, channel: 'chat', message: { text: `help ${i}` } });
      ids.push(c.id);
    }
    await f.drain();
    h.clock.advance(2 * HOUR);
    return { workspaceId: ws.id, f, ids };
  }

  async function tally(workspaceId: string) {
    const q = async (sql: string) => (await h.db.query<{ k: string; n: number }>(sql, [workspaceId])).rows;
    const counts = (rows: { k: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.k, r.n]));
    return {
      ledger: counts(await q(`SELECT kind AS k, count(*)::int AS n FROM sla_events WHERE workspace_id = $1 GROUP BY kind`)),
      events: counts(
        await q(`SELECT type AS k, count(*)::int AS n FROM events WHERE workspace_id = $1 AND type LIKE 'sla.%' GROUP BY type`),
      ),
      // Raised once: high. Raised twice would be urgent.
      priorities: counts(await q(`SELECT priority AS k, count(*)::int AS n FROM conversations WHERE workspace_id = $1 GROUP BY priority`)),
      perConversation: (
        await h.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM events WHERE workspace_id = $1 AND type = 'sla.breached' GROUP BY subject_id HAVING count(*) > 1`,
          [workspaceId],
        )
      ).rows.length,
    };
  }
  const once = { ledger: { breached: N }, events: { 'sla.breached': N, 'sla.escalation': N }, priorities: { high: N }, perConversation: 0 };

  it.skipIf(!engine.available)('running the evaluator twice records each breach once', async () => {
    const { workspaceId } = await overdue();
    expect(await evaluateSla({ db: h.db, clock: h.clock })).toEqual({ conversations: N, recorded: N });
    expect(await evaluateSla({ db: h.db, clock: h.clock })).toEqual({ conversations: 0, recorded: 0 });
    expect(await tally(workspaceId)).toEqual(once);
  });

  it.skipIf(!engine.available)('two evaluators running at once record each breach once', async () => {
    const { workspaceId } = await overdue();
    const runs = await Promise.all([evaluateSla({ db: h.db, clock: h.clock }), evaluateSla({ db: h.db, clock: h.clock })]);
    expect(runs[0]!.recorded + runs[1]!.recorded).toBe(N);
    expect(await tally(workspaceId)).toEqual(once);
  });

  it.skipIf(!engine.available)('a run that fails halfway keeps what it committed; the rerun records the rest, nothing twice', async () => {
    const { workspaceId } = await overdue();
    // The database refuses the third ledger row of this workspace, as a crash would cut the run short.
    await h.db.exec(`
      CREATE FUNCTION sla_test_crash() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT count(*) FROM sla_events WHERE workspace_id = '${workspaceId}') >= 2 THEN RAISE EXCEPTION 'simulated crash'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER sla_test_crash BEFORE INSERT ON sla_events FOR EACH ROW EXECUTE FUNCTION sla_test_crash();`);
    try {
      await expect(evaluateSla({ db: h.db, clock: h.clock })).rejects.toThrow(/simulated crash/);
    } finally {
      await h.db.exec('DROP TRIGGER sla_test_crash ON sla_events; DROP FUNCTION sla_test_crash();');
    }
    expect(await tally(workspaceId)).toEqual({
      ledger: { breached: 2 },
      events: { 'sla.breached': 2, 'sla.escalation': 2 },
      priorities: { high: 2, normal: N - 2 },
      perConversation: 0,
    });
    expect(await evaluateSla({ db: h.db, clock: h.clock })).toEqual({ conversations: N - 2, recorded: N - 2 });
    expect(await tally(workspaceId)).toEqual(once);
  });

  it.skipIf(!engine.available)('the ledger alone prevents a second event, even when the clocks lost their record', async () => {
    const { workspaceId } = await overdue();
    await evaluateSla({ db: h.db, clock: h.clock });
    await h.db.query('UPDATE conversation_sla SET breached_at = NULL WHERE workspace_id = $1', [workspaceId]);
    expect(await evaluateSla({ db: h.db, clock: h.clock })).toEqual({ conversations: N, recorded: 0 });
    expect(await tally(workspaceId)).toEqual(once);
  });

  it.skipIf(!engine.available)('the outbox handler sets clocks once per conversation, however often the event comes', async () => {
    const { workspaceId, ids } = await overdue();
    const created = { type: 'created' as const, conversationId: ids[0]!, at: h.clock(), inbound: true };
    expect(await h.db.transaction((tx) => applySlaInput(tx, workspaceId, created))).toBe(0);
    const { rows } = await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM conversation_sla WHERE workspace_id = $1', [
      workspaceId,
    ]);
    expect(rows[0]!.n).toBe(N);
  });

  it.skipIf(!engine.available)('an SLA failure in the drain is reported and contained: the outbox moves on', async () => {
    const ws = await makeWorkspace(h);
    const f = await slaFixture(h, ws);
    await f.post('/api/v1/sla/policies', { name: 'Standard', default: true, targets: { resolution: { minutes: 60 } } });
    await h.db.exec(`
      CREATE FUNCTION sla_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'clock store down'; END $$;
      CREATE TRIGGER sla_test_fail BEFORE INSERT ON conversation_sla FOR EACH ROW EXECUTE FUNCTION sla_test_fail();`);
    try {
      await f.post('/api/v1/conversations', { customer: { id: f.customerId }, channel: 'chat', message: { text: 'hello' } });
      await f.drain();
    } finally {
      await h.db.exec('DROP TRIGGER sla_test_fail ON conversation_sla; DROP FUNCTION sla_test_fail();');
    }
    expect(String(f.errors[0])).toMatch(/clock store down/);
    expect(await outboxBacklog(h.db, 'default')).toBe(0);
    // Nothing half-written: the savepoint took the header back with the failed clocks.
    const { rows } = await h.db.query('SELECT 1 FROM sla_conversations WHERE workspace_id = $1', [ws.id]);
    expect(rows).toEqual([]);
  });
});
