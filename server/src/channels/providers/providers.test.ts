import { afterEach, describe, expect, it } from 'vitest';
import { replayServer } from '../../translation/providers/replay.test-support.js';
import { ChannelSendError, splitText } from './http.js';
import { sendTelegram } from './telegram.js';
import { sendTwilio } from './twilio.js';
import { sendWhatsApp } from './whatsapp.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const WA = { phoneNumberId: '106540352242922', graphApiVersion: 'v21.0', accessToken: 'EAAG-test-token' };
const TG = { botToken: '123456:ABC-test-token' };
const TW = { accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: 'twilio-test-token', fromNumber: '+15017122661' };

async function failure(p: Promise<unknown>): Promise<ChannelSendError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ChannelSendError) return err;
    throw err;
  }
  throw new Error('expected a ChannelSendError');
}

describe('WhatsApp Cloud API against a replay of POST /{version}/{phone-number-id}/messages', () => {
  it('sends the documented text request and reads messages[0].id', async () => {
    const srv = await replayServer(() => ({
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: '4915112345678', wa_id: '4915112345678' }],
        messages: [{ id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI4QTRBMjY2NEI1QkRFNDRBMwA=' }],
      },
    }));
    close = srv.close;
    const sent = await sendWhatsApp(srv.url, WA, '+4915112345678', { kind: 'text', text: 'Hallo! Wie können wir helfen?' });
    expect(sent).toEqual({ providerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI4QTRBMjY2NEI1QkRFNDRBMwA=' });
    const [r] = srv.received;
    expect(r!.method).toBe('POST');
    expect(r!.path).toBe('/v21.0/106540352242922/messages');
    expect(r!.headers.authorization).toBe('Bearer EAAG-test-token');
    expect(r!.headers['content-type']).toBe('application/json');
    expect(r!.raw).toBe(
      '{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"text","text":{"preview_url":false,"body":"Hallo! Wie können wir helfen?"}}',
    );
  });

  it('sends a template with its language and components', async () => {
    const srv = await replayServer(() => ({
      body: { messaging_product: 'whatsapp', messages: [{ id: 'wamid.T1', message_status: 'accepted' }] },
    }));
    close = srv.close;
    const components = [{ type: 'body', parameters: [{ type: 'text', text: 'Kim' }] }];
    const sent = await sendWhatsApp(srv.url, WA, '+15551234567', {
      kind: 'template',
      template: { name: 'follow_up', language: 'en_US', components },
    });
    expect(sent).toEqual({ providerMessageId: 'wamid.T1', status: 'accepted' });
    expect(srv.received[0]!.json).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '15551234567',
      type: 'template',
      template: { name: 'follow_up', language: { code: 'en_US' }, components },
    });
  });

  it('classifies Graph errors: 131047 needs a template, rate limits and 5xx pass, others are final', async () => {
    const graphError = (code: number, message: string) => ({
      error: { message, type: 'OAuthException', code, error_subcode: 2494010, fbtrace_id: 'AbCdEf' },
    });
    const cases: [number, number, string, ChannelSendError['kind']][] = [
      [400, 131047, '(#131047) Re-engagement message', 'template_required'],
      [400, 130429, '(#130429) Rate limit hit', 'transient'],
      [400, 131056, '(#131056) (Business Account, Consumer Account) pair rate limit hit', 'transient'],
      [400, 80007, '(#80007) Rate limit issues', 'transient'],
      [500, 131000, 'Something went wrong', 'transient'],
      [400, 131026, '(#131026) Message undeliverable', 'permanent'],
      [401, 190, 'Error validating access token', 'permanent'],
    ];
    for (const [status, code, message, kind] of cases) {
      const srv = await replayServer(() => ({ status, body: graphError(code, message) }));
      const e = await failure(sendWhatsApp(srv.url, WA, '+15551234567', { kind: 'text', text: 'x' }));
      await srv.close();
      expect([code, e.kind, e.providerCode]).toEqual([code, kind, code]);
      expect(e.message).toContain(String(code));
      expect(e.message).not.toContain(WA.accessToken);
    }
    const srv = await replayServer(() => ({ status: 429, text: '<html>slow down</html>' }));
    close = srv.close;
    expect((await failure(sendWhatsApp(srv.url, WA, '+1555', { kind: 'text', text: 'x' }))).kind).toBe('transient');
  });

  it('an unreachable API is transient', async () => {
    const srv = await replayServer(() => ({ body: {} }));
    await srv.close();
    const e = await failure(sendWhatsApp(srv.url, WA, '+1555', { kind: 'text', text: 'x' }));
    expect(e.kind).toBe('transient');
  });
});

