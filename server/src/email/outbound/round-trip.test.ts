import { randomBytes } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/engines.js';
import { dovecotForTests, startDovecot, type DovecotServer } from '../../test/mail/dovecot.js';
import { rawMail } from '../../test/mail/inbound.js';
import { startSmtpSink, type SmtpSink } from '../../test/mail/smtp-sink.js';
import { ensureBuilt, killSpawnedServers, runCliOk, spawnServer, type SpawnedServer } from '../../test/spawn-server.js';
import { freePort, spawnTarget, type SpawnTarget } from '../../test/spawn-target.js';

/**
 * Acceptance 1 of the e-mail channel, through a real server process on each engine: a customer's
 * mail comes in (over SMTP to the listener, or fetched over IMAP from Dovecot) and becomes a
 * conversation with its detected language; an agent's reply goes out through the relay (a real SMTP
 * receiver) with our signed Message-ID, Reply-To, In-Reply-To and References; the customer's answer
 * to it, carrying those headers, lands in the same conversation. A vacation auto-responder
 * answering our reply threads in and gets nothing back, so a loop ends after one message.
 */

const TOKEN = /^<mrd\.[a-z2-7]{26}\.[a-z2-7]{26}\.[a-z2-7]{16}@[^>]+>$/;
const IMAP_USER = { user: 'support@imap.meridian.test', password: 'imap-round-trip' };

beforeAll(() => {
  ensureBuilt();
});
afterAll(async () => {
  await killSpawnedServers();
});

