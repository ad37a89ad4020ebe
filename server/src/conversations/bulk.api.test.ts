import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { agentSessions, call, makeWorkspace, rowCounts, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';
import { slaFixture, type SlaFixture } from '../test/sla-fixture.js';
import { patchFor } from './bulk-update-conversations.js';

const MISSING = '0190a6f2-7c4e-7000-8000-000000000000';

describe('patchFor', () => {
  const c = { assigneeId: null, status: 'open' as const, tags: ['a', 'b'] };
  it('turns an action into the single update, or null when the conversation already is so', () => {
    expect(patchFor({ assign: { assigneeId: null } }, c)).toBeNull();
    expect(patchFor({ assign: { assigneeId: MISSING } }, c)).toEqual({ assigneeId: MISSING });
    expect(patchFor({ status: 'open' }, c)).toBeNull();
    expect(patchFor({ status: 'solved' }, c)).toEqual({ status: 'solved' });
    expect(patchFor({ tag: { add: ['b'] } }, c)).toBeNull();
    expect(patchFor({ tag: { remove: ['z'] } }, c)).toBeNull();
    expect(patchFor({ tag: { add: ['c', 'a'], remove: ['a'] } }, c)).toEqual({ tags: ['b', 'c', 'a'] });
    const full = { ...c, tags: Array.from({ length: 50 }, (_, i) => `t${i}`) };
    expect(() => patchFor({ tag: { add: ['one-more'] } }, full)).toThrow(/at most 50 tags/);
  });
});

describe.each(ENGINES)('bulk actions on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let f: SlaFixture;
  let agentToken: string;
  let elif: string;
  let cookie: string;
  let n = 0;

  const conversation = async (token: string, extra: Record<string, unknown> = {}) => {
    const res = await call(h, token, 'POST', '/api/v1/conversations', {
      customer: { email: `bulk-${++n}@example.org` },
      channel: 'chat',
      message: { text: `hello ${n}` },
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const bulk = async (token: string | null, body: unknown, headers: Record<string, string> = {}) =>
    call(h, token, 'POST', '/api/v1/conversations/bulk', body, headers);
  const get = async (token: string, id: string) => (await call(h, token, 'GET', `/api/v1/conversations/${id}`)).json();
  const updates = async (workspaceId: string, id: string) =>
    (
      await h.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM events WHERE workspace_id = $1 AND subject_id = $2 AND type = 'conversation.updated'`,
        [workspaceId, id],
      )
    ).rows[0]!.n;

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h);
    other = await makeWorkspace(h);
    f = await slaFixture(h, ws);
    await f.post('/api/v1/sla/policies', { name: 'Standard', default: true, targets: { firstReply: { minutes: 60, time: 'calendar' } } });
    agentToken = await ws.tokenFor('agent');
    cookie = (await agentSessions(h, ws, { elif: [] })).elif!;
    elif = ((await f.get('/api/v1/agents?limit=100')).data as { id: string; email: string }[]).find(
      (a) => a.email === 'elif@example.com',
    )!.id;
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)(
    'assigns each conversation through the update command; foreign and missing ids are not_found items',
    async () => {
      const [a, b] = [await conversation(ws.token), await conversation(ws.token)];
      const foreign = await conversation(other.token);
      const foreignBefore = await get(other.token, foreign);
      const otherCounts = await rowCounts(h.db, other.id);
      const commits = h.commits;

      const res = await bulk(agentToken, { ids: [a, foreign, b, MISSING], action: { assign: { assigneeId: elif } } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().results).toEqual([
        { id: a, ok: true, changed: true },
        { id: foreign, ok: false, error: { code: 'not_found', message: 'conversation not found' } },
        { id: b, ok: true, changed: true },
        { id: MISSING, ok: false, error: { code: 'not_found', message: 'conversation not found' } },
      ]);
      expect(h.commits).toBe(commits + 1);
      for (const id of [a, b]) {
        expect((await get(ws.token, id)).assigneeId).toBe(elif);
        expect(await updates(ws.id, id)).toBe(1);
      }
      const audit = await h.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE workspace_id = $1 AND action = 'conversation.update' AND target_id = ANY($2::uuid[])`,
        [ws.id, [a, b]],
      );
      expect(audit.rows[0]!.n).toBe(2);
      expect(await get(other.token, foreign)).toEqual(foreignBefore);
      expect(await rowCounts(h.db, other.id)).toEqual(otherCounts);

      // Again: nothing to change, nothing written.
      const again = await bulk(agentToken, { ids: [a, b], action: { assign: { assigneeId: elif } } });
      expect(again.json().results).toEqual([
        { id: a, ok: true, changed: false },
        { id: b, ok: true, changed: false },
      ]);
      expect(await updates(ws.id, a)).toBe(1);
      expect(h.commits).toBe(commits + 1);

      const unassign = await bulk(agentToken, { ids: [a], action: { assign: { assigneeId: null } } });
      expect(unassign.json().results).toEqual([{ id: a, ok: true, changed: true }]);
      expect((await get(ws.token, a)).assigneeId).toBeNull();
    },
  );

  it.skipIf(!engine.available)(
    'an unknown assignee (or another workspace’s agent) fails the whole request before anything is written',
    async () => {
      const id = await conversation(ws.token);
      const before = await rowCounts(h.db, ws.id);
      const otherAgent = await call(h, other.token, 'POST', '/api/v1/agents', { email: 'someone@example.org', name: 'Someone' });
      for (const assigneeId of [MISSING, otherAgent.json().id]) {
        const res = await bulk(ws.token, { ids: [id], action: { assign: { assigneeId } } });
        expect(res.statusCode).toBe(404);
        expect(res.json().error).toMatchObject({ code: 'not_found', details: [{ path: 'body/action/assign/assigneeId' }] });
      }
      expect(await rowCounts(h.db, ws.id)).toEqual(before);
    },
  );

  it.skipIf(!engine.available)('tags: adds and removes per conversation; over 50 tags is that item’s error', async () => {
    const a = await conversation(ws.token, { tags: ['vip', 'billing'] });
    const b = await conversation(ws.token);
    const full = await conversation(ws.token, { tags: Array.from({ length: 50 }, (_, i) => `t${i}`) });
    const res = await bulk(ws.token, { ids: [a, b, full], action: { tag: { add: ['refund'], remove: ['billing'] } } });
    expect(res.json().results).toEqual([
      { id: a, ok: true, changed: true },
      { id: b, ok: true, changed: true },
      { id: full, ok: false, error: { code: 'validation_failed', message: 'a conversation holds at most 50 tags' } },
    ]);
    expect((await get(ws.token, a)).tags).toEqual(['vip', 'refund']);
    expect((await get(ws.token, b)).tags).toEqual(['refund']);
    expect((await get(ws.token, full)).tags).toHaveLength(50);
    expect(await updates(ws.id, full)).toBe(0);
  });

  it.skipIf(!engine.available)('status: solving stops the SLA clocks as a single update does; works from a cookie session', async () => {
    const ids = [await conversation(ws.token), await conversation(ws.token)];
    await f.drain();
    const listed = async () =>
      ((await call(h, ws.token, 'GET', '/api/v1/conversations?limit=100')).json().data as { id: string; slaDue: unknown }[]).filter((r) =>
        ids.includes(r.id),
      );
    expect((await listed()).map((r) => r.slaDue)).toEqual([expect.objectContaining({ metric: 'first_reply' }), expect.anything()]);
    const res = await bulk(null, { ids, action: { status: 'solved' } }, { cookie });
    expect(res.json().results).toEqual(ids.map((id) => ({ id, ok: true, changed: true })));
    for (const id of ids) expect(await get(ws.token, id)).toMatchObject({ status: 'solved', solvedAt: expect.any(String) });
    await f.drain();
    expect((await listed()).map((r) => r.slaDue)).toEqual([null, null]);
    const audit = await h.db.query<{ actor_type: string; actor_id: string }>(
      `SELECT actor_type, actor_id FROM audit_log WHERE workspace_id = $1 AND target_id = $2 AND action = 'conversation.update'`,
      [ws.id, ids[0]],
    );
    expect(audit.rows).toEqual([{ actor_type: 'agent', actor_id: elif }]);
  });

  it.skipIf(!engine.available)('refuses more than 100 ids, repeated ids, no action or two actions', async () => {
    const id = await conversation(ws.token);
    const many = Array.from({ length: 101 }, (_, i) => `0190a6f2-7c4e-7000-8000-${String(i).padStart(12, '0')}`);
    const bad: unknown[] = [
      { ids: many, action: { status: 'open' } },
      { ids: [id, id], action: { status: 'open' } },
      { ids: [], action: { status: 'open' } },
      { ids: [id], action: {} },
      { ids: [id], action: { status: 'open', assign: { assigneeId: null } } },
      { ids: [id], action: { tag: {} } },
      { ids: [id], action: { close: true } },
    ];
    for (const body of bad) {
      const res = await bulk(ws.token, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });
});
