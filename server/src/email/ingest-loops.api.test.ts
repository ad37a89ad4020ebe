import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgeConversation, loopId } from '../acks/acknowledge.js';
import { AppError } from '../lib/errors.js';
import { ENGINES } from '../test/engines.js';
import { call } from '../test/harness.js';
import { conversationOf, startIngestCase, type IngestCase } from '../test/mail/ingest-fixture.js';
import { MAIL_CAPS } from './ingest-mail.js';
import { listFailing } from './mail.repo.js';

/**
 * Mail that must not start a storm, on both engines: DSN bounces mark the address and open nothing;
 * the RFC 3834 header matrix is stored but never acknowledged; our own mail coming back is
 * quarantined as a loop; a flooding sender is quarantined and released exactly once.
 */
describe.each(ENGINES)('mail loops and bounces on $engine', (engine) => {
  let c: IngestCase;
  let n = 0;
  const DATE = 'Mon, 02 Mar 2026 08:00:00 +0000';
  const mail = (headers: Record<string, string>, body = 'Hello, a question about my account.') => ({
    headers: { To: c.mailbox, Subject: `Subject ${++n}`, Date: DATE, 'Message-ID': `<loop${n}.${Date.now()}@example.org>`, ...headers },
    body,
  });
  const from = () => `person-${++n}@example.org`;
  const ack = (conversationId: string) => c.h.db.transaction((tx) => acknowledgeConversation(tx, c.ws.id, conversationId, c.h.clock()));
  const conversations = () => c.count(`conversations WHERE workspace_id = $1`);

  function dsn(action: string, recipient: string, status: string): Buffer {
    const b = `dsn-${++n}`;
    const lines = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.customer.example>',
      `To: ${c.mailbox}`,
      'Subject: Undelivered Mail Returned to Sender',
      `Message-ID: <dsn${n}@mx.customer.example>`,
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      `Content-Type: multipart/report; report-type=delivery-status; boundary="${b}"`,
      '',
      `--${b}`,
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'I could not deliver your message.',
      `--${b}`,
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.customer.example',
      '',
      `Final-Recipient: rfc822; ${recipient}`,
      `Action: ${action}`,
      `Status: ${status}`,
      'Diagnostic-Code: smtp; 550 5.1.1 user unknown',
      '',
      `--${b}--`,
      '',
    ];
    return Buffer.from(lines.join('\r\n'));
  }

  beforeAll(async () => {
    if (engine.available) c = await startIngestCase(engine);
  });
  afterAll(async () => {
    await c?.close();
  });

  it.skipIf(!engine.available)('a control: ordinary mail is created and acknowledged', async () => {
    const out = await c.deliver(mail({ From: from(), 'Auto-Submitted': 'no' }));
    expect(out.kind).toBe('created');
    expect((await ack(conversationOf(out))).kind).toBe('sent');
  });

  it.skipIf(!engine.available)(
    'a failed DSN marks the address failing and opens no conversation; a delay report changes nothing',
    async () => {
      const before = await conversations();
      const out = await c.deliver(dsn('failed', 'Gone@Customer.example', '5.1.1'), { mailFrom: null });
      expect(out).toEqual({ kind: 'bounce', workspaceId: c.ws.id, failedAddresses: ['gone@customer.example'] });
      const failing = await listFailing(c.h.db, c.ws.id);
      expect(failing).toEqual([expect.objectContaining({ address: 'gone@customer.example', status: '5.1.1', bounces: 1 })]);
      const delayed = await c.deliver(dsn('delayed', 'slow@customer.example', '4.2.2'), { mailFrom: null });
      expect(delayed).toEqual({ kind: 'suppressed', workspaceId: c.ws.id, conversationId: null, reason: 'delivery_report' });
      expect((await listFailing(c.h.db, c.ws.id)).map((f) => f.address)).toEqual(['gone@customer.example']);
      expect(await conversations()).toBe(before);
      expect(await c.count(`attachments WHERE workspace_id = $1`)).toBe(0);
    },
  );

  const matrix: [string, Record<string, string>, string][] = [
    ['Auto-Submitted: auto-replied', { 'Auto-Submitted': 'auto-replied' }, 'auto_submitted'],
    ['Auto-Submitted: auto-generated', { 'Auto-Submitted': 'auto-generated' }, 'auto_submitted'],
    ['Auto-Submitted with parameters', { 'Auto-Submitted': 'auto-replied; owner-email="x@example.org"' }, 'auto_submitted'],
    ['X-Autoreply', { 'X-Autoreply': 'yes' }, 'auto_submitted'],
    ['Precedence: bulk', { Precedence: 'bulk' }, 'precedence'],
    ['Precedence: list', { Precedence: 'list' }, 'precedence'],
    ['Precedence: junk', { Precedence: 'junk' }, 'precedence'],
    ['X-Auto-Response-Suppress: All', { 'X-Auto-Response-Suppress': 'All' }, 'auto_response_suppressed'],
    ['X-Auto-Response-Suppress: DR, OOF', { 'X-Auto-Response-Suppress': 'DR, OOF' }, 'auto_response_suppressed'],
    ['List-Unsubscribe', { 'List-Unsubscribe': '<mailto:leave@lists.example.org>' }, 'mailing_list'],
    ['List-Id', { 'List-Id': 'Customers <customers.lists.example.org>' }, 'mailing_list'],
    ['MAILER-DAEMON From', { From: 'MAILER-DAEMON@mx.example.org' }, 'automated_sender'],
    ['postmaster From', { From: 'Postmaster <postmaster@example.org>' }, 'automated_sender'],
    ['no-reply From', { From: 'Shop <no-reply@shop.example.org>' }, 'automated_sender'],
  ];
  it.skipIf(!engine.available).each(matrix)('%s: stored, suppressed, never acknowledged', async (_what, headers, reason) => {
    const out = await c.deliver(mail({ From: from(), ...headers }));
    expect(out).toMatchObject({ kind: 'suppressed', reason });
    const conv = conversationOf(out);
    expect(await c.messages(conv)).toHaveLength(1);
    expect(await ack(conv)).toMatchObject({ kind: 'suppressed' });
  });

  it.skipIf(!engine.available)('the null sender (MAIL FROM:<>) is suppressed and never acknowledged', async () => {
    const out = await c.deliver(mail({ From: from() }), { mailFrom: null });
    expect(out).toMatchObject({ kind: 'suppressed', reason: 'null_sender' });
    expect(await ack(conversationOf(out))).toMatchObject({ kind: 'suppressed' });
  });

  it.skipIf(!engine.available)('our own mail coming back is quarantined as a loop, not opened as a conversation', async () => {
    const before = await conversations();
    const cases: [string, ReturnType<typeof mail>, string | null][] = [
      ['From our mailbox', mail({ From: `Support <${c.mailbox}>` }), null],
      ['From a +tag of our mailbox', mail({ From: c.mailbox.replace('@', '+x@') }), null],
      ['From our mailbox in upper case, envelope ours too', mail({ From: c.mailbox.toUpperCase() }), c.mailbox],
      ['X-Loop names our mailbox', mail({ From: from(), 'X-Loop': c.mailbox }), null],
      ['X-Loop carries our loop id', mail({ From: from(), 'X-Loop': loopId(c.ws.id) }), null],
    ];
    for (const [what, m, mailFrom] of cases) {
      const out = await c.deliver(m, mailFrom ? { mailFrom } : {});
      expect(out, what).toMatchObject({ kind: 'quarantined', reason: 'loop' });
    }
    expect(await conversations()).toBe(before);
  });

  it.skipIf(!engine.available)(
    'a flooding sender is quarantined; reprocess ingests it once, a second reprocess is a conflict',
    async () => {
      const sender = from();
      for (let i = 0; i < MAIL_CAPS.perSenderPerHour; i++)
        expect(await c.deliver(mail({ From: sender })), `mail ${i}`).toMatchObject({ kind: 'created' });
      const held = await c.deliver(mail({ From: sender }, 'The one over the cap.'));
      expect(held).toMatchObject({ kind: 'quarantined', reason: 'sender_flood' });
      if (held.kind !== 'quarantined') return;
      const q = await c.h.db.query<{ released_at: Date | null }>(
        `SELECT released_at FROM mail_quarantine WHERE workspace_id = $1 AND id = $2`,
        [c.ws.id, held.quarantineId],
      );
      expect(q.rows).toEqual([{ released_at: null }]);

      c.h.clock.advance(60_000);
      // Two admins at once: one releases it, the other is told it was already done.
      const both = await Promise.allSettled([
        c.mail.ingest.reprocess(c.ws.id, held.quarantineId),
        c.mail.ingest.reprocess(c.ws.id, held.quarantineId),
      ]);
      const won = both.filter((r) => r.status === 'fulfilled');
      const lost = both.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect((lost[0]!.reason as AppError).code).toBe('conflict');
      const released = won[0]!.value;
      expect(released.kind).toBe('created');
      const conv = conversationOf(released);
      expect((await c.messages(conv)).map((m) => m.text)).toEqual(['The one over the cap.']);
      const err = await c.mail.ingest.reprocess(c.ws.id, held.quarantineId).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('conflict');
      expect(await c.count(`messages WHERE workspace_id = $1 AND text = 'The one over the cap.'`)).toBe(1);
      // Another workspace cannot release it.
      const foreign = await c.mail.ingest.reprocess('01900000-0000-7000-8000-00000000000b', held.quarantineId).catch((e: unknown) => e);
      expect((foreign as AppError).code).toBe('not_found');
      // An hour later the sender is welcome again.
      c.h.clock.advance(3600_000);
      expect((await c.deliver(mail({ From: sender }))).kind).toBe('created');
    },
  );
  it.skipIf(!engine.available)('a conversation flooded by many senders is capped; a new conversation is not', async () => {
    const conv = conversationOf(await c.deliver(mail({ From: from() })));
    const rcptTo = [c.mail.tokens.replyAddress(c.ws.id, conv, c.mailbox)];
    // The first message counts: MAIL_CAPS.perConversationPerHour in all are let in.
    for (let i = 1; i < MAIL_CAPS.perConversationPerHour; i++) {
      expect(await c.deliver(mail({ From: from() }), { rcptTo }), `reply ${i}`).toMatchObject({ kind: 'continued' });
    }
    expect(await c.deliver(mail({ From: from() }), { rcptTo })).toMatchObject({ kind: 'quarantined', reason: 'conversation_flood' });
    expect(await c.messages(conv)).toHaveLength(MAIL_CAPS.perConversationPerHour);
    expect((await c.deliver(mail({ From: from() }))).kind).toBe('created');
  });
  it.skipIf(!engine.available)(
    'an auto-reply to a solved conversation is stored but does not reopen it; a person replying does',
    async () => {
      const sender = from();
      const conv = conversationOf(await c.deliver(mail({ From: sender })));
      const rcptTo = [c.mail.tokens.replyAddress(c.ws.id, conv, c.mailbox)];
      const status = async () =>
        (await c.h.db.query<{ status: string }>(`SELECT status FROM conversations WHERE id = $1`, [conv])).rows[0]!.status;
      expect((await call(c.h, c.ws.token, 'PATCH', `/api/v1/conversations/${conv}`, { status: 'solved' })).statusCode).toBe(200);
      const vacation = await c.deliver(mail({ From: sender, 'Auto-Submitted': 'auto-replied' }, 'I am out of office until Monday.'), {
        rcptTo,
      });
      expect(vacation).toMatchObject({ kind: 'suppressed', conversationId: conv, reason: 'auto_submitted' });
      expect(await status()).toBe('solved');
      const person = await c.deliver(mail({ From: sender }, 'Actually it is broken again.'), { rcptTo });
      expect(person).toMatchObject({ kind: 'continued', conversationId: conv });
      expect(await status()).toBe('open');
      expect(await c.messages(conv)).toHaveLength(3);
    },
  );
});
