import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';
import { replayServer, type Received } from './providers/replay.test-support.js';

const KEY = 'dl-test-key-7f3a9c:fx';
const OTHER_KEY = 'dl-rotated-key-51be:fx';

describe.each(ENGINES)('translation settings and glossary on $engine', (engine) => {
  const apy = inject('apyUrl') !== '';
  let h: Harness;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let deepl: Awaited<ReturnType<typeof replayServer>>;
  const lastAuth = (): string | undefined => (deepl.received.at(-1) as Received | undefined)?.headers.authorization;

  beforeAll(async () => {
    if (!engine.available) return;
    // A DeepL stand-in on loopback answers in DeepL's documented format: "<text>" → "[de] <text>".
    deepl = await replayServer((r) => {
      const body = r.json as { text: string[]; target_lang: string };
      return { body: { translations: body.text.map((t) => ({ detected_source_language: 'EN', text: `[${body.target_lang}] ${t}` })) } };
    });
    // The operator allowed the stand-in's host; everything else private stays refused.
    h = await startHarness(engine, { providerAllowedHosts: [new URL(deepl.url).host] });
    ws = await makeWorkspace(h);
    other = await makeWorkspace(h);
  });
  afterAll(async () => {
    await h?.close();
    await deepl?.close();
  });

  const settings = (token = ws.token) => call(h, token, 'GET', '/api/v1/settings/translation');
  const patch = (body: unknown, token = ws.token) => call(h, token, 'PATCH', '/api/v1/settings/translation', body);
  const preview = (text: string, source = 'en', target = 'de', token = ws.token) =>
    call(h, token, 'POST', '/api/v1/translate/preview', { text, source, target });

  it.skipIf(!engine.available)('starts on the server default with the built-in critical keywords', async () => {
    const res = await settings();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      provider: null,
      secretsSet: [],
      secretsReadable: true,
      serverDefault: apy ? 'apertium' : null,
      effectiveProvider: apy ? 'apertium' : null,
      discloseMachineTranslation: false,
      criticalKeywordsCustomized: false,
      updatedAt: null,
    });
    expect(res.json().criticalKeywords.refund.en).toContain('refund');
  });

  it.skipIf(!engine.available)('stores an engine key sealed and never returns it', async () => {
    const res = await patch({ provider: { kind: 'deepl', apiKey: KEY, baseUrl: deepl.url, english: 'EN-GB' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(KEY);
    expect(res.json()).toMatchObject({
      provider: { kind: 'deepl', baseUrl: deepl.url, english: 'EN-GB' },
      secretsSet: ['apiKey'],
      secretsReadable: true,
      effectiveProvider: 'deepl',
    });
    expect(res.json().provider).not.toHaveProperty('apiKey');
    expect((await settings()).body).not.toContain(KEY);
    // Not in the database in the clear either, nor in the event or audit trail.
    const { rows } = await h.db.query<{ dump: string }>(
      `SELECT (SELECT row_to_json(s)::text FROM translation_settings s WHERE workspace_id = $1)
              || (SELECT coalesce(string_agg(payload::text, ''), '') FROM events WHERE workspace_id = $1)
              || (SELECT coalesce(string_agg(action || data::text, ''), '') FROM audit_log WHERE workspace_id = $1) AS dump`,
      [ws.id],
    );
    expect(rows[0]!.dump).not.toContain(KEY);
    expect(rows[0]!.dump).toContain('translation_settings.update');
  });

  it.skipIf(!engine.available)("translates through the workspace's own engine with its key; other workspaces keep theirs", async () => {
    const res = await preview('Your parcel is on its way.');
    expect(res.json().translation).toMatchObject({ status: 'translated', provider: 'deepl', text: '[DE] Your parcel is on its way.' });
    expect(lastAuth()).toBe(`DeepL-Auth-Key ${KEY}`);
    const seen = deepl.received.length;
    const theirs = await preview('Your parcel is on its way.', 'en', 'es', other.token);
    expect(theirs.json().translation.provider).toBe(apy ? 'apertium' : null);
    expect(deepl.received.length).toBe(seen);
  });

  it.skipIf(!engine.available)('keeps the stored key when the same engine is saved without it, and takes a new one', async () => {
    const kept = await patch({ provider: { kind: 'deepl', baseUrl: deepl.url } });
    expect(kept.statusCode).toBe(200);
    expect(kept.json().secretsSet).toEqual(['apiKey']);
    await preview('Keep the key.');
    expect(lastAuth()).toBe(`DeepL-Auth-Key ${KEY}`);

    expect((await patch({ provider: { kind: 'deepl', apiKey: OTHER_KEY, baseUrl: deepl.url } })).statusCode).toBe(200);
    await preview('Rotate the key.');
    expect(lastAuth()).toBe(`DeepL-Auth-Key ${OTHER_KEY}`);
  });

  it.skipIf(!engine.available)('refuses an engine without its key, and a key is not carried over to another engine', async () => {
    const res = await patch({ provider: { kind: 'google', baseUrl: deepl.url } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'body/provider/apiKey' }] });
    expect((await settings()).json().provider.kind).toBe('deepl');
  });

  it.skipIf(!engine.available)('refuses engine URLs on private, loopback and metadata addresses', async () => {
    for (const baseUrl of ['http://127.0.0.1:9', 'http://localhost:2737', 'http://169.254.169.254', 'http://10.0.0.7', 'http://[::1]:80']) {
      const res = await patch({ provider: { kind: 'libretranslate', baseUrl } });
      expect(res.statusCode, baseUrl).toBe(400);
      expect(res.json().error.code, baseUrl).toBe('private_address');
    }
    expect((await settings()).json().provider.kind).toBe('deepl');
  });

  it.skipIf(!engine.available)('only admins change settings; leads read them; agents neither', async () => {
    const lead = await ws.tokenFor('lead');
    const agent = await ws.tokenFor('agent');
    expect((await settings(lead)).statusCode).toBe(200);
    expect((await settings(agent)).statusCode).toBe(403);
    expect((await patch({ discloseMachineTranslation: true }, lead)).statusCode).toBe(403);
  });

  it.skipIf(!engine.available)('a sealed key copied into another workspace does not open there', async () => {
    await h.db.query(
      `INSERT INTO translation_settings (workspace_id, provider, provider_secret, updated_at)
       SELECT $2, provider, provider_secret, updated_at FROM translation_settings WHERE workspace_id = $1`,
      [ws.id, other.id],
    );
    // Any save drops this process's cached settings (another process would see the row within seconds).
    expect((await patch({ discloseMachineTranslation: false }, other.token)).statusCode).toBe(200);
    const res = await settings(other.token);
    expect(res.json()).toMatchObject({ secretsReadable: false, secretsSet: [], effectiveProvider: 'deepl' });
    const seen = deepl.received.length;
    const t = await preview('Hello', 'en', 'de', other.token);
    expect(t.json().translation).toMatchObject({ status: 'untranslated', flags: ['provider_unavailable'] });
    expect(deepl.received.length).toBe(seen);
    // Back to the server default.
    expect((await patch({ provider: null }, other.token)).json()).toMatchObject({ provider: null, secretsSet: [] });
  });

  it.skipIf(!engine.available)('custom critical keyword lists replace the defaults until reset', async () => {
    const res = await patch({ criticalKeywords: { warranty: { en: ['warranty claim'], de: ['garantiefall'] } } });
    expect(res.json()).toMatchObject({ criticalKeywordsCustomized: true, criticalKeywords: { warranty: { en: ['warranty claim'] } } });
    expect(res.json().criticalKeywords).not.toHaveProperty('refund');
    const empty = await patch({ criticalKeywords: { warranty: { en: [] } } });
    expect(empty.statusCode).toBe(400);
    const reset = await patch({ criticalKeywords: null });
    expect(reset.json().criticalKeywordsCustomized).toBe(false);
    expect(reset.json().criticalKeywords.refund.en).toContain('refund');
  });

  it.skipIf(!engine.available)('glossary terms reach every translation of the workspace: names kept, terms rendered', async () => {
    const name = await call(h, ws.token, 'POST', '/api/v1/glossary', { term: 'Parcel Pro', note: 'product name' });
    expect(name.statusCode).toBe(201);
    const term = await call(h, ws.token, 'POST', '/api/v1/glossary', { term: 'ticket', language: 'en', translations: { de: 'Vorgang' } });
    expect(term.statusCode).toBe(201);
    const dup = await call(h, ws.token, 'POST', '/api/v1/glossary', { term: 'Ticket', language: 'en' });
    expect(dup.statusCode).toBe(409);

    await preview('Parcel Pro ticket');
    // The engine saw placeholders, not the terms.
    const sent = (deepl.received.at(-1)!.json as { text: string[] }).text[0]!;
    expect(sent).not.toMatch(/Parcel Pro|ticket/);
    const res = await preview('Parcel Pro ticket');
    expect(res.json().translation.text).toBe('[DE] Parcel Pro Vorgang');
    // The back-translation reads the term the other way: Vorgang → ticket.
    expect(res.json().backTranslation.text).toMatch(/Parcel Pro ticket$/);

    const list = await call(h, ws.token, 'GET', '/api/v1/glossary');
    expect(list.json().data.map((t: { term: string }) => t.term)).toEqual(['Parcel Pro', 'ticket']);
    expect((await call(h, other.token, 'GET', '/api/v1/glossary')).json().data).toEqual([]);

    const id = term.json().id as string;
    expect((await call(h, other.token, 'PATCH', `/api/v1/glossary/${id}`, { term: 'x' })).statusCode).toBe(404);
    expect((await call(h, other.token, 'DELETE', `/api/v1/glossary/${id}`)).statusCode).toBe(404);
    const changed = await call(h, ws.token, 'PATCH', `/api/v1/glossary/${id}`, { term: 'ticket', translations: { de: 'Anfrage' } });
    expect(changed.json()).toMatchObject({ term: 'ticket', language: 'en', translations: { de: 'Anfrage' } });
    expect((await preview('Parcel Pro ticket')).json().translation.text).toBe('[DE] Parcel Pro Anfrage');
    expect((await call(h, ws.token, 'DELETE', `/api/v1/glossary/${id}`)).statusCode).toBe(204);
    expect((await preview('Parcel Pro ticket')).json().translation.text).toBe('[DE] Parcel Pro ticket');
  });
});
