import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, type TestWorkspace } from '../test/harness.js';
import { conversationOf } from '../test/mail/ingest-fixture.js';
import { startOutboundCase, type OutboundCase } from '../test/mail/outbound-fixture.js';

/**
 * Spam on both engines: marking blocks the sender on its channel and closes the conversation; mail
 * from a blocked sender is acknowledged but dropped; undoing reopens and unblocks; leads list and lift
 * blocks; a logged call's notes never become mail.
 */
describe.each(ENGINES)('spam and blocked senders on $engine', (engine) => {
  let c: OutboundCase;
  let lead: string;
  let other: TestWorkspace;
  let n = 0;
  const DATE = 'Mon, 02 Mar 2026 08:00:00 +0000';
  const mail = (from: string, extra: Record<string, string> = {}) =>
    c.deliver({
      headers: {
        From: from,
        To: c.mailbox,
        Subject: `Cheap watches ${++n}`,
        Date: DATE,
        'Message-ID': `<spam${n}.${Date.now()}@example.net>`,
        ...extra,
      },
      body: 'Buy now, limited offer.',
    });
  const count = (sql: string, params: unknown[] = [c.ws.id]) => c.count(sql, params);
  const create = async (channel: string, channelMeta: Record<string, string>, token = c.ws.token) => {
    const res = await call(c.h, token, 'POST', '/api/v1/conversations', {
      customer: { email: `someone-${++n}@example.org` },
      channel,
      message: { text: 'Hello there, free money inside', language: 'en', channelMeta },
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };

  beforeAll(async () => {
    if (!engine.available) return;
    c = await startOutboundCase(engine);
    lead = await c.ws.tokenFor('lead');
    other = await makeWorkspace(c.h);
  });
  afterAll(async () => {
    await c?.close();
  });

  it.skipIf(!engine.available)(
    'marking an e-mail conversation as spam closes it and drops the sender’s next mail; undo lets it in again',
    async () => {
      const first = await mail('Spammer <Spam.King@Example.NET>');
      expect(first.kind).toBe('created');
      const id = conversationOf(first);

      const res = await call(c.h, c.ws.token, 'POST', `/api/v1/conversations/${id}/spam`);
      expect(res.statusCode).toBe(200);
      const { conversation, block } = res.json();
      expect(conversation).toMatchObject({ id, status: 'closed', tags: ['spam'] });
      expect(block).toMatchObject({ channel: 'email', address: 'spam.king@example.net', createdBy: null });
      const events = await c.h.db.query<{ type: string; payload: any }>(
        `SELECT type, payload FROM events WHERE workspace_id = $1 AND subject_id = $2 AND type LIKE 'conversation.%' ORDER BY id`,
        [c.ws.id, id],
      );
      expect(events.rows.slice(-2)).toEqual([
        { type: 'conversation.updated', payload: expect.objectContaining({ status: 'closed', changed: ['tags', 'status'] }) },
        {
          type: 'conversation.spam',
          payload: { conversationId: id, spam: true, sender: { channel: 'email', address: 'spam.king@example.net', blockId: block.id } },
        },
      ]);
      expect(await count(`audit_log WHERE workspace_id = $1 AND target_id = $2 AND action = 'conversation.spam'`, [c.ws.id, id])).toBe(1);
      // Marking again is harmless.
      const again = await call(c.h, c.ws.token, 'POST', `/api/v1/conversations/${id}/spam`);
      expect(again.json()).toMatchObject({ conversation: { tags: ['spam'], status: 'closed' }, block: { id: block.id } });

      // New mail and a reply into the old thread: acknowledged (the receiver answers 250), stored nowhere but the ledger.
      const conversations = await count('conversations WHERE workspace_id = $1');
      const messages = await count('messages WHERE workspace_id = $1');
      const dropped = await mail('spam.king@example.net');
      expect(dropped).toEqual({ kind: 'blocked', workspaceId: c.ws.id, sender: 'spam.king@example.net' });
      const threaded = await mail('SPAM.KING@example.net', { Subject: 'Re: Cheap watches' });
      expect(threaded.kind).toBe('blocked');
      expect(await count('conversations WHERE workspace_id = $1')).toBe(conversations);
      expect(await count('messages WHERE workspace_id = $1')).toBe(messages);
      expect(await count(`mail_messages WHERE workspace_id = $1 AND outcome = 'blocked' AND sender = 'spam.king@example.net'`)).toBe(2);
      expect(await count('mail_quarantine WHERE workspace_id = $1')).toBe(0);
      // Someone else still gets through.
      expect((await mail('friend@example.net')).kind).toBe('created');

      const undo = await call(c.h, c.ws.token, 'DELETE', `/api/v1/conversations/${id}/spam`);
      expect(undo.statusCode).toBe(200);
      expect(undo.json()).toMatchObject({ conversation: { status: 'open', tags: [] }, block: { id: block.id } });
      expect((await mail('spam.king@example.net')).kind).toBe('created');
      const twice = await call(c.h, c.ws.token, 'DELETE', `/api/v1/conversations/${id}/spam`);
      expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'conflict']);
    },
  );

  it.skipIf(!engine.available)('blocks the chat visitor, the SMS, WhatsApp or Telegram sender, and the phone caller', async () => {
    const cases: [string, Record<string, string>, string][] = [
      ['chat', { visitorId: '0190a6f2-7c4e-7000-8000-00000000abcd' }, '0190a6f2-7c4e-7000-8000-00000000abcd'],
      ['sms', { from: '+15550100777', to: '+15550100000' }, '+15550100777'],
      ['whatsapp', { from: '+5511987654321' }, '+5511987654321'],
      ['telegram', { from: '987654321' }, '987654321'],
    ];
    for (const [channel, meta, address] of cases) {
      const id = await create(channel, meta);
      const res = await call(c.h, c.ws.token, 'POST', `/api/v1/conversations/${id}/spam`);
      expect([channel, res.statusCode, res.json().block]).toEqual([channel, 200, expect.objectContaining({ channel, address })]);
    }
    // The widget's offline form opens an e-mail conversation naming the visitor: the visitor is blocked on chat.
    const offline = await create('email', { visitorId: '0190a6f2-7c4e-7000-8000-00000000beef', source: 'widget_offline' });
    const blockedVisitor = await call(c.h, c.ws.token, 'POST', `/api/v1/conversations/${offline}/spam`);
    expect(blockedVisitor.json().block).toMatchObject({ channel: 'chat', address: '0190a6f2-7c4e-7000-8000-00000000beef' });
    const phone = await call(c.h, c.ws.token, 'POST', '/api/v1/calls', {
      direction: 'inbound',
      outcome: 'answered',
      from: '+4930123456',
      durationSeconds: 20,
      customer: { phone: '+4930123456' },
    });
    const res = await call(c.h, c.ws.token, 'POST', `/api/v1/conversations/${phone.json().conversation.id}/spam`);
    expect(res.json().block).toMatchObject({ channel: 'phone', address: '+4930123456' });
    // Nothing names a sender: closed and tagged, nobody blocked.
    const api = await create('api', {});
    const none = await call(c.h, c.ws.token, 'POST', `/api/v1/conversations/${api}/spam`);
    expect(none.json()).toMatchObject({ conversation: { status: 'closed', tags: ['spam'] }, block: null });
    const undo = await call(c.h, c.ws.token, 'DELETE', `/api/v1/conversations/${api}/spam`);
    expect(undo.json()).toMatchObject({ conversation: { status: 'open' }, block: null });
  });

  it.skipIf(!engine.available)('leads list blocks in pages and lift them; agents may not; other workspaces see nothing', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await create('sms', { from: `+1555020000${i}` });
      ids.push((await call(c.h, c.ws.token, 'POST', `/api/v1/conversations/${id}/spam`)).json().block.id);
      c.h.clock.advance(1000);
    }
    expect((await call(c.h, await c.ws.tokenFor('agent'), 'GET', '/api/v1/blocked-senders')).statusCode).toBe(403);
    const page = (await call(c.h, lead, 'GET', '/api/v1/blocked-senders?channel=sms&limit=2')).json();
    expect(page.data.map((b: { id: string }) => b.id)).toEqual([ids[2], ids[1]]);
    const rest = (await call(c.h, lead, 'GET', `/api/v1/blocked-senders?channel=sms&limit=2&cursor=${page.nextCursor}`)).json();
    expect(rest.data.map((b: { id: string }) => b.id)).toContain(ids[0]);
    expect((await call(c.h, other.token, 'GET', '/api/v1/blocked-senders')).json()).toEqual({ data: [], nextCursor: null });

    expect((await call(c.h, other.token, 'DELETE', `/api/v1/blocked-senders/${ids[0]}`)).statusCode).toBe(404);
    expect((await call(c.h, await c.ws.tokenFor('agent'), 'DELETE', `/api/v1/blocked-senders/${ids[0]}`)).statusCode).toBe(403);
    expect((await call(c.h, lead, 'DELETE', `/api/v1/blocked-senders/${ids[0]}`)).statusCode).toBe(204);
    expect((await call(c.h, lead, 'DELETE', `/api/v1/blocked-senders/${ids[0]}`)).statusCode).toBe(404);
    expect(await count(`audit_log WHERE workspace_id = $1 AND target_id = $2 AND action = 'sender.unblock'`, [c.ws.id, ids[0]])).toBe(1);
    const left = (await call(c.h, lead, 'GET', '/api/v1/blocked-senders?channel=sms&limit=100')).json();
    expect(left.data.map((b: { id: string }) => b.id)).not.toContain(ids[0]);
    // Another workspace's conversation cannot be marked or unmarked.
    const theirs = await create('sms', { from: '+15550209999' }, other.token);
    expect((await call(c.h, c.ws.token, 'POST', `/api/v1/conversations/${theirs}/spam`)).statusCode).toBe(404);
    expect((await call(c.h, c.ws.token, 'DELETE', `/api/v1/conversations/${theirs}/spam`)).statusCode).toBe(404);
    expect(await count('blocked_senders WHERE workspace_id = $1', [other.id])).toBe(0);
  });

  it.skipIf(!engine.available)("a logged call's notes never become mail; the agent's reply beside it does", async () => {
    const first = await mail('caller@example.org');
    const id = conversationOf(first);
    const logged = await call(c.h, c.ws.token, 'POST', `/api/v1/conversations/${id}/calls`, {
      direction: 'outbound',
      outcome: 'answered',
      durationSeconds: 300,
      notes: 'INTERNAL: customer sounded annoyed, offered 10% off',
    });
    expect(logged.statusCode).toBe(201);
    const replyId = await c.reply(id, { text: 'Thanks for the call, as promised here is the summary.' });
    const before = c.sink.messages.length;
    await c.flush();
    const rows = await c.outboxRows(id);
    expect(rows.map((r) => r.message_id)).toEqual([replyId]);
    const sent = (await c.sink.waitFor(before + 1)).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.raw.toString('utf8')).not.toContain('INTERNAL');
  });
});
