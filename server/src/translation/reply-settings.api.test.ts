import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';
import { replayServer } from './providers/replay.test-support.js';

/** Replies follow the workspace's translation settings: its keyword lists, its disclosure, the customer's register. */
describe.each(ENGINES)('translated replies under workspace settings, on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let deepl: Awaited<ReturnType<typeof replayServer>>;
  let formalCustomer = '';
  let informalCustomer = '';

  const reply = (conversationId: string, text: string) =>
    call(h, ws.token, 'POST', `/api/v1/conversations/${conversationId}/messages`, {
      direction: 'outbound',
      text,
      language: 'en',
      translateTo: 'de',
    });
  const patch = (body: unknown) => call(h, ws.token, 'PATCH', '/api/v1/settings/translation', body);
  const conversation = async (customer: Record<string, unknown>) =>
    (
      await call(h, ws.token, 'POST', '/api/v1/conversations', {
        customer,
        channel: 'email',
        language: 'de',
        message: { text: 'Hallo, wo ist meine Bestellung?', language: 'de' },
      })
    ).json().id as string;

  beforeAll(async () => {
    if (!engine.available) return;
    // DeepL's documented format; it renders "warranty claim" as "Garantiefall" so the German side can be checked too.
    deepl = await replayServer((r) => {
      const body = r.json as { text: string[] };
      return {
        body: {
          translations: body.text.map((t) => ({
            detected_source_language: 'EN',
            text: `DE: ${t.replace('warranty claim', 'Garantiefall')}`,
          })),
        },
      };
    });
    h = await startHarness(engine, { providerAllowedHosts: [new URL(deepl.url).host] });
    ws = await makeWorkspace(h);
    expect((await patch({ provider: { kind: 'deepl', apiKey: 'k:fx', baseUrl: deepl.url } })).statusCode).toBe(200);
    formalCustomer = await conversation({ email: 'herr.weber@example.de', locale: 'de-DE' });
    const lena = await call(h, ws.token, 'POST', '/api/v1/customers', {
      name: 'Lena',
      emails: ['lena@example.de'],
      locale: 'de-DE',
      formality: 'informal',
    });
    expect(lena.statusCode).toBe(201);
    informalCustomer = await conversation({ id: lena.json().id });
  });
  afterAll(async () => {
    await h?.close();
    await deepl?.close();
  });

  it.skipIf(!engine.available)("asks the engine for the customer's register: the culture's default, or what they stated", async () => {
    expect((await reply(formalCustomer, 'Your order has shipped.')).statusCode).toBe(201);
    expect(deepl.received.at(-2)!.json).toMatchObject({ target_lang: 'DE', formality: 'prefer_more' });
    expect((await reply(informalCustomer, 'Your order has shipped today.')).statusCode).toBe(201);
    expect(deepl.received.at(-2)!.json).toMatchObject({ target_lang: 'DE', formality: 'prefer_less' });
  });

  it.skipIf(!engine.available)("holds replies by the workspace's own keyword lists, in either language", async () => {
    expect((await patch({ criticalKeywords: { warranty: { en: ['warranty claim'], de: ['garantiefall'] } } })).statusCode).toBe(200);
    const held = await reply(formalCustomer, 'We accepted your warranty claim.');
    expect(held.json().review).toMatchObject({
      status: 'awaiting_review',
      language: 'de',
      reasons: [
        { category: 'warranty', term: 'warranty claim', language: 'en' },
        { category: 'warranty', term: 'garantiefall', language: 'de' },
      ],
    });
    // The built-in refund list no longer applies: this workspace replaced it.
    expect((await reply(formalCustomer, 'Your refund is on its way.')).json().review).toBeNull();

    expect((await patch({ criticalKeywords: null })).statusCode).toBe(200);
    expect((await reply(formalCustomer, 'Your refund is on its way now.')).json().review).toMatchObject({
      status: 'awaiting_review',
      reasons: [{ category: 'refund' }],
    });
  });

  it.skipIf(!engine.available)(
    'tells the customer, in their language, that a reply was machine-translated when the workspace wants that',
    async () => {
      const quiet = await reply(formalCustomer, 'Thank you for waiting.');
      expect(quiet.json().translations[0]).toMatchObject({ delivered: true, notice: null });

      expect((await patch({ discloseMachineTranslation: true })).statusCode).toBe(200);
      const told = await reply(formalCustomer, 'Thank you for waiting, again.');
      expect(told.json().translations[0]).toMatchObject({
        language: 'de',
        delivered: true,
        text: 'DE: Thank you for waiting, again.',
        notice: 'Maschinelle Übersetzung · Originalsprache: Englisch',
      });
      const listed = await call(h, ws.token, 'GET', `/api/v1/conversations/${formalCustomer}/messages?limit=200`);
      const last = (listed.json().data as { id: string; translations: { notice: string | null }[] }[]).find(
        (m) => m.id === told.json().id,
      )!;
      expect(last.translations[0]!.notice).toBe('Maschinelle Übersetzung · Originalsprache: Englisch');
    },
  );
});
