import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';

/** Detection of inbound messages uses what the channel said and the languages the workspace serves. */
describe.each(ENGINES)('inbound detection hints and workspace languages on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  const open = async (text: string, channelMeta?: Record<string, string>) => {
    const res = await call(h, ws.token, 'POST', '/api/v1/conversations', {
      customer: { email: `c${Math.random().toString(36).slice(2)}@example.org` },
      channel: 'email',
      message: { text, ...(channelMeta ? { channelMeta } : {}) },
    });
    expect(res.statusCode).toBe(201);
    const messages = await call(h, ws.token, 'GET', `/api/v1/conversations/${res.json().id}/messages`);
    return { conversation: res.json(), message: messages.json().data[0] };
  };

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h);
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)("an e-mail's Content-Language tips a word shared by several languages", async () => {
    // "Hallo" alone is Dutch, German or English; the sender's mail client said German.
    expect((await open('Hallo', { contentLanguage: 'de-DE' })).message.language).toBe('de');
    expect((await open('Hallo')).message.language).toBeNull();
  });

  it.skipIf(!engine.available)("detection answers only the workspace's languages once it lists them", async () => {
    const res = await call(h, ws.token, 'PATCH', '/api/v1/settings/translation', { detectionLanguages: ['DE', 'fr', 'pt-br'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().detectionLanguages).toEqual(['de', 'fr', 'pt-BR']);
    expect((await open('Hallo')).message.language).toBe('de');
    // Answers come in the workspace's own spelling of the language.
    expect((await open('Obrigada pela ajuda, até amanhã')).message.language).toBe('pt-BR');
    expect(
      (await call(h, ws.token, 'PATCH', '/api/v1/settings/translation', { detectionLanguages: null })).json().detectionLanguages,
    ).toBeNull();
    expect((await open('Hallo')).message.language).toBeNull();
  });
});
