import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockSender } from '../../abuse/blocks.repo.js';
import { newId } from '../../lib/ids.js';
import { ENGINES } from '../../test/engines.js';
import { call, makeWorkspace, rowCounts, startHarness, type Harness, type TestWorkspace } from '../../test/harness.js';
import {
  telegramMessage,
  TWILIO_ACCOUNT_SID,
  TWILIO_NUMBER,
  twilioIncoming,
  twilioStatus,
  WA_PHONE_NUMBER_ID,
  whatsAppImage,
  whatsAppStatus,
  whatsAppText,
} from './fixtures.js';
import { twilioSignature } from './signatures.js';
import { queueChannelMessage } from '../outbound/queue-channel-message.js';

const PUBLIC_URL = 'https://help.example.com';
const WA = { appSecret: 'wa-app-secret-0123456789', accessToken: 'EAAG-access-token', verifyToken: 'wa-verify-token' };
const TG = { botToken: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw', secretToken: 'tg_secret-Token_0123' };
const TW = { authToken: '0123456789abcdef0123456789abcdef' };

const PT =
  'Olá, encomendei um par de sapatos na semana passada e ainda não recebi nenhuma notícia sobre a entrega. Podem verificar o estado do meu pedido, por favor?';
const PT2 = 'Obrigada pela resposta rápida. O número do pedido é o que aparece no e-mail de confirmação que recebi ontem à noite.';
const JA = '先週注文した靴がまだ届いていません。配送状況を確認していただけますか？どうぞよろしくお願いいたします。';
const JA2 = '注文番号は確認メールに記載されています。お手数をおかけしますが、よろしくお願いします。';
const ES = 'Hola, pedí unos zapatos la semana pasada y todavía no han llegado. ¿Podrían revisar el estado de mi pedido, por favor?';
const ES2 = 'Muchas gracias por la ayuda. El número de pedido está en el correo de confirmación que me enviaron ayer.';

/**
 * Acceptance 4 (inbound): WhatsApp, Telegram and Twilio webhooks with the providers' documented
 * payloads and signatures computed here. Valid ones open or continue conversations with the language
 * detected; redeliveries, bad or missing signatures, unknown or disabled accounts store nothing.
 */
describe.each(ENGINES)('channel webhooks on $engine', (engine) => {
  let h: Harness;
  let A: TestWorkspace;
  let B: TestWorkspace;
  let wa: { id: string; webhookPath: string };
  let tg: { id: string; webhookPath: string };
  let sms: { id: string; webhookPath: string };
  let waB: { id: string; webhookPath: string };

  const create = async (ws: TestWorkspace, body: object) => {
    const res = await call(h, ws.token, 'POST', '/api/v1/channels', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; webhookPath: string }>();
  };
  const postWhatsApp = (path: string, payload: unknown, secret: string | null = WA.appSecret, raw?: string) => {
    const body = raw ?? JSON.stringify(payload);
    const sig = secret === null ? {} : { 'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` };
    return h.app.inject({ method: 'POST', url: path, payload: body, headers: { 'content-type': 'application/json', ...sig } });
  };
  const postTelegram = (path: string, update: unknown, token: string | null = TG.secretToken) =>
    h.app.inject({
      method: 'POST',
      url: path,
      payload: JSON.stringify(update),
      headers: { 'content-type': 'application/json', ...(token === null ? {} : { 'x-telegram-bot-api-secret-token': token }) },
    });
  const postTwilio = (path: string, params: [string, string][], token: string | null = TW.authToken, signedUrl = `${PUBLIC_URL}${path}`) =>
    h.app.inject({
      method: 'POST',
      url: path,
      payload: new URLSearchParams(params).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(token === null ? {} : { 'x-twilio-signature': twilioSignature(token, signedUrl, params) }),
      },
    });
  const conversationsOf = async (ws: TestWorkspace) =>
    (await call(h, ws.token, 'GET', '/api/v1/conversations?limit=100')).json<{
      data: { id: string; channel: string; language: string | null; customerId: string; status: string }[];
    }>().data;
  const messagesOf = async (ws: TestWorkspace, conversationId: string) =>
    (await call(h, ws.token, 'GET', `/api/v1/conversations/${conversationId}/messages`)).json<{
      data: { text: string; language: string | null; channelMeta: Record<string, string> }[];
    }>().data;
  const counts = () => rowCounts(h.db);

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine, { publicUrl: PUBLIC_URL });
    A = await makeWorkspace(h);
    B = await makeWorkspace(h);
    wa = await create(A, {
      kind: 'whatsapp',
      name: 'WhatsApp support',
      settings: { phoneNumberId: WA_PHONE_NUMBER_ID, displayPhoneNumber: '+15550783881' },
      secrets: WA,
    });
    tg = await create(A, { kind: 'telegram', name: 'Telegram bot', settings: { botUsername: 'meridian_help_bot' }, secrets: TG });
    sms = await create(A, {
      kind: 'sms',
      name: 'SMS',
      settings: { accountSid: TWILIO_ACCOUNT_SID, fromNumber: TWILIO_NUMBER },
      secrets: TW,
    });
    waB = await create(B, {
      kind: 'whatsapp',
      name: 'B WhatsApp',
      settings: { phoneNumberId: WA_PHONE_NUMBER_ID },
      secrets: { ...WA, appSecret: 'b-app-secret', verifyToken: 'b-verify' },
    });
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)('WhatsApp: the verification handshake answers the challenge only for the verify token', async () => {
    const q = (token: string, mode = 'subscribe') =>
      `${wa.webhookPath}?hub.mode=${mode}&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=1158201444`;
    const ok = await h.app.inject({ method: 'GET', url: q(WA.verifyToken) });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^text\/plain/);
    expect(ok.body).toBe('1158201444');
    expect((await h.app.inject({ method: 'GET', url: q('wrong') })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: q(WA.verifyToken, 'unsubscribe') })).statusCode).toBe(403);
    // B's token does not verify A's account, nor the other way round.
    expect((await h.app.inject({ method: 'GET', url: q('b-verify') })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: q(WA.verifyToken).replace(wa.webhookPath, waB.webhookPath) })).statusCode).toBe(403);
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: q(WA.verifyToken).replace(wa.webhookPath, '/webhooks/whatsapp/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
        })
      ).statusCode,
    ).toBe(404);
  });

  it.skipIf(!engine.available)(
    'WhatsApp: a signed text opens a conversation in Portuguese; the next continues it; a redelivery stores nothing',
    async () => {
      const first = whatsAppText({
        id: 'wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
        from: '16315551181',
        name: 'Beatriz Souza',
        body: PT,
      });
      const res = await postWhatsApp(wa.webhookPath, first);
      expect(res.statusCode, res.body).toBe(200);
      const [conv] = (await conversationsOf(A)).filter((c) => c.channel === 'whatsapp');
      expect(conv).toMatchObject({ channel: 'whatsapp', language: 'pt', status: 'new' });
      const customer = (await call(h, A.token, 'GET', `/api/v1/customers/${conv!.customerId}`)).json();
      expect(customer).toMatchObject({ name: 'Beatriz Souza', phones: ['+16315551181'] });
      const [msg] = await messagesOf(A, conv!.id);
      expect(msg!.text).toBe(PT);
      expect(msg!.language).toBe('pt');
      expect(msg!.channelMeta).toMatchObject({
        accountId: wa.id,
        from: '+16315551181',
        to: '+15550783881',
        providerMessageId: 'wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
        profileName: 'Beatriz Souza',
        waId: '16315551181',
        phoneNumberId: WA_PHONE_NUMBER_ID,
        messageType: 'text',
      });

      const before = await counts();
      const again = await postWhatsApp(wa.webhookPath, first);
      expect(again.statusCode).toBe(200);
      expect(await counts()).toEqual(before);

      expect(
        (await postWhatsApp(wa.webhookPath, whatsAppText({ id: 'wamid.second-pt', from: '16315551181', name: 'Beatriz Souza', body: PT2 })))
          .statusCode,
      ).toBe(200);
      expect(
        (await postWhatsApp(wa.webhookPath, whatsAppImage({ id: 'wamid.image-pt', from: '16315551181', name: 'Beatriz Souza' })))
          .statusCode,
      ).toBe(200);
      expect((await conversationsOf(A)).filter((c) => c.channel === 'whatsapp')).toHaveLength(1);
      const all = await messagesOf(A, conv!.id);
      expect(all.map((m) => m.text)).toEqual([PT, PT2, '[image]']);
      expect(all[2]!.channelMeta).toMatchObject({ messageType: 'image', media: '1003383421387256', mediaTypes: 'image/jpeg' });
    },
  );

  it.skipIf(!engine.available)('WhatsApp: a bad, missing or foreign signature is a 401 and stores nothing', async () => {
    const payload = whatsAppText({ id: 'wamid.unsigned', from: '16315551199', name: 'Mallory', body: PT });
    const before = await counts();
    const commits = h.commits;
    for (const res of [
      await postWhatsApp(wa.webhookPath, payload, null),
      await postWhatsApp(wa.webhookPath, payload, 'not-the-app-secret'),
      await postWhatsApp(wa.webhookPath, payload, 'b-app-secret'),
      // Signed bytes, other bytes sent: the signature covers the exact body.
      await h.app.inject({
        method: 'POST',
        url: wa.webhookPath,
        payload: `${JSON.stringify(payload)} `,
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': `sha256=${createHmac('sha256', WA.appSecret).update(JSON.stringify(payload)).digest('hex')}`,
        },
      }),
    ]) {
      expect(res.statusCode, res.body).toBe(401);
      expect(res.json().error.code).toBe('unauthorized');
    }
    expect(await counts()).toEqual(before);
    expect(h.commits).toBe(commits);
  });

  it.skipIf(!engine.available)('WhatsApp: statuses, other numbers and signed garbage are answered 200 and store nothing', async () => {
    const before = await counts();
    for (const status of ['sent', 'delivered', 'read', 'failed'] as const) {
      expect(
        (await postWhatsApp(wa.webhookPath, whatsAppStatus({ id: 'wamid.outbound-1', recipient: '16315551181', status }))).statusCode,
      ).toBe(200);
    }
    const otherNumber = whatsAppText({ id: 'wamid.other-number', from: '16315551181', name: 'B', body: PT });
    otherNumber.entry[0]!.changes[0]!.value.metadata.phone_number_id = '999999999999';
    expect((await postWhatsApp(wa.webhookPath, otherNumber)).statusCode).toBe(200);
    expect((await postWhatsApp(wa.webhookPath, null, WA.appSecret, 'this is not json')).statusCode).toBe(200);
    expect((await postWhatsApp(wa.webhookPath, { object: 'page', entry: [] })).statusCode).toBe(200);
    expect(await counts()).toEqual(before);
  });

  it.skipIf(!engine.available)(
    'Telegram: a message opens a conversation in Japanese with the customer’s locale; redelivery and bad tokens store nothing',
    async () => {
      const first = telegramMessage({
        updateId: 912345001,
        messageId: 41,
        userId: 700100200,
        firstName: '花子',
        lastName: '山田',
        username: 'hanako_y',
        languageCode: 'ja',
        text: JA,
      });
      const res = await postTelegram(tg.webhookPath, first);
      expect(res.statusCode, res.body).toBe(200);
      const [conv] = (await conversationsOf(A)).filter((c) => c.channel === 'telegram');
      expect(conv).toMatchObject({ channel: 'telegram', language: 'ja' });
      const customer = (await call(h, A.token, 'GET', `/api/v1/customers/${conv!.customerId}`)).json();
      expect(customer).toMatchObject({ name: '花子 山田', locale: 'ja', externalIds: ['telegram:700100200'] });
      const [msg] = await messagesOf(A, conv!.id);
      expect(msg!.channelMeta).toMatchObject({
        accountId: tg.id,
        from: '700100200',
        to: '@meridian_help_bot',
        providerMessageId: '41',
        telegramUserId: '700100200',
        telegramUsername: 'hanako_y',
        telegramChatType: 'private',
        acceptLanguage: 'ja',
      });

      const before = await counts();
      expect((await postTelegram(tg.webhookPath, first)).statusCode).toBe(200);
      for (const token of [null, 'wrong-token', TG.secretToken.slice(0, -1)]) {
        const bad = await postTelegram(
          tg.webhookPath,
          telegramMessage({ updateId: 912345099, messageId: 99, userId: 700100200, firstName: 'x', text: JA }),
          token,
        );
        expect(bad.statusCode).toBe(401);
      }
      expect(await counts()).toEqual(before);

      const second = telegramMessage({
        updateId: 912345002,
        messageId: 42,
        userId: 700100200,
        firstName: '花子',
        lastName: '山田',
        languageCode: 'ja',
        text: JA2,
      });
      expect((await postTelegram(tg.webhookPath, second)).statusCode).toBe(200);
      // An edit is a new update of the same message: kept as a message marked edited.
      const edit = telegramMessage({
        updateId: 912345003,
        messageId: 42,
        userId: 700100200,
        firstName: '花子',
        languageCode: 'ja',
        text: `${JA2}（訂正）`,
        edited: true,
      });
      expect((await postTelegram(tg.webhookPath, edit)).statusCode).toBe(200);
      expect((await conversationsOf(A)).filter((c) => c.channel === 'telegram')).toHaveLength(1);
      const all = await messagesOf(A, conv!.id);
      expect(all.map((m) => m.language)).toEqual(['ja', 'ja', 'ja']);
      expect(all[2]!.channelMeta.edited).toBe('true');
    },
  );

  it.skipIf(!engine.available)(
    'Twilio: an SMS opens a conversation in Spanish, answered with empty TwiML; a second continues it',
    async () => {
      const first = twilioIncoming({ sid: 'SM1f0e3b5e0d8c4c6b9a2e7d1c3b5a7f90', from: '+34612345678', body: ES });
      const res = await postTwilio(sms.webhookPath, first);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/xml/);
      expect(res.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
      const [conv] = (await conversationsOf(A)).filter((c) => c.channel === 'sms');
      expect(conv).toMatchObject({ channel: 'sms', language: 'es' });
      const [msg] = await messagesOf(A, conv!.id);
      expect(msg!.channelMeta).toMatchObject({
        accountId: sms.id,
        from: '+34612345678',
        to: TWILIO_NUMBER,
        providerMessageId: 'SM1f0e3b5e0d8c4c6b9a2e7d1c3b5a7f90',
        twilioAccountSid: TWILIO_ACCOUNT_SID,
        fromCountry: 'ES',
      });

      const before = await counts();
      expect((await postTwilio(sms.webhookPath, first)).statusCode).toBe(200);
      expect(await counts()).toEqual(before);

      const mms = twilioIncoming({
        sid: 'MM2a0e3b5e0d8c4c6b9a2e7d1c3b5a7f91',
        from: '+34612345678',
        body: ES2,
        media: [{ url: 'https://api.twilio.com/2010-04-01/Accounts/AC0123/Messages/MM2a/Media/ME1', type: 'image/png' }],
      });
      expect((await postTwilio(sms.webhookPath, mms)).statusCode).toBe(200);
      const all = await messagesOf(A, conv!.id);
      expect(all.map((m) => m.text)).toEqual([ES, ES2]);
      expect(all[1]!.channelMeta).toMatchObject({ messageType: 'mms', mediaTypes: 'image/png' });
    },
  );

  it.skipIf(!engine.available)(
    'Twilio: a bad signature, another URL or a missing header is a 401; status callbacks store nothing',
    async () => {
      const params = twilioIncoming({ sid: 'SM3b0e3b5e0d8c4c6b9a2e7d1c3b5a7f92', from: '+34600000001', body: ES });
      const before = await counts();
      expect((await postTwilio(sms.webhookPath, params, null)).statusCode).toBe(401);
      expect((await postTwilio(sms.webhookPath, params, 'fedcba9876543210fedcba9876543210')).statusCode).toBe(401);
      expect((await postTwilio(sms.webhookPath, params, TW.authToken, `http://help.example.com${sms.webhookPath}`)).statusCode).toBe(401);
      // A parameter changed after signing.
      const sig = twilioSignature(TW.authToken, `${PUBLIC_URL}${sms.webhookPath}`, params);
      const tampered = params.map(([k, v]): [string, string] => [k, k === 'Body' ? 'hola' : v]);
      const res = await h.app.inject({
        method: 'POST',
        url: sms.webhookPath,
        payload: new URLSearchParams(tampered).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': sig },
      });
      expect(res.statusCode).toBe(401);
      for (const status of ['queued', 'sent', 'delivered', 'undelivered', 'failed']) {
        const cb = await postTwilio(
          sms.webhookPath,
          twilioStatus({
            sid: 'SM9f0e3b5e0d8c4c6b9a2e7d1c3b5a7f99',
            to: '+34612345678',
            status,
            ...(status === 'failed' ? { errorCode: '30003' } : {}),
          }),
        );
        expect(cb.statusCode).toBe(200);
        expect(cb.body).toContain('<Response></Response>');
      }
      expect(await counts()).toEqual(before);
    },
  );

  it.skipIf(!engine.available)('delivery statuses move our sent message forward: WhatsApp statuses and Twilio callbacks', async () => {
    // A reply in the Portuguese WhatsApp conversation, queued and marked sent as the sender would.
    const conv = (await conversationsOf(A)).find((c) => c.channel === 'whatsapp')!;
    const reply = await call(h, A.token, 'POST', `/api/v1/conversations/${conv.id}/messages`, {
      direction: 'outbound',
      text: 'Olá! Vamos verificar.',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    const queued = await h.db.transaction((tx) => queueChannelMessage(tx, A.id, reply.json().id, h.clock()));
    if (queued.kind !== 'queued') throw new Error(queued.kind);
    await h.db.query(
      `UPDATE channel_outbox SET status = 'sent', provider_message_ids = ARRAY['wamid.outbound-sent'] WHERE workspace_id = $1 AND id = $2`,
      [A.id, queued.row.id],
    );
    const row = async () => (await call(h, A.token, 'GET', `/api/v1/channels/outbox?conversationId=${conv.id}`)).json().data[0];
    const commits = h.commits;
    expect(
      (await postWhatsApp(wa.webhookPath, whatsAppStatus({ id: 'wamid.outbound-sent', recipient: '16315551181', status: 'delivered' })))
        .statusCode,
    ).toBe(200);
    expect((await row()).status).toBe('delivered');
    expect(
      (await postWhatsApp(wa.webhookPath, whatsAppStatus({ id: 'wamid.outbound-sent', recipient: '16315551181', status: 'read' })))
        .statusCode,
    ).toBe(200);
    expect((await row()).status).toBe('read');
    expect(h.commits).toBe(commits + 2);
    // Another account's report about the same id changes nothing.
    expect(
      (
        await postWhatsApp(
          waB.webhookPath,
          whatsAppStatus({ id: 'wamid.outbound-sent', recipient: '16315551181', status: 'failed' }),
          'b-app-secret',
        )
      ).statusCode,
    ).toBe(200);
    expect((await row()).status).toBe('read');

    const smsConv = (await conversationsOf(A)).find((c) => c.channel === 'sms')!;
    const smsReply = await call(h, A.token, 'POST', `/api/v1/conversations/${smsConv.id}/messages`, {
      direction: 'outbound',
      text: 'Hola, lo revisamos.',
    });
    const smsQueued = await h.db.transaction((tx) => queueChannelMessage(tx, A.id, smsReply.json().id, h.clock()));
    if (smsQueued.kind !== 'queued') throw new Error(smsQueued.kind);
    const sid = 'SM7e0e3b5e0d8c4c6b9a2e7d1c3b5a7f97';
    await h.db.query(`UPDATE channel_outbox SET status = 'sent', provider_message_ids = ARRAY[$3] WHERE workspace_id = $1 AND id = $2`, [
      A.id,
      smsQueued.row.id,
      sid,
    ]);
    expect(
      (await postTwilio(sms.webhookPath, twilioStatus({ sid, to: '+34612345678', status: 'undelivered', errorCode: '30003' }))).statusCode,
    ).toBe(200);
    const failed = (await call(h, A.token, 'GET', `/api/v1/channels/outbox?conversationId=${smsConv.id}`)).json().data[0];
    expect(failed.status).toBe('failed');
  });

  it.skipIf(!engine.available)('a closed conversation is not continued: the next message opens a new one', async () => {
    const from = '16315552000';
    expect((await postWhatsApp(wa.webhookPath, whatsAppText({ id: 'wamid.close-1', from, name: 'Carla', body: PT }))).statusCode).toBe(200);
    const mine = async () => (await conversationsOf(A)).filter((c) => c.channel === 'whatsapp');
    const conv = (await mine()).find((c) => c.status === 'new' && c.id)!;
    const customerId = conv.customerId;
    const ofCustomer = async () => (await mine()).filter((c) => c.customerId === customerId);
    expect(await ofCustomer()).toHaveLength(1);
    const closed = await call(h, A.token, 'PATCH', `/api/v1/conversations/${(await ofCustomer())[0]!.id}`, { status: 'closed' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await postWhatsApp(wa.webhookPath, whatsAppText({ id: 'wamid.close-2', from, name: 'Carla', body: PT2 }))).statusCode).toBe(
      200,
    );
    const after = await ofCustomer();
    expect(after).toHaveLength(2);
    expect(after.map((c) => c.status).sort()).toEqual(['closed', 'new']);
  });

  it.skipIf(!engine.available)('a blocked sender is answered 200 and nothing is stored', async () => {
    await h.db.transaction((tx) =>
      blockSender(tx, A.id, { id: newId(), channel: 'sms', address: '+34699999999', reason: 'spam', createdBy: null }, h.clock()),
    );
    const before = await counts();
    const res = await postTwilio(
      sms.webhookPath,
      twilioIncoming({ sid: 'SM4c0e3b5e0d8c4c6b9a2e7d1c3b5a7f93', from: '+34699999999', body: ES }),
    );
    expect(res.statusCode).toBe(200);
    expect(await counts()).toEqual(before);
  });

  it.skipIf(!engine.available)('unknown, disabled and other workspaces’ accounts: 404 or 401, nothing stored', async () => {
    const payload = whatsAppText({ id: 'wamid.tenancy', from: '16315553000', name: 'Eve', body: PT });
    const before = await counts();
    const unknown = await postWhatsApp('/webhooks/whatsapp/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', payload);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
    // A webhook id of one kind does not answer as another.
    expect(
      (
        await postTelegram(
          wa.webhookPath.replace('whatsapp', 'telegram'),
          telegramMessage({ updateId: 1, messageId: 1, userId: 1, firstName: 'x', text: JA }),
        )
      ).statusCode,
    ).toBe(404);
    expect((await postWhatsApp('/webhooks/whatsapp/not-an-id', payload)).statusCode).toBe(400);
    // A's secret on B's webhook: B's account verifies with B's own secret.
    expect((await postWhatsApp(waB.webhookPath, payload)).statusCode).toBe(401);
    // A's admin cannot see or change B's account.
    expect((await call(h, A.token, 'GET', `/api/v1/channels/${waB.id}`)).statusCode).toBe(404);
    expect((await call(h, A.token, 'PATCH', `/api/v1/channels/${waB.id}`, { enabled: false })).statusCode).toBe(404);
    expect(await counts()).toEqual(before);

    expect((await call(h, A.token, 'PATCH', `/api/v1/channels/${tg.id}`, { enabled: false })).statusCode).toBe(200);
    const before2 = await counts();
    const disabled = await postTelegram(
      tg.webhookPath,
      telegramMessage({ updateId: 912345900, messageId: 900, userId: 700100201, firstName: 'x', text: JA }),
    );
    expect(disabled.statusCode).toBe(404);
    expect(await counts()).toEqual(before2);
    expect((await call(h, A.token, 'PATCH', `/api/v1/channels/${tg.id}`, { enabled: true })).statusCode).toBe(200);

    // B's own signed message lands in B only.
    const aConversations = (await conversationsOf(A)).length;
    const inB = await postWhatsApp(waB.webhookPath, payload, 'b-app-secret');
    expect(inB.statusCode).toBe(200);
    expect(await conversationsOf(B)).toHaveLength(1);
    expect(await conversationsOf(A)).toHaveLength(aConversations);
  });
});
