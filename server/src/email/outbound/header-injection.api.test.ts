import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/engines.js';
import { call } from '../../test/harness.js';
import { conversationOf } from '../../test/mail/ingest-fixture.js';
import { rawHeaders, startOutboundCase, type OutboundCase } from '../../test/mail/outbound-fixture.js';

/**
 * Names and subjects come from customers and agents: whatever they hold, the mail the relay
 * receives has exactly the headers we wrote (read from the raw bytes a real SMTP receiver got), the
 * envelope names only the customer, and the text reads back intact after decoding.
 */
describe.each(ENGINES)('outbound header injection on $engine', (engine) => {
  let c: OutboundCase;
  let n = 0;

  beforeAll(async () => {
    if (engine.available) c = await startOutboundCase(engine);
  });
  afterAll(async () => {
    await c?.close();
  });

  /** A customer mail, then name, subject and From name set through the API to `hostile`, then a reply sent. */
  async function sendWith(hostile: { name: string; subject: string; fromName: string }) {
    const customer = `eve-${++n}@customer.example`;
    const conversationId = conversationOf(
      await c.deliver({
        headers: { From: customer, To: c.mailbox, Subject: 'Hello', 'Message-ID': `<inj${n}.${Date.now()}@customer.example>` },
        body: 'Please call me back about my order.',
      }),
    );
    const conv = (await call(c.h, c.ws.token, 'GET', `/api/v1/conversations/${conversationId}`)).json();
    for (const [method, url, body] of [
      ['PATCH', `/api/v1/customers/${conv.customerId}`, { name: hostile.name }],
      ['PATCH', `/api/v1/conversations/${conversationId}`, { subject: hostile.subject }],
      ['PUT', '/api/v1/mail/settings', { fromName: hostile.fromName }],
    ] as const) {
      const res = await call(c.h, c.ws.token, method, url, body);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    }
    const before = c.sink.messages.length;
    await c.reply(conversationId, { text: 'We will.' });
    expect(await c.flush()).toMatchObject({ sent: 1 });
    return { customer, got: c.sink.messages[before]! };
  }

  it.skipIf(!engine.available)(
    'CR/LF, control characters and Unicode line breaks in names and subjects cannot add headers or recipients',
    async () => {
      const { customer, got } = await sendWith({
        name: 'Eve\r\nBcc: victim1@evil.example\r\n',
        subject: 'Invoice\r\nBcc: victim2@evil.example\nX-Injected: 1\u2028Cc: victim3@evil.example\u0007',
        fromName: 'Support\rTo: victim4@evil.example\n\nbody injection',
      });
      expect(got.envelope.to).toEqual([customer]);
      const headers = rawHeaders(got.raw);
      const names = headers.map(([k]) => k);
      for (const forbidden of ['bcc', 'cc', 'x-injected']) expect(names).not.toContain(forbidden);
      for (const single of ['from', 'to', 'subject', 'reply-to', 'message-id']) expect(names.filter((k) => k === single)).toHaveLength(1);
      const raw = got.raw.toString('latin1');
      expect(raw).not.toMatch(/\r\n(bcc|cc|x-injected):/i);
      expect(raw).not.toContain('victim1@evil.example>');
      const parsed = await simpleParser(got.raw);
      expect(parsed.subject).toBe('Re: Invoice Bcc: victim2@evil.example X-Injected: 1 Cc: victim3@evil.example');
      expect(parsed.to).toMatchObject({ value: [{ address: customer, name: 'Eve Bcc: victim1@evil.example' }] });
      expect(parsed.from).toMatchObject({ value: [{ address: c.mailbox, name: 'Support To: victim4@evil.example body injection' }] });
      expect(parsed.bcc).toBeUndefined();
      expect(parsed.cc).toBeUndefined();
      expect(parsed.text?.trim()).toBe('We will.');
    },
  );

  it.skipIf(!engine.available)(
    'non-ASCII names and subjects are encoded (RFC 2047), the header block stays 7-bit and reads back',
    async () => {
      const { customer, got } = await sendWith({
        name: 'Jürgen "JJ" Größe, <Ops>',
        subject: 'Überweisung 日本語 — ¿qué pasó?',
        fromName: 'Ayuda de Soporte ñ',
      });
      const head = got.raw.subarray(0, got.raw.indexOf('\r\n\r\n'));
      expect([...head].every((b) => b < 0x80)).toBe(true);
      const parsed = await simpleParser(got.raw);
      expect(parsed.subject).toBe('Re: Überweisung 日本語 — ¿qué pasó?');
      expect(parsed.to).toMatchObject({ value: [{ address: customer, name: 'Jürgen "JJ" Größe, <Ops>' }] });
      expect(parsed.from).toMatchObject({ value: [{ name: 'Ayuda de Soporte ñ' }] });
    },
  );
});
