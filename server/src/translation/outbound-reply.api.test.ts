import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { agentSessions, call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';

describe.each(ENGINES)('replies written in the agent’s language and delivered translated, on $engine', (engine) => {
  const available = engine.available && inject('apyUrl') !== '';
  let h: Harness;
  let ws: TestWorkspace;
  let conversationId: string;
  const cookies: Record<string, string> = {};

  const asAgent = (who: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
    call(h, null, method, url, body, { cookie: cookies[who]! });
  const events = async (messageId: string) =>
    (await h.db.query<{ type: string }>(`SELECT type FROM events WHERE subject_id = $1 ORDER BY id`, [messageId])).rows.map((r) => r.type);

  beforeAll(async () => {
    if (!available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h);
    const agents = {
      berlin: [
        { tag: 'de', proficiency: 'native' },
        { tag: 'en', proficiency: 'fluent' },
        { tag: 'es', proficiency: 'basic' },
      ],
      madrid: [
        { tag: 'es', proficiency: 'native' },
        { tag: 'en', proficiency: 'working' },
      ],
    };
    Object.assign(cookies, await agentSessions(h, ws, agents));
    const conv = await call(h, ws.token, 'POST', '/api/v1/conversations', {
      customer: { email: 'lucia@example.es', locale: 'es-ES' },
      channel: 'email',
      language: 'es',
      message: { text: 'Hola, ¿dónde está mi paquete?', language: 'es' },
    });
    conversationId = conv.json().id;
  });
  afterAll(async () => h?.close());

  it.skipIf(!available)('delivers an English reply in Spanish, keeping the original and a back-translation', async () => {
    const res = await asAgent('berlin', 'POST', `/api/v1/conversations/${conversationId}/messages`, {
      direction: 'outbound',
      text: 'Hello Lucía, your package will arrive tomorrow.',
      language: 'en',
      translateTo: 'es',
    });
    expect(res.statusCode).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ text: 'Hello Lucía, your package will arrive tomorrow.', language: 'en', authorType: 'agent', review: null });
    expect(m.translations).toHaveLength(1);
    expect(m.translations[0]).toMatchObject({
      language: 'es',
      sourceLanguage: 'en',
      status: 'translated',
      delivered: true,
      provider: 'apertium',
    });
    expect(m.translations[0].text).toMatch(/Hola Lucía.*mañana/);
    expect(m.translations[0].backText).toMatch(/Hello Lucía.*arrive/);
    expect(await events(m.id)).toEqual(['message.created', 'message.outbound_ready']);
  });

  it.skipIf(!available)('holds a refund reply until an agent fluent in Spanish approves it', async () => {
    const res = await asAgent('berlin', 'POST', `/api/v1/conversations/${conversationId}/messages`, {
      direction: 'outbound',
      text: 'We will refund the full amount to your card this week.',
      language: 'en',
      translateTo: 'es',
    });
    expect(res.statusCode).toBe(201);
    const m = res.json();
    expect(m.review).toMatchObject({ status: 'awaiting_review', language: 'es', reviewedBy: null });
    expect(m.review.reasons.map((r: { category: string }) => r.category)).toContain('refund');
    expect(await events(m.id)).toEqual(['message.created', 'message.review_requested']);

    // An API token is not a person; the author reads Spanish only at basic level.
    const byToken = await call(h, ws.token, 'POST', `/api/v1/messages/${m.id}/approve`);
    expect([byToken.statusCode, byToken.json().error.code]).toEqual([403, 'forbidden']);
    const byBerlin = await asAgent('berlin', 'POST', `/api/v1/messages/${m.id}/approve`);
    expect([byBerlin.statusCode, byBerlin.json().error.code]).toEqual([403, 'not_fluent']);
    expect(await events(m.id)).toEqual(['message.created', 'message.review_requested']);

    const byMadrid = await asAgent('madrid', 'POST', `/api/v1/messages/${m.id}/approve`);
    expect(byMadrid.statusCode).toBe(200);
    expect(byMadrid.json().review).toMatchObject({ status: 'approved', reviewedAt: h.clock().toISOString() });
    expect(byMadrid.json().review.reviewedBy).toBeTruthy();
    expect(await events(m.id)).toEqual(['message.created', 'message.review_requested', 'message.outbound_ready']);
    const again = await asAgent('madrid', 'POST', `/api/v1/messages/${m.id}/approve`);
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'conflict']);
  });

  it.skipIf(!available)('refuses translateTo on anything but an outbound message with its language', async () => {
    for (const body of [
      { direction: 'note', text: 'x', language: 'en', translateTo: 'es' },
      { direction: 'outbound', text: 'x', translateTo: 'es' },
    ]) {
      const res = await asAgent('berlin', 'POST', `/api/v1/conversations/${conversationId}/messages`, body);
      expect([res.statusCode, res.json().error.code]).toEqual([400, 'validation_failed']);
    }
  });
});
