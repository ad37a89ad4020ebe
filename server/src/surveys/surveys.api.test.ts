import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxBacklog } from '../events/events.repo.js';
import { startBoss } from '../jobs/boss.js';
import { MAIL_SEND_QUEUE, mailOnEvents } from '../jobs/mail-send.job.js';
import { OutboxProcessor } from '../jobs/outbox-processor.js';
import { registerSurveyDecideJob, SURVEY_DECIDE_QUEUE, surveyOnSolved } from '../jobs/survey-decide.job.js';
import { SecretBox } from '../lib/secret-box.js';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';
import { composeInvitation } from './compose-invitation.js';
import { runDueSurveys } from './send-survey.js';
import { SurveyTokens } from './survey-token.js';
import { until } from '../test/until.js';

/**
 * Issue 8, sending rules, through the API, the outbox, the pg-boss decision job and the scheduler's
 * pass (run by hand at fixed instants): a Madrid customer's solved e-mail conversation yields one
 * survey in their locale at 09:00 their time, sent once as a message with a signed link; throttling,
 * quiet hours, automated senders, spam and the settings.
 */
const PUBLIC = 'https://help.example.com';

describe.each(ENGINES)('survey sending on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let boss: PgBoss;
  let outbox: OutboxProcessor;
  const box = SecretBox.random();
  const tokens = new SurveyTokens(box);
  let n = 0;

  const ok = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown, status = method === 'POST' ? 201 : 200) => {
    const res = await call(h, ws.token, method, url, body);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json();
  };
  const customer = (fields: Record<string, unknown> = {}) =>
    ok('POST', '/api/v1/customers', { emails: [`c${++n}-${ws.slug}@example.com`], name: `Customer ${n}`, ...fields });

  /** A customer's e-mail conversation opened at `at`. */
  async function open(at: string, c: { id: string; emails: string[] }, message: Record<string, unknown> = {}): Promise<string> {
    h.clock.set(at);
    const conv = await ok('POST', '/api/v1/conversations', {
      customer: { id: c.id },
      channel: 'email',
      subject: 'Factura',
      message: { text: 'Me han cobrado dos veces.', language: 'es', channelMeta: { from: c.emails[0] }, ...message },
    });
    return conv.id as string;
  }
  async function drained() {
    for (let i = 0; i < 200 && ((await outbox.drain()) > 0 || (await outboxBacklog(h.db, 'default')) > 0); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  /** Sets the status at `at`, delivers the events and waits for every decision job of the conversation. */
  async function setStatus(id: string, status: string, at: string) {
    h.clock.set(at);
    await ok('PATCH', `/api/v1/conversations/${id}`, { status });
    await decided(id);
  }
  async function decided(id: string) {
    await drained();
    await until(async () => {
      const jobs = await boss.findJobs(SURVEY_DECIDE_QUEUE, { key: id });
      return jobs.every((j) => j.state === 'completed') ? true : undefined;
    });
  }
  const survey = async (id: string) => (await ok('GET', `/api/v1/conversations/${id}/survey`)).survey;
  const send = async (at: string) => {
    h.clock.set(at);
    const r = await runDueSurveys({ db: h.db, clock: h.clock, tokens, publicUrl: () => PUBLIC });
    await drained();
    return r;
  };
  const systemMessages = async (id: string) =>
    ((await ok('GET', `/api/v1/conversations/${id}/messages`)).data as any[]).filter((m) => m.authorType === 'system');
  const events = async (type: string, conversationId: string) =>
    (
      await h.db.query<{ payload: any }>(`SELECT payload FROM events WHERE workspace_id = $1 AND type = $2 ORDER BY id`, [ws.id, type])
    ).rows.filter((e) => e.payload.conversationId === conversationId);

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine, { secretBox: box, publicUrl: PUBLIC });
    ws = await makeWorkspace(h);
    boss = await startBoss(h.db, h.tdb.url, (err) => console.error(err));
    await registerSurveyDecideJob(boss, { db: h.db, clock: h.clock }, { pollingIntervalSeconds: 0.5 });
    // The mail path queues a send job when the invitation's mail is due; nothing works it here. One send outside a
    // transaction puts the queue in pg-boss's cache: looked up inside the drain's transaction, PGlite's one connection would wait on itself.
    await boss.createQueue(MAIL_SEND_QUEUE);
    await boss.send(MAIL_SEND_QUEUE, {});
    outbox = new OutboxProcessor(h.db, h.clock, [
      surveyOnSolved(() => boss),
      mailOnEvents(
        () => boss,
        (err) => console.error(err),
      ),
    ]);
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, timeout: 2000 });
    await h?.close();
  });

  it.skipIf(!engine.available)(
    'a Madrid customer solved at 23:30 gets one Spanish-locale survey at 09:00 local, sent once with a signed link',
    async () => {
      const ana = await customer({ name: 'Ana García', locale: 'es-ES', country: 'ES', timeZone: 'Europe/Madrid' });
      const id = await open('2026-03-10T21:00:00Z', ana);
      expect(await survey(id)).toBeNull();
      // 23:30 in Madrid (CET): an hour later is still night, so 09:00 the next morning (08:00 UTC).
      await setStatus(id, 'solved', '2026-03-10T22:30:00Z');
      const scheduled = await survey(id);
      expect(scheduled).toMatchObject({
        status: 'scheduled',
        reason: null,
        kind: 'csat',
        locale: 'es-ES',
        language: 'es',
        country: 'ES',
        channel: 'email',
        customerId: ana.id,
        dueAt: '2026-03-11T08:00:00.000Z',
        sentAt: null,
        response: null,
      });
      expect(await events('survey.scheduled', id)).toHaveLength(1);

      // The scheduler before 09:00 local sends nothing; at 09:00 it sends one.
      expect((await send('2026-03-11T07:59:00Z')).sent).toBe(0);
      expect(await systemMessages(id)).toEqual([]);
      expect((await send('2026-03-11T08:00:30Z')).sent).toBe(1);
      const sent = await survey(id);
      expect(sent).toMatchObject({ status: 'sent', sentAt: '2026-03-11T08:00:30.000Z', expiresAt: '2026-03-18T08:00:30.000Z' });
      const [message, ...more] = await systemMessages(id);
      expect(more).toEqual([]);
      expect(message.id).toBe(sent.messageId);
      const url: string = message.channelMeta.surveyUrl;
      expect(url.startsWith(`${PUBLIC}/s/v1.${ws.id}.${sent.id}.`)).toBe(true);
      expect(message).toMatchObject({
        direction: 'outbound',
        channelMeta: { autoSubmitted: 'auto-generated', xLoop: `meridian-${ws.id}`, surveyId: sent.id, surveyKind: 'csat', surveyUrl: url },
      });
      // The text is the pure composer's for the survey's locale, with one link per score.
      const name = (await h.db.query<{ name: string }>(`SELECT name FROM workspaces WHERE id = $1`, [ws.id])).rows[0]!.name;
      const expected = composeInvitation({ kind: 'csat', channel: 'email', locale: 'es-ES', workspaceName: name, url });
      expect({ text: message.text, language: message.language }).toEqual({ text: expected.text, language: expected.language });
      for (const score of [1, 2, 3, 4, 5]) expect(message.text).toContain(`${url}?score=${score}`);
      // The link verifies against the row until it expires.
      const token = url.slice(`${PUBLIC}/s/`.length);
      const row = { customerId: ana.id, conversationId: id };
      expect(tokens.verify(token, row, new Date('2026-03-12T00:00:00Z'))).toMatchObject({ ok: true, surveyId: sent.id });
      expect(tokens.verify(token, row, new Date('2026-03-18T08:00:30Z'))).toEqual({ ok: false, reason: 'expired' });
      // The e-mail path picked it up, addressed to the customer.
      const mail = await h.db.query<{ recipient: string }>(
        `SELECT recipient FROM mail_outbox WHERE workspace_id = $1 AND message_id = $2`,
        [ws.id, message.id],
      );
      expect(mail.rows).toEqual([{ recipient: ana.emails[0] }]);
      expect(await events('survey.sent', id)).toEqual([
        { payload: { conversationId: id, surveyId: sent.id, messageId: message.id, kind: 'csat', locale: 'es-ES' } },
      ]);

      // Ana follows the link. Opening it (as a mail scanner would) records nothing; the page speaks Spanish.
      const page = await call(h, null, 'GET', `/s/${token}?score=4`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toMatch(/<html lang="es/);
      expect((await survey(id)).status).toBe('sent');
      const answer = (body: Record<string, unknown>) => call(h, null, 'POST', '/api/v1/public/surveys/answer', body);
      const responses = async () =>
        (await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM survey_responses WHERE workspace_id = $1', [ws.id])).rows[0]!.n;
      const before = await responses();
      // A link with one character of its signature changed, or with another expiry, is refused and records nothing.
      const [v, wsPart, surveyPart, exp, mac] = token.split('.') as [string, string, string, string, string];
      const flipped = `${mac.slice(0, 10)}${mac[10] === 'A' ? 'B' : 'A'}${mac.slice(11)}`;
      for (const bad of [
        [v, wsPart, surveyPart, exp, flipped].join('.'),
        [v, wsPart, surveyPart, String(Number(exp) + 86_400), mac].join('.'),
      ]) {
        const refused = await answer({ token: bad, score: 1 });
        expect(refused.statusCode).toBe(404);
        expect(refused.json().error.code).toBe('survey_link_invalid');
      }
      expect(await responses()).toBe(before);
      // The real link records the score once; a second score is refused and changes nothing.
      const first = await answer({ token, score: 4 });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ surveyId: sent.id, status: 'recorded', kind: 'csat', score: 4 });
      const again = await answer({ token, score: 1 });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('survey_already_answered');
      expect(await responses()).toBe(before + 1);
      expect((await survey(id)).response).toMatchObject({ score: 4 });
      // After it expires, even the real link is refused.
      h.clock.set('2026-03-18T08:00:30Z');
      const expired = await answer({ token, comment: 'Gracias' });
      expect(expired.statusCode).toBe(410);
      expect(expired.json().error.code).toBe('survey_link_expired');
      expect((await survey(id)).response).toMatchObject({ score: 4, comment: null });

      // Reopened by the customer and solved again: no second survey.
      h.clock.set('2026-03-12T10:00:00Z');
      await ok('POST', `/api/v1/conversations/${id}/messages`, {
        text: 'Sigue sin funcionar.',
        language: 'es',
        channelMeta: { from: ana.emails[0] },
      });
      await setStatus(id, 'solved', '2026-03-12T11:00:00Z');
      expect((await send('2026-03-20T12:00:00Z')).sent).toBe(0);
      expect(await systemMessages(id)).toHaveLength(1);
      expect(await survey(id)).toMatchObject({ id: sent.id, status: 'answered' });
      expect(await events('survey.sent', id)).toHaveLength(1);
    },
  );

  it.skipIf(!engine.available)('a customer gets at most one survey per throttle period across conversations', async () => {
    const c = await customer({ locale: 'en-GB', country: 'GB', timeZone: 'Europe/London' });
    // Two conversations solved together: both scheduled, the scheduler sends only the first.
    const a = await open('2026-04-01T09:00:00Z', c, { text: 'Invoice wrong', language: 'en' });
    const b = await open('2026-04-01T09:05:00Z', c, { text: 'Another thing', language: 'en' });
    await setStatus(a, 'solved', '2026-04-01T10:00:00Z');
    await setStatus(b, 'solved', '2026-04-01T10:00:00Z');
    expect((await survey(a)).status).toBe('scheduled');
    expect((await survey(b)).status).toBe('scheduled');
    expect(await send('2026-04-01T12:00:00Z')).toMatchObject({ sent: 1, settled: 1 });
    const states = [await survey(a), await survey(b)].map((s) => s.reason ?? s.status);
    expect(states.sort()).toEqual(['sent', 'throttled']);
    expect((await systemMessages(a)).length + (await systemMessages(b)).length).toBe(1);
    // 29 days later: throttled when decided; 30 days after the one sent: scheduled again.
    const c3 = await open('2026-04-30T09:00:00Z', c, { text: 'Question', language: 'en' });
    await setStatus(c3, 'solved', '2026-04-30T09:30:00Z');
    expect(await survey(c3)).toMatchObject({ status: 'suppressed', reason: 'throttled' });
    const c4 = await open('2026-05-01T12:00:00Z', c, { text: 'Question', language: 'en' });
    await setStatus(c4, 'solved', '2026-05-01T12:00:00Z');
    expect(await survey(c4)).toMatchObject({ status: 'scheduled', dueAt: '2026-05-01T13:00:00.000Z' });
  });

  it.skipIf(!engine.available)('reopened before it goes out, a survey waits; the next solve decides again from then', async () => {
    const c = await customer({ locale: 'de-DE', country: 'DE', timeZone: 'Europe/Berlin' });
    const id = await open('2026-06-02T08:00:00Z', c, { text: 'Rechnung', language: 'de' });
    await setStatus(id, 'solved', '2026-06-02T09:00:00Z');
    const first = await survey(id);
    expect(first).toMatchObject({ status: 'scheduled', dueAt: '2026-06-02T10:00:00.000Z', locale: 'de-DE' });
    await setStatus(id, 'open', '2026-06-02T09:30:00Z');
    await send('2026-06-02T10:00:00Z');
    expect(await survey(id)).toMatchObject({ id: first.id, status: 'waiting', dueAt: null });
    expect(await systemMessages(id)).toEqual([]);
    // Solved again at 19:30 Berlin (CEST): due 20:30 is quiet, so 09:00 the next day.
    await setStatus(id, 'solved', '2026-06-02T17:30:00Z');
    expect(await survey(id)).toMatchObject({ id: first.id, status: 'scheduled', dueAt: '2026-06-03T07:00:00.000Z' });
    expect((await send('2026-06-03T07:00:00Z')).sent).toBe(1);
    expect(await systemMessages(id)).toHaveLength(1);
  });

  it.skipIf(!engine.available)('automated senders, spam, channels not surveyed and customers who never wrote get none', async () => {
    const c = await customer({ country: 'ES' });
    const auto = await open('2026-07-01T08:00:00Z', c, { channelMeta: { from: c.emails[0], 'auto-submitted': 'auto-replied' } });
    await setStatus(auto, 'solved', '2026-07-01T09:00:00Z');
    expect(await survey(auto)).toMatchObject({
      status: 'suppressed',
      reason: 'automated_sender',
      detail: 'auto_submitted: auto-submitted: auto-replied',
      dueAt: null,
    });
    const bounce = await open('2026-07-01T08:00:00Z', c, { channelMeta: { from: 'MAILER-DAEMON@mx.example.com' } });
    await setStatus(bounce, 'solved', '2026-07-01T09:00:00Z');
    expect(await survey(bounce)).toMatchObject({ status: 'suppressed', reason: 'automated_sender' });

    // Marked spam: closed, tagged, decided as spam.
    const spam = await open('2026-07-01T08:00:00Z', c);
    h.clock.set('2026-07-01T09:00:00Z');
    await ok('POST', `/api/v1/conversations/${spam}/spam`, undefined, 200);
    await decided(spam);
    expect(await survey(spam)).toMatchObject({ status: 'suppressed', reason: 'spam', tags: ['spam'] });

    // An agent-started conversation the customer never answered.
    h.clock.set('2026-07-01T08:00:00Z');
    const outbound = (
      await ok('POST', '/api/v1/conversations', {
        customer: { id: c.id },
        channel: 'email',
        message: { direction: 'outbound', text: 'Hola, le escribimos por su pedido.' },
      })
    ).id;
    await setStatus(outbound, 'solved', '2026-07-01T09:00:00Z');
    expect(await survey(outbound)).toMatchObject({ status: 'suppressed', reason: 'no_customer_message' });

    const phone = (await ok('POST', '/api/v1/conversations', { customer: { id: c.id }, channel: 'phone', message: { text: 'Llamada' } }))
      .id;
    await setStatus(phone, 'solved', '2026-07-01T09:00:00Z');
    expect(await survey(phone)).toMatchObject({ status: 'suppressed', reason: 'channel_not_surveyed', detail: 'phone' });

    for (const id of [auto, bounce, spam, outbound, phone]) expect(await events('survey.suppressed', id)).toHaveLength(1);
    expect((await send('2026-07-02T12:00:00Z')).sent).toBe(0);
  });

  it.skipIf(!engine.available)(
    'leads read and replace the settings; switched off, solved conversations are suppressed as disabled',
    async () => {
      const other = await makeWorkspace(h);
      const asOther = (method: 'GET' | 'PUT', body?: unknown, role = other.token) =>
        call(h, role, method, '/api/v1/surveys/settings', body);
      expect((await asOther('GET')).json()).toEqual({
        enabled: true,
        kind: 'csat',
        askComment: true,
        reasons: [],
        delayMinutes: 60,
        quietStart: 20,
        quietEnd: 9,
        throttleDays: 30,
        linkTtlHours: 168,
        channels: ['email', 'chat'],
        texts: {},
        updatedAt: null,
      });
      const agent = await other.tokenFor('agent');
      expect((await asOther('GET', undefined, agent)).statusCode).toBe(403);
      expect((await asOther('PUT', { enabled: false }, agent)).statusCode).toBe(403);
      const lead = await other.tokenFor('lead');
      h.clock.set('2026-08-01T08:00:00Z');
      const body = {
        kind: 'nps',
        askComment: false,
        reasons: [{ key: 'speed', labels: { en: 'Speed', es: 'Rapidez' } }],
        delayMinutes: 0,
        quietStart: 22,
        quietEnd: 7,
        throttleDays: 0,
        linkTtlHours: 24,
        channels: ['email', 'whatsapp'],
        texts: { es: { question: '¿Recomendaría {workspace}?' } },
      };
      const saved = await asOther('PUT', body, lead);
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toEqual({ enabled: true, ...body, updatedAt: '2026-08-01T08:00:00.000Z' });
      expect((await asOther('GET', undefined, lead)).json()).toEqual(saved.json());

      const bad: [unknown, string][] = [
        [{ kind: 'ces5' }, 'body/kind'],
        [{ quietStart: 24 }, 'body/quietStart'],
        [{ delayMinutes: -1 }, 'body/delayMinutes'],
        [{ linkTtlHours: 0 }, 'body/linkTtlHours'],
        [{ throttleDays: 366 }, 'body/throttleDays'],
        [{ channels: ['email', 'fax'] }, 'body/channels'],
        [{ channels: ['email', 'email'] }, 'body/channels'],
        [{ reasons: Array.from({ length: 13 }, (_, i) => ({ key: `r${i}`, labels: { en: 'x' } })) }, 'body/reasons'],
        [{ reasons: [{ key: 'Speed', labels: { en: 'x' } }] }, 'body/reasons/0/key'],
        [{ reasons: [{ key: 'speed', labels: {} }] }, 'body/reasons/0/labels'],
        [
          {
            reasons: [
              { key: 'a', labels: { en: 'A' } },
              { key: 'a', labels: { en: 'B' } },
            ],
          },
          'body/reasons/1/key',
        ],
        [{ texts: { es: { question: '¿{name}, qué tal?' } } }, 'body/texts/es/question'],
        [{ texts: { es: { greeting: 'Hola' } } }, 'body/texts/es'],
        [{ texts: { 'not a tag': { question: 'x' } } }, 'body/texts'],
        [{ surprise: true }, 'body'],
      ];
      for (const [b, path] of bad) {
        const res = await asOther('PUT', b, lead);
        expect(res.statusCode, JSON.stringify(b)).toBe(400);
        expect(res.json().error.code).toBe('validation_failed');
        expect(
          res
            .json()
            .error.details.map((d: { path: string }) => d.path)
            .join(' '),
          JSON.stringify(b),
        ).toContain(path);
      }
      expect((await asOther('GET', undefined, lead)).json()).toEqual(saved.json());

      // Off in the test workspace: a solved conversation is decided as disabled.
      await ok('PUT', '/api/v1/surveys/settings', { enabled: false });
      const c = await customer();
      const id = await open('2026-08-02T08:00:00Z', c);
      await setStatus(id, 'solved', '2026-08-02T09:00:00Z');
      expect(await survey(id)).toMatchObject({ status: 'suppressed', reason: 'disabled' });
      await ok('PUT', '/api/v1/surveys/settings', {});
    },
  );
});
