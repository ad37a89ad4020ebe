import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { rawSmtp } from '../../test/mail/raw-smtp.js';
import type { InboundEnvelope, IngestOutcome, MailIngest } from '../ingest.types.js';
import { startSmtpListener, type SmtpListener, type SmtpListenerOptions } from './smtp-listener.js';

/**
 * The listener against real SMTP clients on loopback (nodemailer, and a raw socket for what
 * nodemailer will not send), with a small in-memory MailIngest standing in for the database one:
 * these tests are about what the listener answers and when. The real ingest is exercised through a
 * started server in smtp-durability.test.ts.
 */

const WS_A = '00000000-0000-7000-8000-00000000000a';
const WS_B = '00000000-0000-7000-8000-00000000000b';

interface Call {
  raw: Buffer;
  envelope: InboundEnvelope & { workspaceId: string };
}

class MemoryIngest implements MailIngest {
  calls: Call[] = [];
  /** When set, ingest waits for this before resolving (or rejects with it if it is an Error). */
  gate: Promise<void> | undefined;
  fail: Error | undefined;
  private addresses = new Map([
    ['support@a.test', WS_A],
    ['sales@a.test', WS_A],
    ['help@b.test', WS_B],
  ]);

  async resolveRecipient(address: string) {
    const ws = this.addresses.get(address.toLowerCase().replace(/\+[^@]*@/, '@'));
    return ws ? { workspaceId: ws } : null;
  }

  async ingest(raw: Buffer, envelope: InboundEnvelope & { workspaceId: string }): Promise<IngestOutcome> {
    this.calls.push({ raw, envelope });
    if (this.gate) await this.gate;
    if (this.fail) throw this.fail;
    return { kind: 'created', workspaceId: envelope.workspaceId, conversationId: 'c', messageId: 'm' };
  }
}

const listeners: SmtpListener[] = [];
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((l) => l.close()));
});

async function listen(ingest: MailIngest, opts: Partial<SmtpListenerOptions> = {}) {
  const l = await startSmtpListener({ host: '127.0.0.1', port: 0, ingest, ...opts });
  listeners.push(l);
  return l;
}

const transport = (port: number, extra: Record<string, unknown> = {}) =>
  nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, ...extra });

const message = (to: string | string[], text = 'Hello, my order has not arrived.') => ({
  from: 'customer@example.com',
  to,
  subject: 'Where is my order?',
  text,
  messageId: `<${Math.random().toString(36).slice(2)}@example.com>`,
});

interface SmtpError {
  responseCode?: number;
  response?: string;
  rejectedErrors?: SmtpError[];
}