describe.each(ENGINES)('mail round trip on $engine', (engine) => {
  let t: SpawnTarget | undefined;
  let server: SpawnedServer;
  let sink: SmtpSink;
  let dovecot: DovecotServer | undefined;
  let smtpPort: number;
  let token: string;
  const run = randomBytes(3).toString('hex');
  const smtpMailbox = `support-${run}@smtp.meridian.test`;
  const useImap = dovecotForTests();

  const api = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${server.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  /** Polls `fn` until it returns a value (the server works in the background), failing after 30 s. */
  const until = async <T>(what: string, fn: () => Promise<T | undefined>): Promise<T> => {
    for (let i = 0; i < 300; i++) {
      const v = await fn();
      if (v !== undefined) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
    // What the server left behind, to tell a mail never queued from one never sent.
    const dump = await t!.withDb(async (q) => {
      const o = await q.query(
        `SELECT status, reason, attempts, next_attempt_at, created_at, last_error, now() AS db_now FROM mail_outbox ORDER BY created_at`,
      );
      const j = await q.query(
        `SELECT name, state, created_on, started_on, completed_on, output FROM pgboss.job WHERE name LIKE 'mail%' ORDER BY created_on`,
      );
      const e = await q.query(`SELECT id, type, created_at, payload->>'direction' AS d FROM events ORDER BY id DESC LIMIT 8`);
      return JSON.stringify({ o: o.rows, j: j.rows, e: e.rows, now: new Date() }, null, 1);
    });
    throw new Error(`timed out waiting for ${what}\n${dump}\n${server.output().slice(-2000)}`);
  };
  const conversationBySubject = (subject: string) =>
    until(`a conversation "${subject}"`, async () => {
      const list = await api('GET', '/api/v1/conversations?limit=100');
      return (list.data as any[]).find((c) => c.subject === subject);
    });
  const messagesOf = async (id: string) => (await api('GET', `/api/v1/conversations/${id}/messages?limit=100`)).data as any[];
  /** The mail the sink got whose text contains `needle`. */
  const received = (needle: string) =>
    until(`mail containing "${needle}"`, async () => {
      for (const m of sink.messages) {
        const parsed = await simpleParser(m.raw);
        if (parsed.text?.includes(needle)) return { raw: m, parsed };
      }
      return undefined;
    });
  const header = (p: ParsedMail, name: string) => {
    const v = p.headers.get(name);
    return typeof v === 'string' ? v : Array.isArray(v) ? v.join(' ') : v ? String((v as { text?: string }).text ?? v) : undefined;
  };

  beforeAll(async () => {
    if (!engine.available) return;
    t = await spawnTarget(engine, 'mail-round-trip');
    sink = await startSmtpSink();
    await runCliOk(['workspace', 'create', ...t.args, '--slug', `rt-${run}`, '--name', 'Round trip']);
    token = await runCliOk(['token', 'create', ...t.args, '--workspace', `rt-${run}`, '--role', 'admin', '--name', 'round-trip']);
    smtpPort = await freePort();
    server = await spawnServer([...t.args, '--smtp-port', String(smtpPort), '--smtp-relay', `smtp://${sink.host}:${sink.port}`], {
      env: { MERIDIAN_BLOB_DIR: t.blobDir, MERIDIAN_PROVIDER_ALLOWED_HOSTS: '127.0.0.1', MERIDIAN_IMAP_POLL_SECONDS: '0' },
    });
    await api('POST', '/api/v1/mail/addresses', { address: smtpMailbox, name: 'Soporte' });
    if (useImap) {
      dovecot = await startDovecot({ users: [IMAP_USER] });
      await api('POST', '/api/v1/mail/addresses', { address: IMAP_USER.user });
      await api('PUT', '/api/v1/mail/imap', {
        host: '127.0.0.1',
        port: dovecot.port,
        security: 'none',
        username: IMAP_USER.user,
        password: IMAP_USER.password,
        address: IMAP_USER.user,
      });
    }
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await sink?.stop();
    await dovecot?.stop();
    await t?.cleanup();
  });

  /** Our reply to the customer's mail, as received by the relay, with its threading checked. */
  async function replyAndCheck(conversationId: string, customerMessageId: string, customer: string, text: string, mailbox: string) {
    await api('POST', `/api/v1/conversations/${conversationId}/messages`, { direction: 'outbound', text });
    const { raw, parsed } = await received(text);
    expect(raw.envelope.to).toEqual([customer]);
    expect(parsed.from?.value[0]?.address).toBe(mailbox);
    expect(parsed.inReplyTo).toBe(customerMessageId);
    expect([parsed.references].flat()).toContain(customerMessageId);
    expect(parsed.messageId).toMatch(TOKEN);
    const replyTo = parsed.replyTo?.value[0]?.address ?? '';
    expect(replyTo).toMatch(new RegExp(`^${mailbox.split('@')[0]}\\+mrd[a-z2-7]{42}@${mailbox.split('@')[1]!.replace(/\./g, '\\.')}$`));
    expect(header(parsed, 'x-loop')).toBe(mailbox);
    return { messageId: parsed.messageId!, references: [parsed.references].flat().filter(Boolean) as string[], replyTo };
  }

  it.skipIf(!engine.available)('over SMTP: mail in, reply out, answer threads back; a vacation reply gets nothing back', async () => {
    const customer = `lucia-${run}@cliente.example`;
    const subject = `Pedido ${run} no llegó`;
    const firstId = `<first-${run}@cliente.example>`;
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort });
    await transport.sendMail({
      from: `Lucía Fernández <${customer}>`,
      to: smtpMailbox,
      subject,
      messageId: firstId,
      text: 'Hola, hice un pedido hace dos semanas y todavía no ha llegado. ¿Pueden decirme dónde está mi paquete, por favor?',
    });
    const conv = await conversationBySubject(subject);
    expect(conv).toMatchObject({ channel: 'email', language: 'es' });

    const ours = await replyAndCheck(conv.id, firstId, customer, `Hola Lucía, su paquete sale hoy (${run}).`, smtpMailbox);
    // The customer's client answers to Reply-To, with In-Reply-To and References from our mail.
    await transport.sendMail({
      from: customer,
      to: ours.replyTo,
      subject: `Re: ${subject}`,
      messageId: `<second-${run}@cliente.example>`,
      inReplyTo: ours.messageId,
      references: [...ours.references, ours.messageId],
      text: '¡Muchas gracias! Espero el paquete entonces.',
    });
    await until('the answer in the conversation', async () =>
      (await messagesOf(conv.id)).some((m) => m.text.includes('Muchas gracias')) ? true : undefined,
    );

    // A vacation auto-responder answers our mail: it is kept on the conversation, and nothing answers it.
    const outboxBefore = (await api('GET', `/api/v1/mail/outbox?conversationId=${conv.id}`)).data.length;
    await transport.sendMail({
      from: customer,
      to: smtpMailbox,
      subject: `Automatic reply: Re: ${subject}`,
      messageId: `<vacation-${run}@cliente.example>`,
      inReplyTo: ours.messageId,
      references: [ours.messageId],
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Autoreply': 'yes' },
      text: 'Estoy de vacaciones hasta el lunes.',
    });
    // Events are handled in order: once a later reply went out, anything the vacation mail caused has been queued.
    const marker = `Marcador ${run}: seguimos atentos.`;
    await api('POST', `/api/v1/conversations/${conv.id}/messages`, { direction: 'outbound', text: marker });
    await received(marker);
    const outbox = (await api('GET', `/api/v1/mail/outbox?conversationId=${conv.id}`)).data as any[];
    expect(outbox.length).toBe(outboxBefore + 1);
    const texts = (await messagesOf(conv.id)).map((m) => `${m.direction}:${m.text}`);
    expect(texts.some((x) => x.startsWith('inbound:Estoy de vacaciones'))).toBe(true);
    expect((await api('GET', '/api/v1/conversations?limit=100')).data.filter((c: any) => c.subject?.includes(run))).toHaveLength(1);
    transport.close();
  });

  it.skipIf(!engine.available || !useImap)('over IMAP: fetched mail in, reply out, fetched answer threads back', async () => {
    const customer = `jonas-${run}@kunde.example`;
    const subject = `Rechnung ${run} doppelt`;
    const firstId = `<imap-first-${run}@kunde.example>`;
    await dovecot!.append(
      IMAP_USER.user,
      'INBOX',
      rawMail(
        { From: `Jonas Weber <${customer}>`, To: IMAP_USER.user, Subject: subject, 'Message-ID': firstId, Date: new Date().toUTCString() },
        'Guten Tag, meine Rechnung wurde zweimal von meinem Konto abgebucht. Bitte erstatten Sie den doppelten Betrag.',
      ),
    );
    await api('POST', '/api/v1/mail/imap/poll');
    const conv = await conversationBySubject(subject);
    expect(conv).toMatchObject({ channel: 'email', language: 'de' });

    const ours = await replyAndCheck(conv.id, firstId, customer, `Guten Tag, wir erstatten den Betrag (${run}).`, IMAP_USER.user);
    await dovecot!.append(
      IMAP_USER.user,
      'INBOX',
      rawMail(
        {
          From: customer,
          To: ours.replyTo,
          Subject: `Re: ${subject}`,
          'Message-ID': `<imap-second-${run}@kunde.example>`,
          'In-Reply-To': ours.messageId,
          References: [...ours.references, ours.messageId].join(' '),
          Date: new Date().toUTCString(),
        },
        'Vielen Dank für die schnelle Antwort!',
      ),
    );
    await api('POST', '/api/v1/mail/imap/poll');
    await until('the answer in the conversation', async () =>
      (await messagesOf(conv.id)).some((m) => m.text.includes('Vielen Dank')) ? true : undefined,
    );
    expect(
      (await api('GET', '/api/v1/conversations?limit=100')).data.filter(
        (c: any) => c.subject?.includes(run) && c.subject?.startsWith('Rechnung'),
      ),
    ).toHaveLength(1);
  });
});
