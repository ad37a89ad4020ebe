import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';

describe.each(ENGINES)('POST /api/v1/language/detect on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h, 'agent');
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)('answers one detection per text, in order', async () => {
    const res = await call(h, ws.token, 'POST', '/api/v1/language/detect', {
      texts: ['Bonjour, je voudrais annuler ma commande.', '謝謝，這個問題已經解決了。', '👍', 'Hallo'],
      hints: { locale: 'nl-BE', acceptLanguage: 'nl-BE, fr;q=0.5', previous: ['Goedemiddag, ik heb een vraag.'] },
    });
    expect(res.statusCode).toBe(200);
    const { results } = res.json();
    expect(results).toHaveLength(4);
    expect(results[0]).toMatchObject({ language: 'fr' });
    expect(results[0].confidence).toBeGreaterThan(0.7);
    expect(results[0].alternatives.length).toBeLessThanOrEqual(3);
    expect(results[1].language).toBe('zh-Hant');
    expect(results[2]).toEqual({ language: 'und', confidence: 0, alternatives: [] });
    expect(results[3].language).toBe('nl');
  });

  it.skipIf(!engine.available)('keeps to the candidates', async () => {
    const res = await call(h, ws.token, 'POST', '/api/v1/language/detect', {
      texts: ['Obrigado pela ajuda, resolveu o meu problema.'],
      candidates: ['en', 'pt-BR', 'es'],
    });
    expect(res.statusCode).toBe(200);
    const [r] = res.json().results;
    expect(r.language).toBe('pt-BR');
    for (const a of r.alternatives) expect(['en', 'es']).toContain(a.language);
  });

  it.skipIf(!engine.available)('needs a token', async () => {
    const res = await call(h, null, 'POST', '/api/v1/language/detect', { texts: ['Hello'] });
    expect(res.statusCode).toBe(401);
  });
});
