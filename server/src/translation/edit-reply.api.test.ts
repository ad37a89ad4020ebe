import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { agentSessions, call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';
import { awaitsRetry } from './retry-reply.js';
import { replayServer } from './providers/replay.test-support.js';

/** A fluent colleague corrects a held machine translation, or writes one the engine never delivered. */
describe.each(ENGINES)('PUT /api/v1/messages/:id/translation on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let engineDown = false;
  let deepl: Awaited<ReturnType<typeof replayServer>>;
  let conversationId = '';
  const cookies: Record<string, string> = {};

  const as = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
    call(h, null, method, url, body, { cookie: cookies[who]! });
  const send = (text: string) =>
    as('berlin', 'POST', `/api/v1/conversations/${conversationId}/messages`, {
      direction: 'outbound',
      text,
      language: 'en',
      translateTo: 'es',
    });
  const events = async (id: string) =>
    (await h.db.query<{ type: string }>(`SELECT type FROM events WHERE subject_id = $1 ORDER BY id`, [id])).rows.map((r) => r.type);

  beforeAll(async () => {
    if (!engine.available) return;
    deepl = await replayServer((r) =>
      engineDown
        ? { status: 503, body: { message: 'Service unavailable' } }
        : {
            body: { translations: (r.json as { text: string[] }).text.map((t) => ({ detected_source_language: 'EN', text: `ES: ${t}` })) },
          },
    );
    h = await startHarness(engine, { providerAllowedHosts: [new URL(deepl.url).host] });
    ws = await makeWorkspace(h);
    await call(h, ws.token, 'PATCH', '/api/v1/settings/translation', {
      provider: { kind: 'deepl', apiKey: 'k:fx', baseUrl: deepl.url },
      discloseMachineTranslation: true,
    });
    const agents = {
      berlin: [
        { tag: 'en', proficiency: 'native' },
        { tag: 'es', proficiency: 'basic' },
      ],
      madrid: [{ tag: 'es', proficiency: 'native' }],
    };
    Object.assign(cookies, await agentSessions(h, ws, agents));
    const conv = await call(h, ws.token, 'POST', '/api/v1/conversations', {
      customer: { email: 'lucia@example.es', locale: 'es-ES' },
      channel: 'email',
      language: 'es',
      message: { text: 'Hola, quiero un reembolso.', language: 'es' },
    });
    conversationId = conv.json().id;
  });
  afterAll(async () => {
    await h?.close();
    await deepl?.close();
  });

  it.skipIf(!engine.available)('a fluent agent corrects a held critical reply; it stays held until approved', async () => {
    const m = (await send('We will refund you this week.')).json();
    expect(m.review.status).toBe('awaiting_review');
    const url = `/api/v1/messages/${m.id}/translation`;
    const fixed = 'Le reembolsaremos esta semana.';

    expect((await call(h, ws.token, 'PUT', url, { text: fixed })).json().error.code).toBe('forbidden');
    expect((await as('berlin', 'PUT', url, { text: fixed })).json().error.code).toBe('not_fluent');
    const res = await as('madrid', 'PUT', url, { text: fixed });
    expect(res.statusCode).toBe(200);
    expect(res.json().translations[0]).toMatchObject({
      language: 'es',
      text: fixed,
      provider: 'human',
      flags: ['human_edited'],
      delivered: true,
      backText: null,
      notice: 'Traducción automática · idioma original: inglés',
    });
    expect(res.json().review.status).toBe('awaiting_review');
    expect(await events(m.id)).toEqual(['message.created', 'message.review_requested', 'message.translation_edited']);

    expect((await as('madrid', 'POST', `/api/v1/messages/${m.id}/approve`)).json().review.status).toBe('approved');
    const late = await as('madrid', 'PUT', url, { text: 'Otra cosa.' });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'conflict']);
  });

  it.skipIf(!engine.available)('writes the translation the engine never delivered, so the reply can go out', async () => {
    engineDown = true;
    const m = (await send('Your parcel left our warehouse today.')).json();
    engineDown = false;
    expect(m.review.reasons).toEqual([{ category: 'translation_failed', flags: ['provider_unavailable'] }]);
    const nothing = await as('madrid', 'POST', `/api/v1/messages/${m.id}/approve`);
    expect(nothing.statusCode).toBe(409);

    const res = await as('madrid', 'PUT', `/api/v1/messages/${m.id}/translation`, { text: 'Su paquete salió hoy de nuestro almacén.' });
    expect(res.json().translations[0]).toMatchObject({
      status: 'translated',
      provider: 'human',
      flags: ['human_translated'],
      notice: null,
    });
    // The background retry no longer has anything to do: the person's wording stays.
    expect(res.json().review.reasons).toEqual([]);
    expect(awaitsRetry(res.json().review.reasons)).toBe(false);
    expect((await as('madrid', 'POST', `/api/v1/messages/${m.id}/approve`)).json().review.status).toBe('approved');
  });

  it.skipIf(!engine.available)('refuses replies that are not held, and ids of other workspaces', async () => {
    const plain = (await send('See you soon.')).json();
    expect(plain.review).toBeNull();
    expect((await as('madrid', 'PUT', `/api/v1/messages/${plain.id}/translation`, { text: 'Hasta pronto.' })).statusCode).toBe(409);
    const other = await makeWorkspace(h);
    const res = await call(h, other.token, 'PUT', `/api/v1/messages/${plain.id}/translation`, { text: 'x' });
    expect(res.statusCode).toBe(404);
  });
});
