import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appendEvent, outboxBacklog } from '../../events/events.repo.js';
import { FIRST_RETRY_MS } from '../../email/outbound/backoff.js';
import { channelsOnEvents } from '../../jobs/channel-send.job.js';
import { OutboxProcessor } from '../../jobs/outbox-processor.js';
import { newId } from '../../lib/ids.js';
import { SecretBox } from '../../lib/secret-box.js';
import { ENGINES } from '../../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../../test/harness.js';
import { saveMessageTranslation } from '../../translation/message-translations.repo.js';
import { replayServer, type Received, type Reply } from '../../translation/providers/replay.test-support.js';
import { insertReview, releaseReview } from '../../translation/reviews.repo.js';
import { insertChannelAccount, type ChannelKind } from '../accounts.repo.js';
import { newWebhookId, sealSecrets } from '../channel-secrets.js';
import { applyDeliveryStatus } from './delivery-status.js';
import { sendDueChannelMessages, type ChannelSenderDeps } from './send-channel.js';

const WA_TOKEN = 'EAAG-wa-access-token';
const TG_TOKEN = '7000001:AAE-tg-bot-token';
const TW_SID = 'AC11112222333344445555666677778888';
const TW_TOKEN = 'twilio-auth-token';

/**
 * Agents' replies on WhatsApp, Telegram and SMS conversations, on both engines: committed reply →
 * channel_outbox row in the outbox drain → the sender's exact, documented request to a local replay
 * of each provider; WhatsApp's 24-hour window (held, then a template); transient failures retried
 * with backoff, permanent ones failed with an event; delivery statuses only moving forward.
 */
