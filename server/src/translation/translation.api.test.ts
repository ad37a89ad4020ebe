import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';

describe.each(ENGINES)('POST /api/v1/translate/preview on $engine', (engine) => {
  const available = engine.available && inject('apyUrl') !== '';
  let h: Harness;
  let ws: TestWorkspace;

  beforeAll(async () => {
    if (!available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h, 'agent');
  });
  afterAll(async () => h?.close());

  it.skipIf(!available)('returns the Spanish a customer will receive and its English back-translation', async () => {
    const res = await call(h, ws.token, 'POST', '/api/v1/translate/preview', {
      text: 'Hello Ana, we have sent a new package to ana@example.com today.',
      source: 'en',
      target: 'es',
      glossary: [{ term: 'package', translation: 'paquete' }],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.translation).toMatchObject({
      status: 'translated',
      source: 'en',
      target: 'es',
      provider: 'apertium',
      protected: { email: 1, term: 1 },
    });
    expect(body.translation.text).toMatch(/Hola/);
    expect(body.translation.text).toContain('paquete');
    expect(body.translation.text).toContain('ana@example.com');
    expect(body.backTranslation).toMatchObject({ status: 'translated', source: 'es', target: 'en' });
    expect(body.backTranslation.text).toContain('package');
    expect(body.backTranslation.text).toContain('ana@example.com');
  });

  it.skipIf(!available)('answers untranslated with a flag, not an error, for a pair the engine lacks', async () => {
    const res = await call(h, ws.token, 'POST', '/api/v1/translate/preview', { text: 'Hello', source: 'en', target: 'ja' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      translation: expect.objectContaining({ status: 'untranslated', text: null, flags: ['unsupported_pair'] }),
      backTranslation: null,
    });
  });
});
