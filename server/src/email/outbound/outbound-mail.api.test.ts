import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/engines.js';
import { call } from '../../test/harness.js';
import { conversationOf } from '../../test/mail/ingest-fixture.js';
import { rawHeaders, startOutboundCase, type OutboundCase } from '../../test/mail/outbound-fixture.js';
import { markFailing } from '../mail.repo.js';
import { appendEvent } from '../../events/events.repo.js';
import { saveMessageTranslation } from '../../translation/message-translations.repo.js';
import { insertReview, releaseReview } from '../../translation/reviews.repo.js';
import { queueOutboundMail } from './queue-mail.js';

/**
 * Outbound mail on both engines: which messages queue mail and why some are held, what the
 * customer receives (read as raw bytes from a real SMTP receiver), and that the outbox rows say it.
 */
describe.each(ENGINES)('outbound mail on $engine', (engine) => {
  let c: OutboundCase;
  let n = 0;
  const DATE = 'Mon, 02 Mar 2026 08:00:00 +0000';
  const inbound = async (from: string, subject: string, body: string, extra: Record<string, string> = {}) => {
    const id = `<in${++n}.${Date.now()}@customer.example>`;
    const out = await c.deliver({ headers: { From: from, To: c.mailbox, Subject: subject, Date: DATE, 'Message-ID': id, ...extra }, body });
    return { conversationId: conversationOf(out), messageIdHeader: id };
  };
  const addr = (who: string) => `${who}-${++n}@customer.example`;

  beforeAll(async () => {
    if (engine.available) c = await startOutboundCase(engine);
  });
  afterAll(async () => {
    await c?.close();
  });

  it.skipIf(!engine.available)('an agent reply goes out once, threaded, multipart, in the headers a mail client needs', async () => {
    const customer = addr('greta');
    const first = await inbound(`Greta <${customer}>`, 'Rechnung doppelt', 'Guten Tag, meine Rechnung wurde zweimal abgebucht. Danke!', {
      References: '<root.1@customer.example>',
    });
    const before = c.sink.messages.length;
    const messageId = await c.reply(first.conversationId, { text: 'Hallo Greta,\n\nwir erstatten <den> Betrag & melden uns.' });
    const pass = await c.flush();
    expect(pass).toMatchObject({ sent: 1 });
    const [got] = (await c.sink.waitFor(before + 1)).slice(before);
    expect(got!.envelope).toEqual({ from: c.mailbox, to: [customer] });
    const h = new Map(rawHeaders(got!.raw));
    expect(h.get('subject')).toBe('Re: Rechnung doppelt');
    expect(h.get('in-reply-to')).toBe(first.messageIdHeader);
    expect(h.get('references')).toBe(`<root.1@customer.example> ${first.messageIdHeader}`);
    expect(h.get('x-loop')).toBe(c.mailbox);
    expect(h.has('auto-submitted')).toBe(false);
    expect(c.mail.tokens.parseMessageId(c.ws.id, h.get('message-id')!)).toEqual({ conversationId: first.conversationId, messageId });
    expect(c.mail.tokens.parseReplyAddress(c.ws.id, h.get('reply-to')!)).toMatchObject({ conversationId: first.conversationId });
    expect(h.get('content-type')).toMatch(/^multipart\/alternative/);
    const parsed = await simpleParser(got!.raw);
    expect(parsed.text?.trim()).toBe('Hallo Greta,\n\nwir erstatten <den> Betrag & melden uns.');
    expect(parsed.html).toContain('wir erstatten &lt;den&gt; Betrag &amp; melden uns.');
    const [row] = await c.outboxRows(first.conversationId);
    expect(row).toMatchObject({ status: 'sent', recipient: customer, attempts: 1, message_id_header: h.get('message-id') });
    expect(row!.smtp_response).toMatch(/^250 /);
    // A replayed event does not queue it again, and nothing more is sent.
    expect(await c.h.db.transaction((tx) => queueOutboundMail(tx, c.ws.id, messageId, c.h.clock()))).toEqual({
      kind: 'skipped',
      why: 'exists',
    });
    expect(await c.flush()).toMatchObject({ sent: 0 });
    expect(c.sink.messages.length).toBe(before + 1);
  });

  it.skipIf(!engine.available)('notes, inbound messages and other channels never become mail; "Re:" is not doubled', async () => {
    const first = await inbound(addr('ana'), 'Re: Order 1001', 'Where is my order?');
    await c.reply(first.conversationId, { direction: 'note', text: 'internal: check the warehouse' });
    const chat = await call(c.h, c.ws.token, 'POST', '/api/v1/conversations', {
      customer: { email: addr('chat') },
      channel: 'chat',
      message: { text: 'hi' },
    });
    await c.reply(chat.json().id, { text: 'Hello from chat' });
    await c.flush();
    expect(await c.outboxRows(first.conversationId)).toEqual([]);
    expect(await c.outboxRows(chat.json().id)).toEqual([]);
    await c.reply(first.conversationId, { text: 'It ships today.' });
    await c.flush();
    expect(await c.outboxRows(first.conversationId)).toMatchObject([{ subject: 'Re: Order 1001', status: 'sent' }]);
  });

  it.skipIf(!engine.available)('an acknowledgement is automatic mail: Auto-Submitted: auto-replied', async () => {
    const first = await inbound(addr('li'), 'Login broken', 'I cannot log in to my account since this morning.');
    const before = c.sink.messages.length;
    await c.acknowledge(first.conversationId);
    expect(await c.flush()).toMatchObject({ sent: 1 });
    const h = new Map(rawHeaders(c.sink.messages[before]!.raw));
    expect(h.get('auto-submitted')).toBe('auto-replied');
    expect(h.get('x-auto-response-suppress')).toBe('All');
    expect(h.get('content-language')).toBe('en');
  });

  it.skipIf(!engine.available)('held: failing address (until an admin retries), mail switched off, no address', async () => {
    const customer = addr('bounced');
    const first = await inbound(customer, 'Help', 'Please help me with my order.');
    await c.h.db.transaction((tx) =>
      markFailing(tx, c.ws.id, { address: customer, status: '5.1.1', diagnostic: 'no such user' }, c.h.clock()),
    );
    await c.reply(first.conversationId, { text: 'We are on it.' });
    await c.flush();
    const [held] = await c.outboxRows(first.conversationId);
    expect(held).toMatchObject({ status: 'held', reason: 'address_failing' });
    const agentToken = await c.ws.tokenFor('agent');
    expect((await call(c.h, agentToken, 'POST', `/api/v1/mail/outbox/${held!.id}/retry`)).statusCode).toBe(403);
    const retried = await call(c.h, c.ws.token, 'POST', `/api/v1/mail/outbox/${held!.id}/retry`);
    expect(retried.json()).toMatchObject({ status: 'queued', forced: true, reason: null });
    const before = c.sink.messages.length;
    expect(await c.flush()).toMatchObject({ sent: 1 });
    expect(c.sink.messages[before]!.envelope.to).toEqual([customer]);
    expect((await call(c.h, c.ws.token, 'POST', `/api/v1/mail/outbox/${held!.id}/retry`)).statusCode).toBe(409);
    const listed = await call(c.h, agentToken, 'GET', `/api/v1/mail/outbox?conversationId=${first.conversationId}&status=sent`);
    expect(listed.json().data).toMatchObject([{ id: held!.id, status: 'sent', forced: true }]);

    expect((await call(c.h, c.ws.token, 'PUT', '/api/v1/mail/settings', { enabled: false })).statusCode).toBe(200);
    const off = await inbound(addr('off'), 'Quiet', 'Hello there, a question.');
    await c.reply(off.conversationId, { text: 'Answer' });
    await c.flush();
    expect(await c.outboxRows(off.conversationId)).toMatchObject([{ status: 'held', reason: 'disabled' }]);
    await call(c.h, c.ws.token, 'PUT', '/api/v1/mail/settings', { enabled: true });

    const noMail = await call(c.h, c.ws.token, 'POST', '/api/v1/customers', { name: 'No Mail' });
    const api = await call(c.h, c.ws.token, 'POST', '/api/v1/conversations', {
      customer: { id: noMail.json().id },
      channel: 'email',
      message: { direction: 'outbound', text: 'Hello' },
    });
    expect(api.statusCode, api.body).toBe(201);
    await c.flush();
    expect(await c.outboxRows(api.json().id)).toMatchObject([{ status: 'held', reason: 'no_recipient', recipient: null }]);
  });

  it.skipIf(!engine.available)('a reply held for translation review goes out only when approved, in the customer language', async () => {
    const customer = addr('pilar');
    const first = await inbound(customer, 'Pedido', 'Hola, mi pedido no ha llegado todavía. ¿Pueden ayudarme, por favor?');
    const before = c.sink.messages.length;
    const messageId = await c.reply(first.conversationId, { text: 'Your refund is on its way.', language: 'en' });
    // As the translated-reply command leaves it: a delivered translation, held for a fluent reviewer.
    await c.h.db.transaction(async (tx) => {
      await saveMessageTranslation(
        tx,
        c.ws.id,
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
        c.h.clock(),
      );
      await insertReview(tx, c.ws.id, { messageId, language: 'es', reasons: [{ category: 'refund' }] }, c.h.clock());
    });
    await c.flush();
    const [held] = await c.outboxRows(first.conversationId);
    expect(held).toMatchObject({ status: 'held', reason: 'awaiting_review' });
    expect((await call(c.h, c.ws.token, 'POST', `/api/v1/mail/outbox/${held!.id}/retry`)).statusCode).toBe(409);
    expect(c.sink.messages.length).toBe(before);
    await c.h.db.transaction(async (tx) => {
      await releaseReview(tx, c.ws.id, messageId, c.h.clock());
      await appendEvent(
        tx,
        c.ws.id,
        {
          type: 'message.outbound_ready',
          subjectId: messageId,
          payload: { conversationId: first.conversationId, messageId, language: 'es' },
        },
        c.h.clock(),
      );
    });
    expect(await c.flush()).toMatchObject({ sent: 1 });
    const got = c.sink.messages[before]!;
    const parsed = await simpleParser(got.raw);
    expect(parsed.text?.trim()).toBe('Su reembolso está en camino.');
    expect(got.raw.toString('latin1')).not.toContain('refund is on its way');
    expect(new Map(rawHeaders(got.raw)).get('content-language')).toBe('es');
  });
});
