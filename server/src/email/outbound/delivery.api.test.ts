import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/engines.js';
import { call } from '../../test/harness.js';
import { conversationOf } from '../../test/mail/ingest-fixture.js';
import { startOutboundCase, type OutboundCase } from '../../test/mail/outbound-fixture.js';
import { startSmtpSink, type SmtpSink } from '../../test/mail/smtp-sink.js';
import { freePort } from '../../test/spawn-target.js';
import { FIRST_RETRY_MS, GIVE_UP_MS } from './backoff.js';
import { lockMailSettings, writeMailSettings } from './mail-settings.repo.js';
import { sendDueMail } from './send-mail.js';

/**
 * The sender against real SMTP receivers on both engines: a relay outage loses nothing and sends
 * once when the relay returns; temporary refusals back off, permanent ones fail with the reply;
 * old mail is given up; two senders never send one row twice; a workspace relay on a private
 * address is refused (when saved, and when a name resolves there at send time).
 */
describe.each(ENGINES)('outbound delivery on $engine', (engine) => {
  let c: OutboundCase;
  let n = 0;
  const sinks: SmtpSink[] = [];
  const useSink = async (opts: Parameters<typeof startSmtpSink>[0] = {}) => {
    const s = await startSmtpSink(opts);
    sinks.push(s);
    c.sender.serverRelay = `smtp://${s.host}:${s.port}`;
    return s;
  };
  /** A customer mail and an agent reply to it, drained into a queued outbox row. */
  const replyQueued = async (text = 'We are looking into it.') => {
    const conversationId = conversationOf(
      await c.deliver({
        headers: {
          From: `cust-${++n}@customer.example`,
          To: c.mailbox,
          Subject: `Case ${n}`,
          'Message-ID': `<d${n}.${Date.now()}@customer.example>`,
        },
        body: 'Something is wrong with my account, please help.',
      }),
    );
    await c.reply(conversationId, { text });
    await c.drainAll();
    return conversationId;
  };
  const row = async (conversationId: string) => (await c.outboxRows(conversationId))[0]!;
  const setRelay = (relayUrl: string | null, extra: { relayUser?: string; relaySecret?: string } = {}) =>
    c.h.db.transaction(async (tx) => {
      const s = await lockMailSettings(tx, c.ws.id, c.h.clock());
      await writeMailSettings(
        tx,
        c.ws.id,
        { ...s, relayUrl, relayUser: extra.relayUser ?? null, relaySecret: extra.relaySecret ?? null },
        c.h.clock(),
      );
    });

  beforeAll(async () => {
    if (engine.available) c = await startOutboundCase(engine);
  });
  afterAll(async () => {
    for (const s of sinks) await s.stop();
    await c?.close();
  });

  it.skipIf(!engine.available)('relay down: the mail waits with backoff and goes out once when the relay is back', async () => {
    const sink = await useSink();
    await sink.setDown(true);
    const conv = await replyQueued();
    expect(await sendDueMail(c.sender)).toMatchObject({ retrying: 1, sent: 0 });
    const first = await row(conv);
    expect(first).toMatchObject({ status: 'queued', attempts: 1 });
    expect(first.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(new Date(first.next_attempt_at).getTime() - c.h.clock().getTime()).toBe(FIRST_RETRY_MS);
    // Not due yet: nothing is tried.
    expect(await sendDueMail(c.sender)).toMatchObject({ retrying: 0, sent: 0 });
    c.h.clock.advance(FIRST_RETRY_MS);
    await sink.setDown(true, 'greet421');
    expect(await sendDueMail(c.sender)).toMatchObject({ retrying: 1 });
    const second = await row(conv);
    expect(second).toMatchObject({ status: 'queued', attempts: 2 });
    expect(new Date(second.next_attempt_at).getTime() - c.h.clock().getTime()).toBe(2 * FIRST_RETRY_MS);
    await sink.setDown(false);
    c.h.clock.advance(2 * FIRST_RETRY_MS);
    expect(await sendDueMail(c.sender)).toMatchObject({ sent: 1 });
    expect(await sendDueMail(c.sender)).toMatchObject({ sent: 0 });
    expect(sink.messages).toHaveLength(1);
    expect(await row(conv)).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
  });

  it.skipIf(!engine.available)('a 4xx reply is retried; a 5xx reply fails the mail with the relay response', async () => {
    const flaky = await useSink({ failFirst: 1 });
    const conv = await replyQueued();
    expect(await sendDueMail(c.sender)).toMatchObject({ retrying: 1 });
    expect((await row(conv)).last_error).toMatch(/451/);
    c.h.clock.advance(FIRST_RETRY_MS);
    expect(await sendDueMail(c.sender)).toMatchObject({ sent: 1 });
    expect(flaky.messages).toHaveLength(1);

    await useSink({ rejectWith: { code: 550, message: '5.1.1 <nobody> User unknown' } });
    const bad = await replyQueued();
    expect(await sendDueMail(c.sender)).toMatchObject({ failed: 1 });
    const failed = await row(bad);
    expect(failed).toMatchObject({ status: 'failed', reason: 'rejected', attempts: 1, next_attempt_at: null });
    expect(failed.smtp_response).toMatch(/^550 5\.1\.1 <nobody> User unknown/);
    const listed = await call(c.h, c.ws.token, 'GET', `/api/v1/mail/outbox?status=failed&conversationId=${bad}`);
    expect(listed.json().data).toMatchObject([{ status: 'failed', reason: 'rejected' }]);
  });

  it.skipIf(!engine.available)('mail undeliverable for two days is given up as expired; an admin retry sends it', async () => {
    c.sender.serverRelay = `smtp://127.0.0.1:${await freePort()}`;
    const conv = await replyQueued();
    let rounds = 0;
    while ((await row(conv)).status === 'queued' && rounds++ < 200) {
      await sendDueMail(c.sender);
      c.h.clock.advance(30 * 60_000);
    }
    const expired = await row(conv);
    expect(expired).toMatchObject({ status: 'failed', reason: 'expired' });
    expect(c.h.clock().getTime() - new Date(expired.created_at).getTime()).toBeGreaterThan(GIVE_UP_MS - 31 * 60_000);
    const sink = await useSink();
    expect((await call(c.h, c.ws.token, 'POST', `/api/v1/mail/outbox/${expired.id}/retry`)).statusCode).toBe(200);
    expect(await sendDueMail(c.sender)).toMatchObject({ sent: 1 });
    expect(sink.messages).toHaveLength(1);
  });

  it.skipIf(!engine.available)('two senders at once never send the same row twice', async () => {
    const sink = await useSink();
    const convs = [await replyQueued('one'), await replyQueued('two'), await replyQueued('three')];
    const passes = await Promise.all([sendDueMail(c.sender), sendDueMail(c.sender), sendDueMail(c.sender)]);
    expect(passes.reduce((s, p) => s + p.sent, 0)).toBe(3);
    expect(sink.messages).toHaveLength(3);
    for (const conv of convs) expect(await row(conv)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it.skipIf(!engine.available)('no relay at all: the mail waits without using up attempts', async () => {
    c.sender.serverRelay = undefined;
    const conv = await replyQueued();
    expect(await sendDueMail(c.sender)).toMatchObject({ waiting: 1 });
    expect(await row(conv)).toMatchObject({ status: 'queued', attempts: 0 });
    expect((await row(conv)).last_error).toMatch(/no relay/);
    const sink = await useSink();
    c.h.clock.advance(60_000);
    expect(await sendDueMail(c.sender)).toMatchObject({ sent: 1 });
    expect(sink.messages).toHaveLength(1);
  });

  it.skipIf(!engine.available)('the workspace relay takes precedence, with its sealed credentials', async () => {
    const server = await useSink();
    const own = await startSmtpSink({ auth: true });
    sinks.push(own);
    const put = await call(c.h, c.ws.token, 'PUT', '/api/v1/mail/settings', {
      relayUrl: `smtp://relay.example.com:25`,
      relayUser: 'ops',
      relayPassword: 'pw',
    });
    expect(put.json()).toMatchObject({ relay: 'workspace', relayUser: 'ops', passwordSet: true });
    expect(put.body).not.toContain('pw"');
    const got = await call(c.h, c.ws.token, 'GET', '/api/v1/mail/settings');
    expect(Object.keys(got.json())).not.toContain('relayPassword');
    expect(JSON.stringify(got.json())).not.toContain('"pw"');
    // The sink listens on loopback: the operator allows it, as for a relay on the LAN.
    await setRelay(`smtp://127.0.0.1:${own.port}`, { relayUser: 'ops', relaySecret: c.box.seal('pw', c.ws.id) });
    c.sender.allowedHosts = ['127.0.0.1'];
    try {
      await replyQueued();
      expect(await sendDueMail(c.sender)).toMatchObject({ sent: 1 });
      expect(own.messages).toHaveLength(1);
      expect(own.messages[0]!.user).toBe('ops');
      expect(server.messages).toHaveLength(0);
    } finally {
      c.sender.allowedHosts = [];
      await setRelay(null);
    }
    // This app was built without --smtp-relay (the sender's relay is the test's): no relay to show.
    expect((await call(c.h, c.ws.token, 'GET', '/api/v1/mail/settings')).json()).toMatchObject({
      relayUrl: null,
      relay: null,
      passwordSet: false,
    });
  });

  it.skipIf(!engine.available)('a workspace relay on a private address is refused when saved and when it resolves there', async () => {
    const sink = await useSink();
    for (const relayUrl of [
      `smtp://127.0.0.1:${sink.port}`,
      'smtp://localhost:25',
      'smtps://[::1]:465',
      'smtp://10.0.0.5',
      'smtp://169.254.169.254:25',
    ]) {
      const res = await call(c.h, c.ws.token, 'PUT', '/api/v1/mail/settings', { relayUrl });
      expect(res.statusCode, relayUrl).toBe(400);
      expect(res.json().error.code).toBe('private_address');
    }
    const bad = await call(c.h, c.ws.token, 'PUT', '/api/v1/mail/settings', { fromAddress: 'someone-else@example.org' });
    expect(bad.statusCode).toBe(400);

    // Stored anyway (an older row, a changed rule): the sender refuses it too, and nothing reaches the sink.
    await setRelay(`smtp://127.0.0.1:${sink.port}`);
    const literal = await replyQueued();
    expect(await sendDueMail(c.sender)).toMatchObject({ retrying: 1, sent: 0 });
    expect((await row(literal)).last_error).toMatch(/relay refused: 127\.0\.0\.1 is a private/);
    // A public-looking name that resolves to a private address (DNS rebinding) is refused at connect time.
    await setRelay(`smtp://relay.rebind.example:${sink.port}`);
    c.sender.resolve = (_host, _opts, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]);
    try {
      const named = await replyQueued();
      c.h.clock.advance(FIRST_RETRY_MS);
      await sendDueMail(c.sender);
      expect((await row(named)).last_error).toMatch(/relay refused: relay\.rebind\.example/);
      expect(sink.messages).toHaveLength(0);
    } finally {
      delete c.sender.resolve;
      await setRelay(null);
    }
  });
});
