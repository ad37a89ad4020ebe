import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';
import { runScheduling } from './run-due.js';

// Friday 6 March 2026, 20:30 in Dubai (+04:00): the customer's evening before the weekend.
const FRIDAY_EVENING_DUBAI = '2026-03-06T16:30:00.000Z';
const MONDAY_MORNING_DUBAI = '2026-03-09T05:00:00.000Z';

describe.each(ENGINES)('scheduling on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let conversationId: string;

  const send = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, status = method === 'POST' ? 201 : 200) => {
    const res = await call(h, ws.token, method, url, body);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.body ? res.json() : undefined;
  };
  const run = () => runScheduling({ db: h.db, clock: h.clock, translator: h.translator, onError: (err) => console.error(err) });
  const events = async (type: string) =>
    (
      await h.db.query<{ payload: Record<string, unknown> }>(
        `SELECT payload FROM events WHERE workspace_id = $1 AND type = $2 ORDER BY id`,
        [ws.id, type],
      )
    ).rows.map((r) => r.payload);
  const outbound = async () =>
    (await send('GET', `/api/v1/conversations/${conversationId}/messages`)).data.filter(
      (m: { direction: string }) => m.direction === 'outbound',
    );

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h);
    other = await makeWorkspace(h);
    const customer = await send('POST', '/api/v1/customers', {
      name: 'Layla',
      emails: [`layla-${ws.slug}@example.ae`],
      country: 'AE',
      timeZone: 'Asia/Dubai',
      locale: 'ar',
    });
    const conv = await send('POST', '/api/v1/conversations', {
      customer: { id: customer.id },
      channel: 'email',
      message: { text: 'مرحبا' },
    });
    conversationId = conv.id;
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)('send later lands on the customer’s next business morning, once however often the job runs', async () => {
    h.clock.set(FRIDAY_EVENING_DUBAI);
    const scheduled = await send('POST', `/api/v1/conversations/${conversationId}/scheduled-messages`, {
      text: 'Your refund is on its way.',
      sendAt: 'customer_business_hours',
    });
    expect(scheduled).toMatchObject({
      status: 'scheduled',
      sendAt: MONDAY_MORNING_DUBAI,
      requested: 'customer_business_hours',
      messageId: null,
    });

    // Saturday and Sunday nights pass: nothing is sent.
    h.clock.set('2026-03-08T20:00:00.000Z');
    expect((await run()).sent).toBe(0);
    expect(await outbound()).toHaveLength(0);

    h.clock.set('2026-03-09T05:00:30.000Z');
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.sent + b.sent).toBe(1);
    expect((await run()).sent).toBe(0);
    const sent = await outbound();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ text: 'Your refund is on its way.', authorType: 'api', createdAt: '2026-03-09T05:00:30.000Z' });
    const list = await send('GET', `/api/v1/conversations/${conversationId}/scheduled-messages`);
    expect(list.data).toEqual([expect.objectContaining({ id: scheduled.id, status: 'sent', messageId: sent[0].id })]);
    // Sent: too late to cancel.
    expect((await call(h, ws.token, 'DELETE', `/api/v1/scheduled-messages/${scheduled.id}`)).statusCode).toBe(409);
  });

  it.skipIf(!engine.available)(
    'an instant in the customer’s night moves to their morning; cancelled before due, it never sends',
    async () => {
      h.clock.set('2026-03-10T08:00:00.000Z'); // Tuesday 12:00 in Dubai
      const late = await send('POST', `/api/v1/conversations/${conversationId}/scheduled-messages`, {
        text: 'Late note',
        sendAt: '2026-03-10T23:00:00+04:00',
      });
      expect(late.sendAt).toBe('2026-03-11T05:00:00.000Z');
      await send('DELETE', `/api/v1/scheduled-messages/${late.id}`, undefined, 204);
      expect((await call(h, ws.token, 'DELETE', `/api/v1/scheduled-messages/${late.id}`)).statusCode).toBe(409);
      h.clock.set('2026-03-11T06:00:00.000Z');
      expect((await run()).sent).toBe(0);
      expect(await outbound()).toHaveLength(1);
      expect(await events('message.schedule_cancelled')).toHaveLength(1);
    },
  );

  it.skipIf(!engine.available || inject('apyUrl') === '')(
    'send later written in English goes out in Spanish, translated when it is sent; critical content waits for review',
    async () => {
      h.clock.set('2026-03-17T21:30:00.000Z'); // Tuesday 22:30 in Madrid
      const conv = await send('POST', '/api/v1/conversations', {
        customer: { name: 'Lucía', email: `lucia-${ws.slug}@example.es`, locale: 'es-ES' },
        channel: 'email',
        language: 'es',
        message: { text: 'Hola, ¿llega mañana?', language: 'es' },
      });
      await send('PATCH', `/api/v1/customers/${conv.customerId}`, { timeZone: 'Europe/Madrid', country: 'ES' }, 200);
      const url = `/api/v1/conversations/${conv.id}/scheduled-messages`;
      const plain = await send('POST', url, {
        text: 'Your package will arrive tomorrow.',
        language: 'en',
        translateTo: 'es',
        sendAt: 'customer_business_hours',
      });
      expect(plain).toMatchObject({ status: 'scheduled', translateTo: 'es', sendAt: '2026-03-18T08:00:00.000Z' }); // 09:00 in Madrid
      const critical = await send('POST', url, {
        text: 'We will refund the full amount.',
        language: 'en',
        translateTo: 'es',
        sendAt: 'customer_business_hours',
      });
      // Translation needs the text and its language.
      expect((await call(h, ws.token, 'POST', url, { text: 'x', translateTo: 'es', sendAt: 'next_business_morning' })).statusCode).toBe(
        400,
      );

      h.clock.set('2026-03-18T08:00:05.000Z');
      expect((await run()).sent).toBe(2);
      const msgs = (await send('GET', `/api/v1/conversations/${conv.id}/messages`)).data as any[];
      const out = (id: string) => msgs.find((m) => m.id === id);
      const list = (await send('GET', url)).data as { id: string; messageId: string }[];
      const sentPlain = out(list.find((r) => r.id === plain.id)!.messageId);
      expect(sentPlain).toMatchObject({ text: 'Your package will arrive tomorrow.', language: 'en' });
      expect(sentPlain.translations.find((t: any) => t.delivered)).toMatchObject({ language: 'es', status: 'translated' });
      expect(sentPlain.translations.find((t: any) => t.delivered).text).toMatch(/mañana/);
      expect(sentPlain.review ?? null).toBeNull();
      const sentCritical = out(list.find((r) => r.id === critical.id)!.messageId);
      expect(sentCritical.review).toMatchObject({ status: 'awaiting_review', language: 'es' });
    },
  );

  it.skipIf(!engine.available)('a snooze holds the conversation pending and wakes it open once', async () => {
    h.clock.set('2026-03-12T08:00:00.000Z');
    const snooze = await send('POST', `/api/v1/conversations/${conversationId}/snooze`, {
      until: '2026-03-12T12:00:00Z',
      note: 'wait for courier',
    });
    expect(snooze).toMatchObject({ kind: 'snooze', status: 'scheduled', until: '2026-03-12T12:00:00.000Z' });
    expect((await send('GET', `/api/v1/conversations/${conversationId}`)).status).toBe('pending');
    // A new snooze replaces the old one.
    const later = await send('POST', `/api/v1/conversations/${conversationId}/snooze`, {
      until: 'customer_business_hours',
      status: 'on_hold',
    });
    expect(later.until).toBe('2026-03-13T05:00:00.000Z'); // Friday 09:00 in Dubai: a working day there
    expect((await send('GET', `/api/v1/conversations/${conversationId}`)).status).toBe('on_hold');

    h.clock.set('2026-03-12T13:00:00.000Z');
    expect((await run()).settled).toBe(0);
    h.clock.set('2026-03-13T05:00:00.000Z');
    expect((await run()).settled).toBe(1);
    expect((await run()).settled).toBe(0);
    expect((await send('GET', `/api/v1/conversations/${conversationId}`)).status).toBe('open');
    expect(await events('conversation.woke')).toEqual([expect.objectContaining({ snoozeId: later.id, from: 'on_hold', status: 'open' })]);
    const snoozes = (await send('GET', `/api/v1/conversations/${conversationId}/snoozes`)).data;
    expect(snoozes.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([
      [snooze.id, 'cancelled'],
      [later.id, 'done'],
    ]);
  });

  it.skipIf(!engine.available)('a follow-up reminder fires reminder.due once', async () => {
    h.clock.set('2026-03-16T08:00:00.000Z');
    const reminder = await send('POST', `/api/v1/conversations/${conversationId}/reminders`, {
      at: '2026-03-16T09:00:00Z',
      note: 'Did it arrive?',
    });
    expect(reminder).toMatchObject({ kind: 'follow_up', status: 'scheduled' });
    h.clock.set('2026-03-16T09:00:01.000Z');
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.settled + b.settled).toBe(1);
    expect(await events('reminder.due')).toEqual([
      expect.objectContaining({ reminderId: reminder.id, note: 'Did it arrive?', conversationId }),
    ]);
    expect((await send('GET', `/api/v1/conversations/${conversationId}`)).status).toBe('open');
  });

  it.skipIf(!engine.available)('bad instants are 400s; another workspace’s ids are 404s', async () => {
    const url = `/api/v1/conversations/${conversationId}`;
    for (const [path, body] of [
      ['/snooze', { until: '2020-01-01T00:00:00Z' }],
      ['/reminders', { at: 'tomorrow' }],
      ['/scheduled-messages', { text: '   ', sendAt: 'customer_business_hours' }],
      ['/scheduled-messages', { text: 'x', sendAt: '2030-01-01T00:00:00Z' }],
    ] as const) {
      const res = await call(h, ws.token, 'POST', `${url}${path}`, body);
      expect(res.statusCode, `${path} ${res.body}`).toBe(400);
    }
    const mine = await send('POST', `${url}/scheduled-messages`, { text: 'x', sendAt: 'next_business_morning' });
    const foreign = [
      ['POST', `${url}/scheduled-messages`, { text: 'x', sendAt: 'customer_business_hours' }],
      ['GET', `${url}/scheduled-messages`, undefined],
      ['DELETE', `/api/v1/scheduled-messages/${mine.id}`, undefined],
      ['POST', `${url}/snooze`, { until: 'customer_business_hours' }],
      ['POST', `${url}/reminders`, { at: 'customer_business_hours' }],
      ['GET', `${url}/snoozes`, undefined],
    ] as const;
    for (const [method, path, body] of foreign) {
      expect((await call(h, other.token, method, path, body)).statusCode, `${method} ${path}`).toBe(404);
    }
    expect((await send('GET', `${url}/scheduled-messages`)).data.find((m: { id: string }) => m.id === mine.id).status).toBe('scheduled');
  });
});