describe.each(ENGINES)('outbound channel messages on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let outbox: OutboxProcessor;
  let sender: ChannelSenderDeps;
  let srv: Awaited<ReturnType<typeof replayServer>>;
  const box = SecretBox.random();
  const handlerErrors: unknown[] = [];
  const answers: Reply[] = [];
  const accounts = {} as Record<ChannelKind, string>;
  let n = 0;

  /** The providers' documented success answers, unless a test queued another. */
  const answer = (r: Received): Reply => {
    const queued = answers.shift();
    if (queued) return queued;
    n++;
    if (r.path.endsWith('/sendMessage'))
      return { body: { ok: true, result: { message_id: 100 + n, date: 1772442000, chat: { id: 1, type: 'private' }, text: '' } } };
    if (r.path.endsWith('/Messages.json')) return { status: 201, body: { sid: `SM${String(n).padStart(32, '0')}`, status: 'queued' } };
    return { body: { messaging_product: 'whatsapp', contacts: [{ input: '1', wa_id: '1' }], messages: [{ id: `wamid.TEST${n}` }] } };
  };

  const drainAll = async () => {
    for (let i = 0; i < 500 && ((await outbox.drain()) > 0 || (await outboxBacklog(h.db, 'default')) > 0); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const flush = async () => {
    await drainAll();
    return sendDueChannelMessages(sender);
  };
  /** A customer's message on a channel (as the inbound webhook stores it), opening a conversation. */
  const open = async (channel: ChannelKind, from: string, text = 'Hello, I need help with my order') => {
    const res = await call(h, ws.token, 'POST', '/api/v1/conversations', {
      customer: { email: `c${++n}@customer.example` },
      channel,
      message: {
        direction: 'inbound',
        text,
        language: 'en',
        channelMeta: { accountId: accounts[channel], from, providerMessageId: `in-${n}` },
      },
    });
    if (res.statusCode !== 201) throw new Error(`open: ${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };
  const reply = async (conversationId: string, text: string) => {
    const res = await call(h, ws.token, 'POST', `/api/v1/conversations/${conversationId}/messages`, { direction: 'outbound', text });
    if (res.statusCode !== 201) throw new Error(`reply: ${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };
  const row = async (conversationId: string) =>
    (
      await h.db.query<Record<string, any>>(
        `SELECT * FROM channel_outbox WHERE workspace_id = $1 AND conversation_id = $2 ORDER BY created_at, id`,
        [ws.id, conversationId],
      )
    ).rows.at(-1)!;
  const events = async (type: string) =>
    (
      await h.db.query<{ payload: any }>(`SELECT payload FROM events WHERE workspace_id = $1 AND type = $2 ORDER BY id`, [ws.id, type])
    ).rows.map((r) => r.payload);

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine, { secretBox: box });
    ws = await makeWorkspace(h);
    srv = await replayServer(answer);
    const add = async (kind: ChannelKind, settings: Record<string, unknown>, secrets: Record<string, string>) => {
      const id = newId();
      await insertChannelAccount(
        h.db,
        ws.id,
        {
          id,
          kind,
          name: kind,
          settings: settings as never,
          secretsSealed: sealSecrets(box, ws.id, secrets as never),
          webhookId: newWebhookId(),
          enabled: true,
        },
        h.clock(),
      );
      accounts[kind] = id;
    };
    await add(
      'whatsapp',
      { phoneNumberId: '106540352242922', businessAccountId: null, displayPhoneNumber: '+15550001111', graphApiVersion: 'v21.0' },
      { appSecret: 'app-secret', accessToken: WA_TOKEN, verifyToken: 'verify' },
    );
    await add('telegram', { botUsername: 'meridian_test_bot' }, { botToken: TG_TOKEN, secretToken: 'tg-secret' });
    await add('sms', { accountSid: TW_SID, fromNumber: '+15017122661', messagingServiceSid: null }, { authToken: TW_TOKEN });
    outbox = new OutboxProcessor(h.db, h.clock, [
      channelsOnEvents(
        () => undefined,
        (err) => handlerErrors.push(err),
      ),
    ]);
    sender = { db: h.db, clock: h.clock, box, apis: { whatsapp: srv.url, telegram: srv.url, twilio: srv.url } };
  });
  afterAll(async () => {
    await outbox?.stop();
    await srv?.close();
    await h?.close();
  });
  beforeEach(() => {
    if (!engine.available) return;
    srv.received.length = 0;
    answers.length = 0;
    expect(handlerErrors).toEqual([]);
  });

  it.skipIf(!engine.available)('a WhatsApp reply is the documented Cloud API request; the row is sent with the wamid', async () => {
    const conv = await open('whatsapp', '+4915112345678');
    const messageId = await reply(conv, 'Thanks! Your order ships today.');
    expect(await flush()).toMatchObject({ sent: 1 });
    expect(srv.received).toHaveLength(1);
    const [r] = srv.received;
    expect(r!.method).toBe('POST');
    expect(r!.path).toBe('/v21.0/106540352242922/messages');
    expect(r!.headers.authorization).toBe(`Bearer ${WA_TOKEN}`);
    expect(r!.json).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '4915112345678',
      type: 'text',
      text: { preview_url: false, body: 'Thanks! Your order ships today.' },
    });
    const sent = await row(conv);
    expect(sent).toMatchObject({ status: 'sent', message_id: messageId, recipient: '+4915112345678', attempts: 1, parts_sent: 1 });
    expect(sent.provider_message_id).toMatch(/^wamid\.TEST/);
    const msg = await call(h, ws.token, 'GET', `/api/v1/conversations/${conv}/messages`);
    expect(msg.json().data[1].channelMeta).toMatchObject({ providerMessageId: sent.provider_message_id, to: '+4915112345678' });
    expect((await events('channel_message.sent')).at(-1)).toMatchObject({ conversationId: conv, messageId, channel: 'whatsapp' });
    // Nothing is sent twice.
    expect(await flush()).toMatchObject({ sent: 0 });
    expect(srv.received).toHaveLength(1);
  });

  it.skipIf(!engine.available)('a Telegram reply goes to the chat id; a reply over 4096 characters goes as two messages', async () => {
    const conv = await open('telegram', '987654321');
    await reply(conv, 'Hi there!');
    const long = `${'word '.repeat(900).trim()}\n${'more '.repeat(200).trim()}`;
    await reply(conv, long);
    expect(await flush()).toMatchObject({ sent: 2 });
    expect(srv.received.map((r) => [r.method, r.path, r.headers['content-type']])).toEqual(
      Array(3).fill(['POST', `/bot${TG_TOKEN}/sendMessage`, 'application/json']),
    );
    expect(srv.received[0]!.raw).toBe('{"chat_id":987654321,"text":"Hi there!"}');
    const parts = srv.received.slice(1).map((r) => (r.json as { text: string }).text);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    // Cut at the last space within the limit (the line break lies past it): nothing lost but that space.
    expect(parts[0]!.endsWith('word')).toBe(true);
    expect(parts.join(' ')).toBe(long);
    const split = await row(conv);
    expect(split).toMatchObject({ status: 'sent', parts_sent: 2 });
    expect(split.provider_message_ids).toHaveLength(2);
  });

  it.skipIf(!engine.available)('an SMS reply is the documented Twilio form with Basic auth', async () => {
    const conv = await open('sms', '+14155550123');
    await reply(conv, 'Your code is 1234 & thanks');
    expect(await flush()).toMatchObject({ sent: 1 });
    const [r] = srv.received;
    expect(r!.path).toBe(`/2010-04-01/Accounts/${TW_SID}/Messages.json`);
    expect(r!.headers.authorization).toBe(`Basic ${Buffer.from(`${TW_SID}:${TW_TOKEN}`).toString('base64')}`);
    expect(r!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(r!.raw).toBe('To=%2B14155550123&From=%2B15017122661&Body=Your+code+is+1234+%26+thanks');
    expect((await row(conv)).provider_message_id).toMatch(/^SM\d{32}$/);
  });

  it.skipIf(!engine.available)('WhatsApp after 24 hours: the reply is held unsent; a template goes out instead', async () => {
    const conv = await open('whatsapp', '+4915100000001');
    h.clock.advance(24 * 3600_000 + 60_000);
    const late = await reply(conv, 'Sorry for the wait!');
    expect(await flush()).toMatchObject({ sent: 0 });
    expect(srv.received).toHaveLength(0);
    expect(await row(conv)).toMatchObject({ message_id: late, status: 'held', held_reason: 'outside_24h_window' });
    expect((await events('channel_message.held')).length).toBe(0); // held when queued: no sender outcome yet

    const bad = await call(h, ws.token, 'POST', `/api/v1/conversations/${conv}/whatsapp/template`, {
      name: 'Follow Up',
      language: 'en_US',
    });
    expect(bad.statusCode).toBe(400);
    const tpl = await call(h, ws.token, 'POST', `/api/v1/conversations/${conv}/whatsapp/template`, {
      name: 'order_follow_up',
      language: 'en_US',
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Kim' }] }],
    });
    expect(tpl.statusCode).toBe(201);
    expect(tpl.json()).toMatchObject({ status: 'queued', bodyKind: 'template', recipient: '+4915100000001' });
    expect(await flush()).toMatchObject({ sent: 1 });
    expect(srv.received).toHaveLength(1);
    expect(srv.received[0]!.json).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '4915100000001',
      type: 'template',
      template: {
        name: 'order_follow_up',
        language: { code: 'en_US' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'Kim' }] }],
      },
    });
    expect(await row(conv)).toMatchObject({ status: 'sent', body_kind: 'template' });
    const tg = await open('telegram', '5550001');
    expect(
      (await call(h, ws.token, 'POST', `/api/v1/conversations/${tg}/whatsapp/template`, { name: 'x', language: 'en' })).statusCode,
    ).toBe(409);
  });

  it.skipIf(!engine.available)('the window is measured again when the sender runs; WhatsApp 131047 also holds the reply', async () => {
    const conv = await open('whatsapp', '+4915100000002');
    h.clock.advance(23 * 3600_000);
    await reply(conv, 'Still there?');
    await drainAll();
    expect(await row(conv)).toMatchObject({ status: 'queued' });
    h.clock.advance(2 * 3600_000);
    expect(await sendDueChannelMessages(sender)).toMatchObject({ held: 1 });
    expect(srv.received).toHaveLength(0);
    expect((await events('channel_message.held')).at(-1)).toMatchObject({ conversationId: conv, reason: 'outside_24h_window' });

    // Meta knows better (the customer's last message was not ours to see): its answer holds the reply too.
    const conv2 = await open('whatsapp', '+4915100000003');
    await reply(conv2, 'Hello again');
    answers.push({
      status: 400,
      body: {
        error: {
          message: '(#131047) Re-engagement message',
          type: 'OAuthException',
          code: 131047,
          error_subcode: 2494010,
          fbtrace_id: 'Az8or2yhqkZfEZ-_4Qn_Bam',
        },
      },
    });
    expect(await flush()).toMatchObject({ held: 1 });
    expect(await row(conv2)).toMatchObject({ status: 'held', held_reason: 'outside_24h_window' });
    expect((await row(conv2)).last_error).toMatch(/131047/);
  });

  it.skipIf(!engine.available)('transient failures back off and then send once; Telegram retry_after is honoured', async () => {
    const conv = await open('whatsapp', '+4915100000004');
    await reply(conv, 'We are on it.');
    answers.push({
      status: 400,
      body: { error: { message: '(#130429) Rate limit hit', type: 'OAuthException', code: 130429, fbtrace_id: 'x' } },
    });
    expect(await flush()).toMatchObject({ retrying: 1 });
    const first = await row(conv);
    expect(first).toMatchObject({ status: 'queued', attempts: 1 });
    expect(new Date(first.next_attempt_at).getTime() - h.clock().getTime()).toBe(FIRST_RETRY_MS);
    expect(await sendDueChannelMessages(sender)).toMatchObject({ retrying: 0, sent: 0 });
    h.clock.advance(FIRST_RETRY_MS);
    answers.push({ status: 503, text: '<html>Service Unavailable</html>' });
    expect(await sendDueChannelMessages(sender)).toMatchObject({ retrying: 1 });
    expect(new Date((await row(conv)).next_attempt_at).getTime() - h.clock().getTime()).toBe(2 * FIRST_RETRY_MS);
    h.clock.advance(2 * FIRST_RETRY_MS);
    expect(await sendDueChannelMessages(sender)).toMatchObject({ sent: 1 });
    expect(srv.received).toHaveLength(3);
    expect(srv.received.map((r) => r.raw)).toEqual(Array(3).fill(srv.received[0]!.raw));
    expect(await row(conv)).toMatchObject({ status: 'sent', attempts: 3, last_error: null });

    const tg = await open('telegram', '5550002');
    await reply(tg, 'One moment');
    answers.push({
      status: 429,
      body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 90', parameters: { retry_after: 90 } },
    });
    expect(await flush()).toMatchObject({ retrying: 1 });
    expect(new Date((await row(tg)).next_attempt_at).getTime() - h.clock().getTime()).toBe(90_000);
  });

  it.skipIf(!engine.available)('replies never overtake each other: a later one waits while an earlier one backs off', async () => {
    const conv = await open('sms', '+14155550111');
    await reply(conv, 'First');
    await reply(conv, 'Second');
    answers.push({
      status: 503,
      body: { code: 20503, message: 'Service unavailable', more_info: 'https://www.twilio.com/docs/errors/20503', status: 503 },
    });
    expect(await flush()).toMatchObject({ retrying: 1, sent: 0 });
    expect(srv.received).toHaveLength(1);
    h.clock.advance(FIRST_RETRY_MS);
    expect(await sendDueChannelMessages(sender)).toMatchObject({ sent: 2 });
    expect(srv.received.map((r) => new URLSearchParams(r.raw).get('Body'))).toEqual(['First', 'First', 'Second']);
  });

  it.skipIf(!engine.available)('a permanent refusal fails the message with the reason and an event; a lead can retry it', async () => {
    const conv = await open('telegram', '5550003');
    const messageId = await reply(conv, 'Hello?');
    answers.push({ status: 403, body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } });
    expect(await flush()).toMatchObject({ failed: 1 });
    const failed = await row(conv);
    expect(failed).toMatchObject({
      status: 'failed',
      failed_reason: 'rejected',
      last_error: 'Telegram 403: Forbidden: bot was blocked by the user',
    });
    expect((await events('channel_message.failed')).at(-1)).toMatchObject({
      conversationId: conv,
      messageId,
      channel: 'telegram',
      reason: 'rejected',
      error: 'Telegram 403: Forbidden: bot was blocked by the user',
    });

    const agent = await ws.tokenFor('agent');
    const lead = await ws.tokenFor('lead');
    expect((await call(h, agent, 'GET', '/api/v1/channels/outbox')).statusCode).toBe(403);
    const listed = await call(h, lead, 'GET', `/api/v1/channels/outbox?status=failed&conversationId=${conv}`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().data).toMatchObject([{ id: failed.id, status: 'failed', failedReason: 'rejected', channel: 'telegram' }]);

    const retried = await call(h, lead, 'POST', `/api/v1/channels/outbox/${failed.id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'queued', attempts: 0, failedReason: null });
    expect((await call(h, lead, 'POST', `/api/v1/channels/outbox/${failed.id}/retry`)).statusCode).toBe(409);
    expect(await flush()).toMatchObject({ sent: 1 });
    expect(await row(conv)).toMatchObject({ status: 'sent' });
  });

  it.skipIf(!engine.available)('delivery statuses move the row forward only and are announced', async () => {
    const conv = await open('whatsapp', '+4915100000005');
    const messageId = await reply(conv, 'Delivered?');
    await flush();
    const sent = await row(conv);
    const pid = sent.provider_message_id as string;
    const apply = (status: 'sent' | 'delivered' | 'read' | 'failed', accountId = accounts.whatsapp, error?: string) =>
      h.db.transaction((tx) => applyDeliveryStatus(tx, ws.id, accountId, { providerMessageId: pid, status, at: h.clock(), error }));
    expect(await apply('delivered', accounts.sms)).toBe(false); // another account's message with that id: not ours
    expect(await apply('delivered')).toBe(true);
    expect(await apply('sent')).toBe(false);
    expect(await apply('read')).toBe(true);
    expect(await apply('delivered')).toBe(false);
    expect(await apply('failed', accounts.whatsapp, 'late failure')).toBe(false);
    expect(await row(conv)).toMatchObject({ status: 'read' });
    expect((await row(conv)).read_at).not.toBeNull();
    expect((await events('channel_message.read')).at(-1)).toMatchObject({ messageId, providerMessageId: pid });

    const sms = await open('sms', '+14155550199');
    await reply(sms, 'Status?');
    await flush();
    const smsRow = await row(sms);
    const fail = await h.db.transaction((tx) =>
      applyDeliveryStatus(tx, ws.id, accounts.sms, {
        providerMessageId: smsRow.provider_message_id,
        status: 'failed',
        at: h.clock(),
        error: '30003',
      }),
    );
    expect(fail).toBe(true);
    expect(await row(sms)).toMatchObject({ status: 'failed', failed_reason: 'undelivered', last_error: '30003' });
    expect((await events('channel_message.failed')).at(-1)).toMatchObject({ reason: 'undelivered', error: '30003' });
  });

  it.skipIf(!engine.available)(
    'a reply held for translation review goes out only when released, as its delivered translation',
    async () => {
      const conv = await open('whatsapp', '+34600000001', 'Hola, mi pedido no ha llegado todavía.');
      const messageId = await reply(conv, 'Your refund is on its way.');
      // As the translated-reply command leaves it: a delivered translation, held for a fluent reviewer.
      await h.db.transaction(async (tx) => {
        await saveMessageTranslation(
          tx,
          ws.id,
          messageId,
          {
            language: 'es',
            sourceLanguage: 'en',
            status: 'translated',
            text: 'Su reembolso está en camino.',
            provider: 'test',
            flags: [],
            delivered: true,
          },
          h.clock(),
        );
        await insertReview(tx, ws.id, { messageId, language: 'es', reasons: [{ category: 'refund' }] }, h.clock());
      });
      expect(await flush()).toMatchObject({ sent: 0 });
      const held = await row(conv);
      expect(held).toMatchObject({ status: 'held', held_reason: 'awaiting_review' });
      expect((await call(h, await ws.tokenFor('lead'), 'POST', `/api/v1/channels/outbox/${held.id}/retry`)).statusCode).toBe(409);
      expect(srv.received).toHaveLength(0);
      await h.db.transaction(async (tx) => {
        await releaseReview(tx, ws.id, messageId, h.clock());
        await appendEvent(
          tx,
          ws.id,
          { type: 'message.outbound_ready', subjectId: messageId, payload: { conversationId: conv, messageId, language: 'es' } },
          h.clock(),
        );
      });
      expect(await flush()).toMatchObject({ sent: 1 });
      expect((srv.received[0]!.json as { text: { body: string } }).text.body).toBe('Su reembolso está en camino.');
    },
  );

  it.skipIf(!engine.available)('a conversation without a customer address holds the reply; e-mail replies are not ours', async () => {
    const res = await call(h, ws.token, 'POST', '/api/v1/conversations', {
      customer: { email: 'nobody@customer.example' },
      channel: 'sms',
      message: { direction: 'outbound', text: 'We tried to reach you' },
    });
    expect(res.statusCode).toBe(201);
    await flush();
    expect(await row(res.json().id)).toMatchObject({ status: 'held', held_reason: 'no_recipient' });
    const mail = await call(h, ws.token, 'POST', '/api/v1/conversations', {
      customer: { email: 'mail@customer.example' },
      channel: 'email',
      message: { direction: 'inbound', text: 'Mail' },
    });
    await reply(mail.json().id, 'Mail reply');
    await flush();
    expect(await row(mail.json().id)).toBeUndefined();
    expect(srv.received).toHaveLength(0);
  });
});
