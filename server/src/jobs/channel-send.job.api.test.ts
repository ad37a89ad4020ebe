import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertChannelAccount } from '../channels/accounts.repo.js';
import { newWebhookId, sealSecrets } from '../channels/channel-secrets.js';
import type { ChannelPassResult } from '../channels/outbound/send-channel.js';
import { outboxBacklog } from '../events/events.repo.js';
import { newId } from '../lib/ids.js';
import { SecretBox } from '../lib/secret-box.js';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';
import { replayServer } from '../translation/providers/replay.test-support.js';
import { startBoss } from './boss.js';
import { CHANNEL_SEND_QUEUE, channelsOnEvents, registerChannelSendJob } from './channel-send.job.js';
import { OutboxProcessor } from './outbox-processor.js';

/**
 * The server's wiring for outbound channel messages on both engines: the outbox handler queues the
 * row and, in the same transaction, a pg-boss job; the channel-send worker then makes the provider
 * request without anyone calling the sender, once.
 */
describe.each(ENGINES)('channel-send job on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let boss: PgBoss;
  let outbox: OutboxProcessor;
  let srv: Awaited<ReturnType<typeof replayServer>>;
  const box = SecretBox.random();
  const passes: ChannelPassResult[] = [];
  let accountId: string;

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine, { secretBox: box });
    ws = await makeWorkspace(h);
    srv = await replayServer(() => ({ body: { ok: true, result: { message_id: 77, chat: { id: 424242, type: 'private' } } } }));
    accountId = newId();
    await insertChannelAccount(
      h.db,
      ws.id,
      {
        id: accountId,
        kind: 'telegram',
        name: 'bot',
        settings: { botUsername: 'job_bot' },
        secretsSealed: sealSecrets(box, ws.id, { botToken: '42:job-token', secretToken: 's' }),
        webhookId: newWebhookId(),
        enabled: true,
      },
      h.clock(),
    );
    boss = await startBoss(h.db, h.tdb.url, (err) => console.error(err));
    await registerChannelSendJob(
      boss,
      {
        db: h.db,
        clock: h.clock,
        box,
        apis: { whatsapp: srv.url, telegram: srv.url, twilio: srv.url },
        onPass: (r) => passes.push(r),
      },
      { pollingIntervalSeconds: 0.5 },
    );
    outbox = new OutboxProcessor(h.db, h.clock, [
      channelsOnEvents(
        () => boss,
        (err) => console.error(err),
      ),
    ]);
  });
  afterAll(async () => {
    await outbox?.stop();
    await boss?.stop({ graceful: false, timeout: 2000 });
    await srv?.close();
    await h?.close();
  });

  it.skipIf(!engine.available)('a reply committed → row and job in the drain → sent by the worker, once', async () => {
    const opened = await call(h, ws.token, 'POST', '/api/v1/conversations', {
      customer: { email: 'tg@customer.example' },
      channel: 'telegram',
      message: { text: 'Is the job wired?', channelMeta: { accountId, from: '424242' } },
    });
    expect(opened.statusCode).toBe(201);
    const res = await call(h, ws.token, 'POST', `/api/v1/conversations/${opened.json().id}/messages`, {
      direction: 'outbound',
      text: 'It is.',
    });
    expect(res.statusCode).toBe(201);
    for (let i = 0; i < 500 && ((await outbox.drain()) > 0 || (await outboxBacklog(h.db, 'default')) > 0); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await boss.findJobs(CHANNEL_SEND_QUEUE)).length).toBeGreaterThan(0);
    for (let i = 0; i < 400 && !passes.some((p) => p.sent > 0); i++) await new Promise((r) => setTimeout(r, 50));
    expect(passes.reduce((n, p) => n + p.sent, 0)).toBe(1);
    expect(srv.received).toHaveLength(1);
    expect(srv.received[0]!.path).toBe('/bot42:job-token/sendMessage');
    expect(srv.received[0]!.json).toEqual({ chat_id: 424242, text: 'It is.' });
    const rows = (await h.db.query<{ status: string }>(`SELECT status FROM channel_outbox WHERE workspace_id = $1`, [ws.id])).rows;
    expect(rows).toEqual([{ status: 'sent' }]);
  });
});