describe('SMTP listener', () => {
  it('answers 250 only after ingest resolved, with the envelope and the remote address', async () => {
    const ingest = new MemoryIngest();
    let open!: () => void;
    ingest.gate = new Promise((r) => (open = r));
    const l = await listen(ingest);
    let settled = false;
    const sending = transport(l.port)
      .sendMail({ ...message('Support+billing@a.test'), envelope: { from: 'bounce@example.com', to: ['Support+billing@a.test'] } })
      .finally(() => (settled = true));
    await expect.poll(() => ingest.calls.length).toBe(1);
    // The ingest has the message but has not committed: no answer may have gone out yet.
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    open();
    const info = await sending;
    expect(info.response).toMatch(/^250 2\.6\.0 /);
    const { raw, envelope } = ingest.calls[0]!;
    expect(envelope).toEqual({
      mailFrom: 'bounce@example.com',
      rcptTo: ['Support+billing@a.test'],
      receivedVia: 'smtp',
      remoteAddress: '127.0.0.1',
      workspaceId: WS_A,
    });
    expect(raw.toString()).toContain('Subject: Where is my order?\r\n');
    expect(raw.toString()).toContain('Hello, my order has not arrived.');
  });

  it('refuses an unknown recipient with 550 5.1.1 and delivers nothing', async () => {
    const ingest = new MemoryIngest();
    const l = await listen(ingest);
    const err = (await transport(l.port)
      .sendMail(message('nobody@a.test'))
      .catch((e: unknown) => e)) as SmtpError;
    expect(err.rejectedErrors?.[0]?.responseCode).toBe(550);
    expect(err.rejectedErrors?.[0]?.response).toMatch(/^550 5\.1\.1 /);
    expect(ingest.calls).toEqual([]);
  });

  it('keeps one transaction to one workspace: recipients of another get 452 4.5.3', async () => {
    const ingest = new MemoryIngest();
    const l = await listen(ingest);
    const info = await transport(l.port).sendMail(message(['support@a.test', 'help@b.test', 'sales@a.test']));
    expect(info.accepted).toEqual(['support@a.test', 'sales@a.test']);
    expect(info.rejected).toEqual(['help@b.test']);
    expect((info as unknown as SmtpError).rejectedErrors?.[0]?.response).toMatch(/^452 4\.5\.3 /);
    expect(ingest.calls.map((c) => [c.envelope.workspaceId, c.envelope.rcptTo])).toEqual([[WS_A, ['support@a.test', 'sales@a.test']]]);
    // The client sends the rest in its own transaction, and that one is accepted.
    await transport(l.port).sendMail(message('help@b.test'));
    expect(ingest.calls[1]!.envelope.workspaceId).toBe(WS_B);
  });

  it('refuses a message over the size limit with 552 5.3.4, declared (SIZE) or not', async () => {
    const ingest = new MemoryIngest();
    const l = await listen(ingest, { maxBytes: 10_000 });
    const big = 'x'.repeat(70) + '\r\n';
    const err = (await transport(l.port)
      .sendMail(message('support@a.test', big.repeat(300)))
      .catch((e: unknown) => e)) as SmtpError;
    expect(err.responseCode).toBe(552);
    expect(err.response).toMatch(/^552 5\.3\.4 /);
    expect(ingest.calls).toEqual([]);

    const c = await rawSmtp(l.port);
    expect((await c.command('EHLO client.test')).text).toMatch(/^SIZE 10000$/m);
    expect((await c.command('MAIL FROM:<a@example.com> SIZE=20000')).code).toBe(552);
    c.close();
    // A message under the limit still goes through.
    await transport(l.port).sendMail(message('support@a.test', big.repeat(10)));
    expect(ingest.calls).toHaveLength(1);
  });

  it('refuses bare LF line ends with 550 and stays usable for the next message', async () => {
    const ingest = new MemoryIngest();
    const l = await listen(ingest);
    const c = await rawSmtp(l.port);
    await c.command('EHLO client.test');
    expect((await c.command('MAIL FROM:<a@example.com>')).code).toBe(250);
    expect((await c.command('RCPT TO:<support@a.test>')).code).toBe(250);
    expect((await c.command('DATA')).code).toBe(354);
    const bad = await c.send('Subject: bare\r\n\r\nline one\nline two\r\n.\r\n');
    expect(bad.code).toBe(550);
    expect(bad.text).toMatch(/^5\.6\.0 .*bare LF/i);
    expect(ingest.calls).toEqual([]);

    expect((await c.command('MAIL FROM:<a@example.com>')).code).toBe(250);
    expect((await c.command('RCPT TO:<support@a.test>')).code).toBe(250);
    expect((await c.command('DATA')).code).toBe(354);
    expect((await c.send('Subject: fine\r\n\r\nline one\r\nline two\r\n.\r\n')).code).toBe(250);
    expect(ingest.calls.map((x) => x.raw.toString())).toEqual(['Subject: fine\r\n\r\nline one\r\nline two\r\n']);
    c.close();
  });

  it('answers 451 4.3.0 when ingest fails, and the sender may try again', async () => {
    const ingest = new MemoryIngest();
    ingest.fail = new Error('database is down');
    const errors: string[] = [];
    const l = await listen(ingest, { onError: (_e, what) => errors.push(what) });
    const err = (await transport(l.port)
      .sendMail(message('support@a.test'))
      .catch((e: unknown) => e)) as SmtpError;
    expect(err.responseCode).toBe(451);
    expect(err.response).toMatch(/^451 4\.3\.0 /);
    expect(errors).toEqual(['ingesting a message']);
    ingest.fail = undefined;
    await transport(l.port).sendMail(message('support@a.test'));
    expect(ingest.calls).toHaveLength(2);
  });

  it('close() lets a delivery whose DATA is in get its 250, then stops', async () => {
    const ingest = new MemoryIngest();
    let open!: () => void;
    ingest.gate = new Promise((r) => (open = r));
    const l = await startSmtpListener({ host: '127.0.0.1', port: 0, ingest });
    const sending = transport(l.port).sendMail(message('support@a.test'));
    await expect.poll(() => ingest.calls.length).toBe(1);
    let closed = false;
    const closing = l.close().then(() => (closed = true));
    await new Promise((r) => setImmediate(r));
    expect(closed).toBe(false);
    open();
    expect((await sending).response).toMatch(/^250 /);
    await closing;
    const err = (await transport(l.port)
      .sendMail(message('support@a.test'))
      .catch((e: unknown) => e)) as Error & { code?: string };
    // Nobody listens any more: connection refused.
    expect(err.message).toMatch(/ECONNREFUSED/);
  });

  it('offers neither AUTH nor, without a certificate, STARTTLS', async () => {
    const l = await listen(new MemoryIngest());
    const c = await rawSmtp(l.port);
    const ehlo = await c.command('EHLO client.test');
    c.close();
    expect(ehlo.code).toBe(250);
    expect(ehlo.text).not.toMatch(/STARTTLS|AUTH/);
    const err = (await transport(l.port, { ignoreTLS: false, requireTLS: true })
      .sendMail(message('support@a.test'))
      .catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
  });

  describe('with a certificate', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'meridian-smtp-tls-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('offers STARTTLS and delivers over TLS', async () => {
      const key = path.join(dir, 'key.pem');
      const cert = path.join(dir, 'cert.pem');
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=mx.meridian.test'],
        {
          stdio: 'ignore',
        },
      );
      const ingest = new MemoryIngest();
      const l = await listen(ingest, { tls: { key: readFileSync(key), cert: readFileSync(cert) } });
      const c = await rawSmtp(l.port);
      expect((await c.command('EHLO client.test')).text).toMatch(/STARTTLS/);
      c.close();
      // requireTLS: nodemailer refuses to send unless STARTTLS succeeded.
      const t = transport(l.port, { ignoreTLS: false, requireTLS: true, tls: { rejectUnauthorized: false } });
      const info = await t.sendMail(message('support@a.test'));
      expect(info.response).toMatch(/^250 /);
      expect(ingest.calls).toHaveLength(1);
    });
  });
});
