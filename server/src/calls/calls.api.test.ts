import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, T0, type Harness, type TestWorkspace } from '../test/harness.js';

/** Phone calls on both engines: logged on a conversation, or starting one; validation; tenancy. */
describe.each(ENGINES)('calls API on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let n = 0;

  const conversation = async (w = ws, channel = 'email') => {
    const res = await call(h, w.token, 'POST', '/api/v1/conversations', {
      customer: { email: `caller-${++n}@example.org` },
      channel,
      message: { text: 'Hello, I have a question about my order.', language: 'en' },
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string; customerId: string; status: string; messageCount: number }>();
  };
  const count = async (sql: string, params: unknown[]) =>
    (await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h);
    other = await makeWorkspace(h);
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)(
    'logs a call on a conversation: the call, an internal note in the timeline, call.logged and its audit',
    async () => {
      const c = await conversation();
      const body = {
        direction: 'inbound',
        outcome: 'answered',
        from: '+31612345678',
        to: '+3120123456',
        startedAt: '2026-03-02T08:30:00.000Z',
        durationSeconds: 252,
        notes: 'Customer asked about the refund; promised a call back tomorrow.',
        recordingUrl: 'https://pbx.example.com/recordings/42.mp3?sig=abc',
      };
      const res = await call(h, ws.token, 'POST', `/api/v1/conversations/${c.id}/calls`, body);
      expect(res.statusCode).toBe(201);
      const { call: logged, message } = res.json();
      expect(logged).toMatchObject({
        ...body,
        conversationId: c.id,
        messageId: message.id,
        agentId: null,
        createdAt: T0,
      });
      expect(message).toMatchObject({
        direction: 'note',
        authorType: 'api',
        text: 'Inbound call · answered · 4:12\n\nCustomer asked about the refund; promised a call back tomorrow.',
        channelMeta: { kind: 'call', callId: logged.id, callDirection: 'inbound', callOutcome: 'answered' },
      });
      const after = (await call(h, ws.token, 'GET', `/api/v1/conversations/${c.id}`)).json();
      expect(after).toMatchObject({ messageCount: 2, status: c.status });
      const events = await h.db.query<{ type: string; payload: any }>(
        `SELECT type, payload FROM events WHERE workspace_id = $1 AND (subject_id = $2 OR subject_id = $3) ORDER BY id`,
        [ws.id, logged.id, message.id],
      );
      expect(events.rows).toEqual([
        { type: 'message.created', payload: { conversationId: c.id, messageId: message.id, direction: 'note' } },
        {
          type: 'call.logged',
          payload: { callId: logged.id, conversationId: c.id, messageId: message.id, direction: 'inbound', outcome: 'answered' },
        },
      ]);
      const audit = await h.db.query(
        `SELECT action, target_type AS "targetType" FROM audit_log WHERE workspace_id = $1 AND target_id = $2`,
        [ws.id, logged.id],
      );
      expect(audit.rows).toEqual([{ action: 'call.log', targetType: 'call' }]);

      const list = await call(h, ws.token, 'GET', `/api/v1/conversations/${c.id}/calls`);
      expect(list.statusCode).toBe(200);
      expect(list.json()).toEqual({ data: [logged], nextCursor: null });
    },
  );

  it.skipIf(!engine.available)('a call without notes or start time: the entry names the call; it began the duration ago', async () => {
    const c = await conversation();
    const res = await call(h, ws.token, 'POST', `/api/v1/conversations/${c.id}/calls`, {
      direction: 'outbound',
      outcome: 'voicemail',
      durationSeconds: 3723,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().call).toMatchObject({ startedAt: '2026-03-02T07:57:57.000Z', notes: '', from: null, to: null, recordingUrl: null });
    expect(res.json().message.text).toBe('Outbound call · voicemail · 1:02:03');
  });

  it.skipIf(!engine.available)('lists calls latest first in pages', async () => {
    const c = await conversation();
    const ids: string[] = [];
    for (const startedAt of ['2026-03-02T06:00:00.000Z', '2026-03-02T08:00:00.000Z', '2026-03-02T07:00:00.000Z']) {
      const res = await call(h, ws.token, 'POST', `/api/v1/conversations/${c.id}/calls`, {
        direction: 'inbound',
        outcome: 'missed',
        durationSeconds: 0,
        startedAt,
      });
      ids.push(res.json().call.id);
    }
    const first = (await call(h, ws.token, 'GET', `/api/v1/conversations/${c.id}/calls?limit=2`)).json();
    expect(first.data.map((x: { id: string }) => x.id)).toEqual([ids[1], ids[2]]);
    const second = (await call(h, ws.token, 'GET', `/api/v1/conversations/${c.id}/calls?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toEqual({ data: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
  });

  it.skipIf(!engine.available)('an Idempotency-Key retry replays the logged call instead of logging it twice', async () => {
    const c = await conversation();
    const body = { direction: 'inbound', outcome: 'busy', durationSeconds: 0 };
    const headers = { 'idempotency-key': `call-${c.id}` };
    const a = await call(h, ws.token, 'POST', `/api/v1/conversations/${c.id}/calls`, body, headers);
    const b = await call(h, ws.token, 'POST', `/api/v1/conversations/${c.id}/calls`, body, headers);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json()).toEqual(a.json());
    expect(await count('calls WHERE workspace_id = $1 AND conversation_id = $2', [ws.id, c.id])).toBe(1);
    const started = { direction: 'inbound', outcome: 'answered', durationSeconds: 60, customer: { phone: '+447700900123' } };
    const s1 = await call(h, ws.token, 'POST', '/api/v1/calls', started, { 'idempotency-key': 'start-1' });
    const s2 = await call(h, ws.token, 'POST', '/api/v1/calls', started, { 'idempotency-key': 'start-1' });
    expect(s2.json()).toEqual(s1.json());
    expect(s2.headers['idempotent-replayed']).toBe('true');
  });

  it.skipIf(!engine.available)('refuses bad calls with validation_failed and writes nothing', async () => {
    const c = await conversation();
    const ok = { direction: 'inbound', outcome: 'answered', durationSeconds: 10 };
    const cases: [string, Record<string, unknown>, string][] = [
      ['negative duration', { ...ok, durationSeconds: -1 }, 'body/durationSeconds'],
      ['over 24 h', { ...ok, durationSeconds: 86_401 }, 'body/durationSeconds'],
      ['fractional duration', { ...ok, durationSeconds: 1.5 }, 'body/durationSeconds'],
      ['duration as a string', { ...ok, durationSeconds: '10' }, 'body/durationSeconds'],
      ['no duration', { direction: 'inbound', outcome: 'answered' }, 'body'],
      ['unknown outcome', { ...ok, outcome: 'hung_up' }, 'body/outcome'],
      ['unknown direction', { ...ok, direction: 'sideways' }, 'body/direction'],
      ['number not E.164', { ...ok, from: '0612345678' }, 'body/from'],
      ['number with spaces', { ...ok, to: '+31 6 12345678' }, 'body/to'],
      ['notes over 10k', { ...ok, notes: 'x'.repeat(10_001) }, 'body/notes'],
      ['start in the future', { ...ok, startedAt: '2026-03-02T09:10:00.000Z' }, 'body/startedAt'],
      ['start not a date', { ...ok, startedAt: 'yesterday' }, 'body/startedAt'],
      ['ftp recording', { ...ok, recordingUrl: 'ftp://pbx.example.com/42.mp3' }, 'body/recordingUrl'],
      ['javascript recording', { ...ok, recordingUrl: 'javascript:alert(1)' }, 'body/recordingUrl'],
      ['recording with credentials', { ...ok, recordingUrl: 'https://user:secret@pbx.example.com/42.mp3' }, 'body/recordingUrl'],
      ['recording with a user', { ...ok, recordingUrl: 'https://user@pbx.example.com/42.mp3' }, 'body/recordingUrl'],
      ['recording too long', { ...ok, recordingUrl: `https://pbx.example.com/${'a'.repeat(2000)}` }, 'body/recordingUrl'],
      ['unknown field', { ...ok, recording: 'x' }, 'body'],
    ];
    for (const [what, body, path] of cases) {
      const res = await call(h, ws.token, 'POST', `/api/v1/conversations/${c.id}/calls`, body);
      expect([what, res.statusCode, res.json().error.code]).toEqual([what, 400, 'validation_failed']);
      expect([what, res.json().error.details?.some((d: { path: string }) => d.path.startsWith(path))]).toEqual([what, true]);
    }
    expect(await count('calls WHERE workspace_id = $1 AND conversation_id = $2', [ws.id, c.id])).toBe(0);
    expect(await count('messages WHERE workspace_id = $1 AND conversation_id = $2', [ws.id, c.id])).toBe(1);
    // A start a few minutes ahead of our clock (a fast phone) is accepted.
    const skewed = await call(h, ws.token, 'POST', `/api/v1/conversations/${c.id}/calls`, { ...ok, startedAt: '2026-03-02T09:04:00.000Z' });
    expect(skewed.statusCode).toBe(201);
  });

  it.skipIf(!engine.available)("another workspace's conversation, customer, team or agent is not found", async () => {
    const theirs = await conversation(other);
    const body = { direction: 'inbound', outcome: 'answered', durationSeconds: 10 };
    expect((await call(h, ws.token, 'POST', `/api/v1/conversations/${theirs.id}/calls`, body)).statusCode).toBe(404);
    expect((await call(h, ws.token, 'GET', `/api/v1/conversations/${theirs.id}/calls`)).statusCode).toBe(404);
    for (const extra of [{ customer: { id: theirs.customerId } }, { customer: { phone: '+15550100001' }, teamId: theirs.id }]) {
      const res = await call(h, ws.token, 'POST', '/api/v1/calls', { ...body, ...extra });
      expect(res.statusCode).toBe(404);
    }
    expect(await count('calls WHERE workspace_id = $1', [other.id])).toBe(0);
    // The customer by phone was not left behind by the refused start.
    expect(await count(`customer_identities WHERE workspace_id = $1 AND value = '+15550100001'`, [ws.id])).toBe(0);
  });

  it.skipIf(!engine.available)('starts a phone conversation from a call: customer by phone found or created, the note first', async () => {
    const body = {
      direction: 'inbound',
      outcome: 'answered',
      from: '+4915112345678',
      durationSeconds: 95,
      notes: 'Wants to change the delivery address.',
      customer: { phone: '+4915112345678', name: 'Jonas Weber', locale: 'de-DE' },
      subject: 'Lieferadresse ändern',
      priority: 'high',
      language: 'de',
      tags: ['delivery'],
    };
    const res = await call(h, ws.token, 'POST', '/api/v1/calls', body);
    expect(res.statusCode).toBe(201);
    const { conversation: conv, message, call: logged } = res.json();
    expect(conv).toMatchObject({
      channel: 'phone',
      status: 'new',
      priority: 'high',
      language: 'de',
      languageSource: 'agent',
      subject: 'Lieferadresse ändern',
      tags: ['delivery'],
      messageCount: 1,
    });
    expect(message).toMatchObject({ direction: 'note', conversationId: conv.id, text: expect.stringContaining('Wants to change') });
    expect(logged).toMatchObject({ conversationId: conv.id, messageId: message.id, from: '+4915112345678' });
    const customer = (await call(h, ws.token, 'GET', `/api/v1/customers/${conv.customerId}`)).json();
    expect(customer).toMatchObject({ name: 'Jonas Weber', phones: ['+4915112345678'], locale: 'de-DE' });
    const created = await h.db.query<{ type: string }>(`SELECT type FROM events WHERE workspace_id = $1 AND subject_id = $2 ORDER BY id`, [
      ws.id,
      conv.id,
    ]);
    expect(created.rows.map((r) => r.type)).toContain('conversation.created');

    // The same number again: the same customer; by e-mail and by id work too.
    const again = (await call(h, ws.token, 'POST', '/api/v1/calls', { ...body, customer: { phone: '+4915112345678' } })).json();
    expect(again.conversation.customerId).toBe(conv.customerId);
    const byEmail = await call(h, ws.token, 'POST', '/api/v1/calls', { ...body, customer: { email: 'Jonas@Example.DE' } });
    expect(byEmail.statusCode).toBe(201);
    const byId = await call(h, ws.token, 'POST', '/api/v1/calls', { ...body, customer: { id: byEmail.json().conversation.customerId } });
    expect(byId.json().conversation.customerId).toBe(byEmail.json().conversation.customerId);
    expect((await call(h, ws.token, 'GET', `/api/v1/conversations/${conv.id}/calls`)).json().data).toEqual([logged]);
  });

  it.skipIf(!engine.available)('a call that starts a conversation with an assignee puts it with them', async () => {
    const agent = await call(h, ws.token, 'POST', '/api/v1/agents', { email: `agent-${++n}@example.org`, name: 'Ines' });
    expect(agent.statusCode).toBe(201);
    const res = await call(h, ws.token, 'POST', '/api/v1/calls', {
      direction: 'outbound',
      outcome: 'answered',
      to: '+33612345678',
      durationSeconds: 30,
      customer: { phone: '+33612345678' },
      assigneeId: agent.json().id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().conversation.assigneeId).toBe(agent.json().id);
  });
});
