import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCalendar } from '../calendars/index.js';
import { demoTeams } from '../demo/demo-data.js';
import { outboxBacklog } from '../events/events.repo.js';
import { ACK_QUEUE, acknowledgeOnCreated, registerAcknowledgeJob } from '../jobs/acknowledge.job.js';
import { startBoss } from '../jobs/boss.js';
import { OutboxProcessor } from '../jobs/outbox-processor.js';
import { demoCalendar } from '../routing/demo-setup.js';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';
import { acknowledgeConversation, loopId } from './acknowledge.js';
import { findAck } from './acks.repo.js';
import { composeAck } from './compose.js';
import { promiseEta } from './eta.js';
import { until } from '../test/until.js';

/**
 * Acceptance 5 through the API, the outbox and the pg-boss job: three customers get their
 * acknowledgement in their language and local time, on the routed team's calendar and queue;
 * automatic and bulk mail get none; a flooding sender gets one per window; the promise stored is the
 * pure function's; settings switch it off.
 */
const definition = (key: string) => demoCalendar(demoTeams.find((t) => t.key === key)!);

describe.each(ENGINES)('auto-acknowledgements on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let boss: PgBoss;
  let outbox: OutboxProcessor;
  const teams: Record<string, string> = {};
  let n = 0;

  const ok = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, status = method === 'POST' ? 201 : 200) => {
    const res = await call(h, ws.token, method, url, body);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json();
  };
  const customer = (fields: Record<string, unknown>) =>
    ok('POST', '/api/v1/customers', { emails: [`c${++n}-${ws.slug}@example.com`], ...fields });

  /** Creates a conversation at `at`, without running the acknowledgement. */
  async function open(at: string, team: string, customerId: string, message: Record<string, unknown>): Promise<string> {
    h.clock.set(at);
    const c = await ok('POST', '/api/v1/conversations', { customer: { id: customerId }, channel: 'email', teamId: teams[team], message });
    return c.id as string;
  }
  /** Delivers committed events (conversation.created → job). */
  async function drained() {
    for (let i = 0; i < 200 && ((await outbox.drain()) > 0 || (await outboxBacklog(h.db, 'default')) > 0); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  /** Delivers committed events and waits for the conversation's job to finish. */
  async function acknowledged(conversationId: string) {
    await drained();
    await until(async () =>
      (await boss.findJobs(ACK_QUEUE, { key: conversationId })).some((j) => j.state === 'completed') ? true : undefined,
    );
    const messages = (await ok('GET', `/api/v1/conversations/${conversationId}/messages`)).data as any[];
    return { log: await findAck(h.db, ws.id, conversationId), system: messages.filter((m) => m.authorType === 'system') };
  }
  const events = async (type: string) =>
    (await h.db.query<{ payload: any }>(`SELECT payload FROM events WHERE workspace_id = $1 AND type = $2 ORDER BY id`, [ws.id, type]))
      .rows;

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h);
    boss = await startBoss(h.db, h.tdb.url, (err) => console.error(err));
    await registerAcknowledgeJob(boss, { db: h.db, clock: h.clock }, { pollingIntervalSeconds: 0.5 });
    outbox = new OutboxProcessor(h.db, h.clock, [acknowledgeOnCreated(() => boss)]);
    for (const key of ['tokyo', 'berlin', 'sao-paulo']) {
      const calendar = await ok('POST', '/api/v1/calendars', { name: key, definition: definition(key) });
      // One agent reads the team's own language, the other only English.
      const own = { tokyo: 'ja', berlin: 'de', 'sao-paulo': 'pt' }[key]!;
      const members = [];
      for (const tag of [own, 'en']) {
        const agent = await ok('POST', '/api/v1/agents', {
          email: `${key}-${tag}@example.com`,
          name: `${key} ${tag}`,
          languages: [{ tag, proficiency: 'native' }],
        });
        members.push(agent.id);
      }
      const tz = demoTeams.find((t) => t.key === key)!.timeZone;
      teams[key] = (await ok('POST', '/api/v1/teams', { name: key, timeZone: tz, calendarId: calendar.id, memberIds: members })).id;
    }
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, timeout: 2000 });
    await h?.close();
  });

  it.skipIf(!engine.available)('a Japanese customer in Tokyo, writing at 23:00, is answered in Japanese with a Tokyo time', async () => {
    const c = await customer({ name: '山田 花子', locale: 'ja-JP', country: 'JP', timeZone: 'Asia/Tokyo' });
    const id = await open('2026-03-02T14:00:00Z', 'tokyo', c.id, { text: '請求書が二重に届きました。', language: 'ja' });
    const { log, system } = await acknowledged(id);
    // No first replies yet: 2 × the default median (60) + the default pace (20) × 2 agents / 1 reader of Japanese
    // = 160 minutes from Tuesday 09:00: 11:40, rounded to 12:00 (the lunch hour follows).
    expect(system.map((m) => m.text)).toEqual(['お問い合わせありがとうございます。明日12:00（現地時間）までにご返信いたします。']);
    expect(system[0]).toMatchObject({
      direction: 'outbound',
      language: 'ja',
      channelMeta: { autoSubmitted: 'auto-replied', xLoop: loopId(ws.id) },
    });
    expect(log).toMatchObject({ language: 'ja', suppressed: null, messageId: system[0].id });
    expect(log!.promisedAt!.toISOString()).toBe('2026-03-03T03:00:00.000Z');
    expect(log!.basis).toMatchObject({
      medianDefaulted: true,
      samples: 0,
      queueAhead: 0,
      agents: 2,
      readers: 1,
      timeZone: 'Asia/Tokyo',
      zoneKnown: true,
    });
    expect((await events('conversation.acknowledged')).map((e) => e.payload)).toContainEqual({
      conversationId: id,
      messageId: system[0].id,
      promisedAt: '2026-03-03T03:00:00.000Z',
      language: 'ja',
    });
  });

  it.skipIf(!engine.available)(
    'a German in Munich is addressed with Sie, and promised what the pure function says for the team’s queue',
    async () => {
      // Berlin's history on Thursday: five first replies after 10–50 minutes (median 30, one every 10), two still waiting.
      for (const minutes of [10, 20, 30, 40, 50]) {
        const past = await customer({ name: `Kunde ${minutes}`, country: 'DE' });
        const id = await open('2026-03-05T09:00:00Z', 'berlin', past.id, { text: 'Eine Frage zur Rechnung.', language: 'de' });
        h.clock.set(new Date(Date.parse('2026-03-05T09:00:00Z') + minutes * 60_000));
        await ok('POST', `/api/v1/conversations/${id}/messages`, { direction: 'outbound', text: 'Gern helfen wir.' });
      }
      for (const i of [1, 2])
        await open('2026-03-06T12:00:00Z', 'berlin', (await customer({ name: `Wartend ${i}` })).id, { text: 'Hallo?', language: 'de' });

      const c = await customer({ name: 'Maximilian Huber', locale: 'de-DE', country: 'DE', attributes: { region: 'DE-BY' } });
      const now = '2026-03-06T17:10:00Z'; // Friday 18:10 in Munich: Berlin has closed
      const id = await open(now, 'berlin', c.id, {
        text: 'Meine Rechnung ist doppelt.',
        language: 'de',
        channelMeta: { from: c.emails[0] },
      });
      const { log, system } = await acknowledged(id);
      expect(log!.basis).toMatchObject({
        medianMinutes: 30,
        gapMinutes: 10,
        medianDefaulted: false,
        samples: 5,
        queueAhead: 2,
        agents: 2,
        readers: 1,
        formality: 'formal',
      });
      // The pure function, given the same inputs, promises the same instant and says the same sentence.
      const eta = promiseEta({
        now: new Date(now),
        calendar: compileCalendar(definition('berlin')),
        medianMinutes: 30,
        replyGapMinutes: 10,
        queueAhead: 2,
        agents: 2,
        readers: 1,
        timeZone: 'Europe/Berlin',
      })!;
      expect(log!.promisedAt).toEqual(eta.due);
      const text = composeAck({
        now: new Date(now),
        due: eta.due,
        locale: 'de-DE',
        formality: 'formal',
        timeZone: 'Europe/Berlin',
        fallbackZone: 'UTC',
      }).text;
      expect(system.map((m) => m.text)).toEqual([text]);
      // 2 × 30 + (2 + 1) × 10 × 2 agents / 1 reader of German = 120 business minutes from Monday 08:00.
      expect(text).toBe('Vielen Dank für Ihre Nachricht. Wir melden uns bei Ihnen bis Montag, 10:00 Uhr (Ihre Zeit).');
    },
  );

  it.skipIf(!engine.available)(
    'a Brazilian in São Paulo, writing the evening before Tiradentes, is promised Wednesday in Portuguese',
    async () => {
      const c = await customer({ name: 'Ana Souza', locale: 'pt-BR', country: 'BR', timeZone: 'America/Sao_Paulo' });
      const id = await open('2026-04-20T20:30:00Z', 'sao-paulo', c.id, { text: 'Recebi duas faturas este mês.', language: 'pt' });
      const { system } = await acknowledged(id);
      expect(system.map((m) => m.text)).toEqual(['Obrigado pela sua mensagem. Responderemos até quarta-feira às 11:30 (horário local).']);
    },
  );

  it.skipIf(!engine.available)(
    'mail with Auto-Submitted: auto-replied or Precedence: bulk gets no acknowledgement; the reason is logged',
    async () => {
      const before = (await events('conversation.acknowledged')).length;
      for (const [meta, reason] of [
        [{ 'auto-submitted': 'auto-replied', from: 'ana@example.com' }, 'auto_submitted'],
        [{ precedence: 'bulk', 'list-id': '<news.example.com>' }, 'precedence'],
        [{ from: 'MAILER-DAEMON@mx.example.com' }, 'automated_sender'],
      ] as const) {
        const c = await customer({ name: 'Auto' });
        const id = await open('2026-03-03T10:00:00Z', 'berlin', c.id, { text: 'Ich bin im Urlaub.', language: 'de', channelMeta: meta });
        const { log, system } = await acknowledged(id);
        expect(system).toEqual([]);
        expect(log).toMatchObject({ suppressed: reason, sentAt: null, messageId: null });
      }
      expect(await events('conversation.acknowledged')).toHaveLength(before);
    },
  );

  it.skipIf(!engine.available)('a sender flooding gets one acknowledgement per window (4 hours)', async () => {
    const c = await customer({ name: 'Flood', locale: 'en-GB', country: 'GB' });
    const outcomes: (string | null)[] = [];
    for (const minutes of [0, 10, 20, 30, 40, 239, 240]) {
      const at = new Date(Date.parse('2026-03-03T10:00:00Z') + minutes * 60_000).toISOString();
      const id = await open(at, 'berlin', c.id, { text: `Hello again (${minutes})`, language: 'en' });
      const { log } = await acknowledged(id);
      outcomes.push(log!.suppressed ?? 'sent');
    }
    expect(outcomes).toEqual(['sent', 'rate_limited', 'rate_limited', 'rate_limited', 'rate_limited', 'rate_limited', 'sent']);
  });

  it.skipIf(!engine.available)('happens once per conversation, however often the job runs', async () => {
    const c = await customer({ name: 'Once', locale: 'fr-FR', country: 'FR' });
    const id = await open('2026-03-03T10:00:00Z', 'berlin', c.id, { text: 'Bonjour, une question.', language: 'fr' });
    expect((await acknowledged(id)).system).toHaveLength(1);
    expect(await h.db.transaction((tx) => acknowledgeConversation(tx, ws.id, id, h.clock()))).toEqual({ kind: 'skipped', why: 'decided' });
    const again = await boss.send(ACK_QUEUE, { workspaceId: ws.id, conversationId: id });
    await until(async () => ((await boss.getJobById(ACK_QUEUE, again!))?.state === 'completed' ? true : undefined));
    expect((await acknowledged(id)).system).toHaveLength(1);
    expect((await events('conversation.acknowledged')).filter((e) => e.payload.conversationId === id)).toHaveLength(1);
  });

  it.skipIf(!engine.available)('admins switch it off and set the window', async () => {
    expect(await ok('GET', '/api/v1/settings/acknowledgements')).toEqual({ enabled: true, windowMinutes: 240, updatedAt: null });
    h.clock.set('2026-03-04T08:00:00Z');
    expect(await ok('PUT', '/api/v1/settings/acknowledgements', { enabled: false, windowMinutes: 60 })).toEqual({
      enabled: false,
      windowMinutes: 60,
      updatedAt: '2026-03-04T08:00:00.000Z',
    });
    const c = await customer({ name: 'Off' });
    const id = await open('2026-03-04T09:00:00Z', 'berlin', c.id, { text: 'Hallo', language: 'de' });
    await drained();
    // Switched off, a new conversation gets no job at all, so nothing acknowledges it.
    expect(await boss.findJobs(ACK_QUEUE, { key: id })).toEqual([]);
    expect(await findAck(h.db, ws.id, id)).toBeUndefined();
    const messages = (await ok('GET', `/api/v1/conversations/${id}/messages`)).data as any[];
    expect(messages.filter((m) => m.authorType === 'system')).toEqual([]);
    await ok('PUT', '/api/v1/settings/acknowledgements', { enabled: true, windowMinutes: 240 });
    expect(await ok('GET', '/api/v1/settings/acknowledgements')).toMatchObject({ enabled: true, windowMinutes: 240 });
  });
});
