import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { makeWorkspace, startHarness, type Harness } from '../test/harness.js';
import { slaEvents, slaFixture } from '../test/sla-fixture.js';
import { evaluateSla } from './evaluate.js';

const berlin = (day: string, hhmm: string) => new Date(`2026-03-${day}T${hhmm}:00+01:00`).toISOString();

/** A breach that asks for reassignment: routing hands the conversation to someone else on shift, or leaves it. */
describe.each(ENGINES)('SLA escalation by reassignment on $engine', (engine) => {
  let h: Harness;
  let n = 0;

  beforeAll(async () => {
    if (engine.available) h = await startHarness(engine);
  });
  afterAll(async () => h?.close());

  async function setup() {
    const ws = await makeWorkspace(h);
    const f = await slaFixture(h, ws);
    const de = [{ tag: 'de', proficiency: 'native' }];
    const agent = async (name: string) =>
      (await f.post('/api/v1/agents', { email: `${name}-${++n}@example.com`, name, languages: de, status: 'online' })).id as string;
    const anna = await agent('Anna');
    const ben = await agent('Ben');
    await f.patch(`/api/v1/teams/${f.teamId}`, { memberIds: [f.leadId, anna, ben] });
    await f.post('/api/v1/sla/policies', {
      name: 'Standard',
      default: true,
      targets: { firstReply: { minutes: 60 } },
      escalation: { reassign: true, notifyLead: true },
    });
    return { ws, f, anna, ben };
  }

  it.skipIf(!engine.available)('a missed first reply goes to another agent on shift, explained as an escalation decision', async () => {
    const { ws, f, anna, ben } = await setup();
    h.clock.set(berlin('02', '10:00'));
    const c = await f.post('/api/v1/conversations', {
      customer: { id: f.customerId },
      channel: 'email',
      message: { text: 'Meine Lieferung ist nicht angekommen.', language: 'de' },
    });
    expect(c.assigneeId).toBe(anna);
    await f.drain();

    h.clock.set(berlin('02', '11:01'));
    expect(await evaluateSla({ db: h.db, clock: h.clock })).toEqual({ conversations: 1, recorded: 1 });
    const url = `/api/v1/conversations/${c.id}`;
    expect((await f.get(url)).assigneeId).toBe(ben);
    const [latest, first] = (await f.get(`${url}/routing`)).data;
    expect(first.trigger).toBe('created');
    expect(latest).toMatchObject({ trigger: 'escalation', agentId: ben, decidedAt: berlin('02', '11:01') });
    expect(await slaEvents(h, ws.id)).toEqual(['sla.breached first_reply#1', 'sla.escalation first_reply#1']);
    const { rows } = await h.db.query<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM events WHERE workspace_id = $1 AND type = 'sla.escalation'`,
      [ws.id],
    );
    expect(rows[0]!.payload).toMatchObject({ actions: ['reassign', 'notify_lead'], reassigned: { from: anna, to: ben } });
    // Once: a second run finds the breach recorded and moves nothing.
    expect(await evaluateSla({ db: h.db, clock: h.clock })).toEqual({ conversations: 0, recorded: 0 });
    expect((await f.get(url)).assigneeId).toBe(ben);
    expect(f.errors).toEqual([]);
  });

  it.skipIf(!engine.available)('with nobody else free it stays with its agent, and only the lead is told', async () => {
    const { ws, f, anna, ben } = await setup();
    await f.patch(`/api/v1/agents/${ben}`, { status: 'offline' });
    h.clock.set(berlin('02', '10:00'));
    const c = await f.post('/api/v1/conversations', {
      customer: { id: f.customerId },
      channel: 'email',
      message: { text: 'Wo bleibt meine Rechnung?', language: 'de' },
    });
    expect(c.assigneeId).toBe(anna);
    await f.drain();
    h.clock.set(berlin('02', '11:01'));
    await evaluateSla({ db: h.db, clock: h.clock });
    expect((await f.get(`/api/v1/conversations/${c.id}`)).assigneeId).toBe(anna);
    expect((await f.get(`/api/v1/conversations/${c.id}/routing`)).data).toHaveLength(1);
    const { rows } = await h.db.query<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM events WHERE workspace_id = $1 AND type = 'sla.escalation'`,
      [ws.id],
    );
    expect(rows[0]!.payload).toMatchObject({ actions: ['notify_lead'], reassigned: null });
  });
});
