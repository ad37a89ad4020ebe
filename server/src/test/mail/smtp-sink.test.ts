import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

const transport = (sink: SmtpSink, auth?: { user: string; pass: string }) =>
  nodemailer.createTransport({
    host: sink.host,
    port: sink.port,
    secure: false,
    ignoreTLS: true,
    ...(auth ? { auth } : {}),
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
  });

const mail = (n: number) => ({
  envelope: { from: 'support@demo.meridian.localhost', to: ['customer@example.test', 'cc@example.test'] },
  from: 'Support <support@demo.meridian.localhost>',
  to: 'customer@example.test',
  cc: 'cc@example.test',
  subject: `Reply ${n}: Grüße`,
  text: `Hello ${n}\n.\nA line with a lone dot above.`,
  headers: { 'Auto-Submitted': 'auto-replied' },
});

describe('smtp-sink: a real SMTP receiver on loopback', () => {
  const sinks: SmtpSink[] = [];
  const start = async (opts?: Parameters<typeof startSmtpSink>[0]) => {
    const sink = await startSmtpSink(opts);
    sinks.push(sink);
    return sink;
  };
  afterEach(async () => {
    await Promise.all(sinks.splice(0).map((s) => s.stop()));
  });

  it('captures the envelope and the raw message nodemailer sent', async () => {
    const sink = await start();
    expect(sink.host).toBe('127.0.0.1');
    const info = await transport(sink).sendMail(mail(1));
    expect(info.response).toMatch(/^250 /);

    const [m] = await sink.waitFor(1);
    expect(m!.envelope).toEqual({ from: 'support@demo.meridian.localhost', to: ['customer@example.test', 'cc@example.test'] });
    expect(m!.user).toBeUndefined();
    const raw = m!.raw.toString('utf8');
    expect(raw).toContain(`Message-ID: ${info.messageId}`);
    expect(raw).toContain('Auto-Submitted: auto-replied');
    expect(raw).toMatch(/^Subject: =\?UTF-8\?/m); // the non-ASCII subject arrives encoded
    expect(raw).toContain('\r\n.\r\n'); // dot-unstuffed: the lone dot is content again
    expect(raw).not.toMatch(/[^\r]\n/); // CRLF line ends only
    expect(sink.attempts).toBe(1);
  });

  it('records the null sender as an empty from, and the AUTH user when auth is on', async () => {
    const sink = await start({ auth: true });
    await transport(sink, { user: 'relay-user', pass: 'anything' }).sendMail({
      ...mail(2),
      envelope: { from: '', to: ['bounce@example.test'] },
    });
    await transport(sink).sendMail(mail(3));
    const [bounce, plain] = await sink.waitFor(2);
    expect(bounce!.envelope).toEqual({ from: '', to: ['bounce@example.test'] });
    expect(bounce!.user).toBe('relay-user');
    expect(plain!.user).toBeUndefined();
  });

  it('refuses connections while down and accepts again on the same port afterwards', async () => {
    const sink = await start();
    const port = sink.port;
    await sink.setDown(true);
    await expect(transport(sink).sendMail(mail(4))).rejects.toThrow(/ECONNREFUSED/);
    await sink.setDown(false);
    expect(sink.port).toBe(port);
    await transport(sink).sendMail(mail(5));
    expect((await sink.waitFor(1)).map((m) => m.raw.toString())).toEqual([expect.stringContaining('Hello 5')]);
    expect(sink.attempts).toBe(1);
  });

  it('in greet421 mode answers 421 and hangs up', async () => {
    const sink = await start();
    await sink.setDown(true, 'greet421');
    await expect(transport(sink).sendMail(mail(6))).rejects.toMatchObject({ responseCode: 421 });
    await sink.setDown(false);
    await transport(sink).sendMail(mail(7));
    await sink.waitFor(1);
  });

  it('drops an open connection when it goes down', async () => {
    const sink = await start();
    const pooled = nodemailer.createTransport({
      host: sink.host,
      port: sink.port,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: 1,
    });
    await pooled.sendMail(mail(8));
    await sink.setDown(true);
    await expect(pooled.sendMail(mail(9))).rejects.toBeTruthy();
    pooled.close();
    expect(sink.messages).toHaveLength(1);
  });

  it('failFirst fails N deliveries with a 4xx, then accepts', async () => {
    const sink = await start({ failFirst: 2 });
    const t = transport(sink);
    for (const n of [10, 11]) {
      await expect(t.sendMail(mail(n))).rejects.toMatchObject({ responseCode: 451, code: 'EMESSAGE' });
    }
    await t.sendMail(mail(12));
    expect(sink.attempts).toBe(3);
    expect(sink.rejected.map((r) => r.reply.code)).toEqual([451, 451]);
    expect(sink.rejected.map((r) => /Hello (\d+)/.exec(r.raw.toString())?.[1])).toEqual(['10', '11']);
    expect(sink.messages.map((m) => m.raw.toString().includes('Hello 12'))).toEqual([true]);
  });

  it('rejectWith alone refuses every delivery with that reply', async () => {
    const sink = await start({ rejectWith: { code: 550, message: '5.1.1 No such user' } });
    const err = await transport(sink)
      .sendMail(mail(13))
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ responseCode: 550 });
    expect(String((err as Error).message)).toContain('5.1.1 No such user');
    expect(sink.messages).toHaveLength(0);
    expect(sink.rejected).toHaveLength(1);
  });

  it('waitFor says what it got when it times out', async () => {
    const sink = await start({ failFirst: 1 });
    await transport(sink)
      .sendMail(mail(14))
      .catch(() => undefined);
    await expect(sink.waitFor(1, 200)).rejects.toThrow('0 of 1 messages within 200 ms (1 attempts, 1 refused)');
  });

  it('stop() closes the port', async () => {
    const sink = await startSmtpSink();
    await sink.stop();
    await sink.stop(); // idempotent
    await expect(transport(sink).sendMail(mail(15))).rejects.toThrow(/ECONNREFUSED/);
  });
});
