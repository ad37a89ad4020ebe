import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxBacklog } from '../events/events.repo.js';
import { ThreadTokens } from '../email/thread-token.js';
import { ENGINES } from '../test/engines.js';
import { conversationOf, startIngestCase, type IngestCase } from '../test/mail/ingest-fixture.js';
import { startSmtpSink, type SmtpSink } from '../test/mail/smtp-sink.js';
import { call } from '../test/harness.js';
import { startBoss } from './boss.js';
import type { PassResult } from '../email/outbound/send-mail.js';
import { MAIL_SEND_QUEUE, mailOnEvents, registerMailSendJob } from './mail-send.job.js';
import { OutboxProcessor } from './outbox-processor.js';

/**
 * The server's wiring for outbound mail on both engines: the outbox handler queues the row and, in
 * the same transaction, a pg-boss job; the mail-send worker then delivers it to the relay without
 * anyone calling the sender, once.
 */
describe.each(ENGINES)('mail-send job on $engine', (engine) => {
  let c: IngestCase;
  let boss: PgBoss;
  let outbox: OutboxProcessor;
  let sink: SmtpSink;
  const passes: PassResult[] = [];

  beforeAll(async () => {
    if (!engine.available) return;
    c = await startIngestCase(engine);
    sink = await startSmtpSink();
    boss = await startBoss(c.h.db, c.h.tdb.url, (err) => console.error(err));
    await registerMailSendJob(
      boss,
      {
        db: c.h.db,
        clock: c.h.clock,
        box: c.box,
        tokens: new ThreadTokens(c.box),
        serverRelay: `smtp://${sink.host}:${sink.port}`,
        onPass: (r) => passes.push(r),
        allowedHosts: [],
      },
      { pollingIntervalSeconds: 0.5 },
    );
    outbox = new OutboxProcessor(c.h.db, c.h.clock, [
      mailOnEvents(
        () => boss,
        (err) => console.error(err),
      ),
    ]);
  });
  afterAll(async () => {
    await outbox?.stop();
    await boss?.stop({ graceful: false, timeout: 2000 });
    await sink?.stop();
    await c?.close();
  });

  it.skipIf(!engine.available)('a reply committed → row and job in the drain → delivered by the worker, once', async () => {
    const conversationId = conversationOf(
      await c.deliver({
        headers: { From: 'kim@customer.example', To: c.mailbox, Subject: 'Job path', 'Message-ID': `<job.${Date.now()}@customer.example>` },
        body: 'Does the job deliver this reply?',
      }),
    );
    const res = await call(c.h, c.ws.token, 'POST', `/api/v1/conversations/${conversationId}/messages`, {
      direction: 'outbound',
      text: 'It does.',
    });
    expect(res.statusCode).toBe(201);
    for (let i = 0; i < 500 && ((await outbox.drain()) > 0 || (await outboxBacklog(c.h.db, 'default')) > 0); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await boss.findJobs(MAIL_SEND_QUEUE)).length).toBeGreaterThan(0);
    const [got] = await sink.waitFor(1, 20_000);
    expect(got!.envelope.to).toEqual(['kim@customer.example']);
    // The worker settles the row after the relay's 250.
    for (let i = 0; i < 100 && !passes.some((p) => p.sent > 0); i++) await new Promise((r) => setTimeout(r, 50));
    expect(passes.reduce((n, p) => n + p.sent, 0)).toBe(1);
    const rows = (await c.h.db.query<{ status: string }>(`SELECT status FROM mail_outbox WHERE workspace_id = $1`, [c.ws.id])).rows;
    expect(rows).toEqual([{ status: 'sent' }]);
    expect(sink.messages).toHaveLength(1);
  });
});
