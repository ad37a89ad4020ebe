import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';
import { cultureCatalog } from './culture.js';

describe.each(ENGINES)('culture API on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let other: TestWorkspace;

  const createCustomer = async (t: TestWorkspace, body: Record<string, unknown>): Promise<string> => {
    const res = await call(h, t.token, 'POST', '/api/v1/customers', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  };

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h, 'agent');
    other = await makeWorkspace(h);
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)('lists at least 40 culture profiles, optionally by language', async () => {
    const res = await call(h, ws.token, 'GET', '/api/v1/cultures');
    expect(res.statusCode).toBe(200);
    const data: { locale: string; languageDefault: boolean }[] = res.json().data;
    expect(data.length).toBeGreaterThanOrEqual(40);
    expect(data.find((c) => c.locale === 'pt-BR')).toEqual({
      locale: 'pt-BR',
      language: 'pt',
      region: 'BR',
      name: 'Portuguese (Brazil)',
      languageDefault: true,
    });
    const de = await call(h, ws.token, 'GET', '/api/v1/cultures?language=de');
    expect(de.json().data.map((c: { locale: string }) => c.locale)).toEqual(['de-AT', 'de-CH', 'de-DE']);
  });

  it.skipIf(!engine.available)('returns the whole profile with requested and matched locale', async () => {
    const res = await call(h, ws.token, 'GET', '/api/v1/cultures/de-AT');
    expect(res.statusCode).toBe(200);
    // Serialisation keeps every field of the stored profile.
    expect(res.json()).toEqual({
      requestedLocale: 'de-AT',
      matchedLocale: 'de-AT',
      matchedBy: 'exact',
      profile: JSON.parse(JSON.stringify(cultureCatalog().byLocale.get('de-AT'))),
    });
    const ar = (await call(h, ws.token, 'GET', '/api/v1/cultures/ar-EG')).json();
    expect(ar.profile.weekend.days).toEqual([5, 6]);
    expect(ar.profile.formats.number.decimal).toBe('\u066b');
  });

  it.skipIf(!engine.available)('falls back to a language+region alias or the language default', async () => {
    const cases: [string, string, string][] = [
      ['pt', 'pt-BR', 'language'],
      ['de-LU', 'de-DE', 'language'],
      ['zh-HK', 'zh-TW', 'alias'],
      ['es-419', 'es-MX', 'alias'],
      ['iw-IL', 'he-IL', 'exact'],
      ['en-us', 'en-US', 'exact'],
    ];
    for (const [requested, matched, by] of cases) {
      const res = await call(h, ws.token, 'GET', `/api/v1/cultures/${requested}`);
      expect(res.statusCode, requested).toBe(200);
      expect(res.json(), requested).toMatchObject({ requestedLocale: requested, matchedLocale: matched, matchedBy: by });
    }
  });

  it.skipIf(!engine.available)('answers 404 for a language without a profile and 400 for a malformed tag', async () => {
    const unknown = await call(h, ws.token, 'GET', '/api/v1/cultures/sw-KE');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
    for (const bad of ['de_DE', 'en-US-US', 'x', 'de-DE-']) {
      const res = await call(h, ws.token, 'GET', `/api/v1/cultures/${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code, bad).toBe('validation_failed');
      expect(res.json().error.details[0].path, bad).toBe('params/locale');
    }
    expect((await call(h, null, 'GET', '/api/v1/cultures/de-DE')).statusCode).toBe(401);
  });

  it.skipIf(!engine.available)("builds a customer's card, with their stated formality over the culture's default", async () => {
    const id = await createCustomer(ws, { name: 'Lena Gruber', locale: 'de-AT', country: 'AT', formality: 'informal' });
    const res = await call(h, ws.token, 'GET', `/api/v1/customers/${id}/culture`);
    expect(res.statusCode).toBe(200);
    const card = res.json();
    expect(card).toMatchObject({
      customerId: id,
      requestedLocale: 'de-AT',
      country: 'AT',
      matchedLocale: 'de-AT',
      matchedBy: 'exact',
      localeSource: 'customer',
      formality: 'informal',
      formalitySource: 'customer',
      addressForm: 'du',
    });
    expect(card.greetings).toEqual(card.profile.greetings.informal);
    expect(card.profile.formality.default).toBe('formal');

    // Clearing the stated preference falls back to the culture's default.
    const patched = await call(h, ws.token, 'PATCH', `/api/v1/customers/${id}`, { formality: null });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await call(h, ws.token, 'GET', `/api/v1/customers/${id}/culture`)).json()).toMatchObject({
      formality: 'formal',
      formalitySource: 'culture',
      addressForm: 'Sie',
    });
  });

  it.skipIf(!engine.available)('infers the culture from the country, and copes with customers who state nothing', async () => {
    const jp = await createCustomer(ws, { name: '山田 太郎', country: 'JP' });
    expect((await call(h, ws.token, 'GET', `/api/v1/customers/${jp}/culture`)).json()).toMatchObject({
      requestedLocale: null,
      matchedLocale: 'ja-JP',
      matchedBy: 'country',
      localeSource: 'culture',
      formality: 'formal',
      formalitySource: 'culture',
    });
    const bare = await createCustomer(ws, { name: 'Nobody Inparticular', formality: 'formal' });
    expect((await call(h, ws.token, 'GET', `/api/v1/customers/${bare}/culture`)).json()).toEqual({
      customerId: bare,
      requestedLocale: null,
      country: null,
      matchedLocale: null,
      matchedBy: null,
      localeSource: null,
      formality: 'formal',
      formalitySource: 'customer',
      addressForm: null,
      greetings: [],
      closings: [],
      profile: null,
    });
  });

  it.skipIf(!engine.available)("answers 404 for another workspace's customer and for unknown ids", async () => {
    const theirs = await createCustomer(other, { name: 'Other Workspace', locale: 'fr-FR' });
    const res = await call(h, ws.token, 'GET', `/api/v1/customers/${theirs}/culture`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect((await call(h, other.token, 'GET', `/api/v1/customers/${theirs}/culture`)).statusCode).toBe(200);
    const missing = await call(h, ws.token, 'GET', '/api/v1/customers/00000000-0000-4000-8000-000000000000/culture');
    expect(missing.statusCode).toBe(404);
    expect((await call(h, ws.token, 'GET', '/api/v1/customers/not-a-uuid/culture')).statusCode).toBe(400);
  });
});