describe('Telegram Bot API against a replay of POST /bot<token>/sendMessage', () => {
  it('sends the documented JSON and reads result.message_id', async () => {
    const srv = await replayServer(() => ({
      body: { ok: true, result: { message_id: 4711, date: 1772442000, chat: { id: 123456789, type: 'private' }, text: 'Hi' } },
    }));
    close = srv.close;
    expect(await sendTelegram(srv.url, TG, '123456789', 'Hi there')).toEqual({ providerMessageId: '123456789:4711' });
    const [r] = srv.received;
    expect(r!.method).toBe('POST');
    expect(r!.path).toBe('/bot123456:ABC-test-token/sendMessage');
    expect(r!.headers['content-type']).toBe('application/json');
    expect(r!.raw).toBe('{"chat_id":123456789,"text":"Hi there"}');
  });

  it('429 with retry_after passes and says how long to wait; 403 blocked and 400 chat not found are final', async () => {
    let srv = await replayServer(() => ({
      status: 429,
      body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } },
    }));
    let e = await failure(sendTelegram(srv.url, TG, '1', 'x'));
    await srv.close();
    expect([e.kind, e.retryAfterMs]).toEqual(['transient', 7000]);
    srv = await replayServer(() => ({
      status: 403,
      body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
    }));
    e = await failure(sendTelegram(srv.url, TG, '1', 'x'));
    await srv.close();
    expect([e.kind, e.message]).toEqual(['permanent', 'Telegram 403: Forbidden: bot was blocked by the user']);
    srv = await replayServer(() => ({ status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' } }));
    close = srv.close;
    e = await failure(sendTelegram(srv.url, TG, '1', 'x'));
    expect(e.kind).toBe('permanent');
    expect(e.message).not.toContain(TG.botToken);
  });
});

describe('Twilio Messages API against a replay of POST /2010-04-01/Accounts/{sid}/Messages.json', () => {
  it('sends the documented form with Basic auth and reads sid and status', async () => {
    const srv = await replayServer(() => ({
      status: 201,
      body: {
        sid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f',
        status: 'queued',
        to: '+4915112345678',
        from: TW.fromNumber,
        body: 'Hallo & tschüss',
      },
    }));
    close = srv.close;
    const sent = await sendTwilio(
      srv.url,
      { ...TW, statusCallback: 'https://desk.example/hooks/twilio/status' },
      '+4915112345678',
      'Hallo & tschüss',
    );
    expect(sent).toEqual({ providerMessageId: 'SM1f0e8ae6ade43cb3c0ce4525424e404f', status: 'queued' });
    const [r] = srv.received;
    expect(r!.method).toBe('POST');
    expect(r!.path).toBe(`/2010-04-01/Accounts/${TW.accountSid}/Messages.json`);
    expect(r!.headers.authorization).toBe(`Basic ${Buffer.from(`${TW.accountSid}:${TW.authToken}`).toString('base64')}`);
    expect(r!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(r!.raw).toBe(
      'To=%2B4915112345678&From=%2B15017122661&Body=Hallo+%26+tsch%C3%BCss&StatusCallback=https%3A%2F%2Fdesk.example%2Fhooks%2Ftwilio%2Fstatus',
    );
  });

  it('a Messaging Service takes the place of From', async () => {
    const srv = await replayServer(() => ({ status: 201, body: { sid: 'SM2', status: 'accepted' } }));
    close = srv.close;
    await sendTwilio(srv.url, { ...TW, messagingServiceSid: 'MG9752274e9e519418a7406176694466fa' }, '+15558675310', 'Hi');
    expect(Object.fromEntries(new URLSearchParams(srv.received[0]!.raw))).toEqual({
      To: '+15558675310',
      MessagingServiceSid: 'MG9752274e9e519418a7406176694466fa',
      Body: 'Hi',
    });
  });

  it('classifies error JSON: 21211 invalid number is final, 20429 and 5xx pass', async () => {
    const cases: [number, number, ChannelSendError['kind']][] = [
      [400, 21211, 'permanent'],
      [400, 21610, 'permanent'],
      [429, 20429, 'transient'],
      [503, 20503, 'transient'],
      [401, 20003, 'permanent'],
    ];
    for (const [status, code, kind] of cases) {
      const srv = await replayServer(() => ({
        status,
        body: { code, message: `error ${code}`, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
      }));
      const e = await failure(sendTwilio(srv.url, TW, '+1555', 'x'));
      await srv.close();
      expect([code, e.kind, e.providerCode]).toEqual([code, kind, code]);
      expect(e.message).not.toContain(TW.authToken);
    }
  });
});

describe('splitText', () => {
  it('keeps short text whole and splits long text at breaks within the limit', () => {
    expect(splitText('short', 10)).toEqual(['short']);
    const para = 'a'.repeat(30);
    expect(splitText(`${para}\n\n${para}\n\n${para}`, 70)).toEqual([`${para}\n\n${para}`, para]);
    expect(splitText('one two three four five six', 10)).toEqual(['one two', 'three four', 'five six']);
    const parts = splitText('x'.repeat(25), 10);
    expect(parts).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('never cuts a surrogate pair and keeps every character', () => {
    const text = '😀'.repeat(9);
    const parts = splitText(text, 5);
    expect(parts.every((p) => p.length <= 5 && !/[\ud800-\udbff]$/.test(p))).toBe(true);
    expect(parts.join('')).toBe(text);
  });
});
