import { afterEach, describe, expect, it } from 'vitest';
import { DeepLProvider, toDeepLTarget } from './deepl.js';
import { replayServer } from './replay.test-support.js';

const KEY = 'test-key-not-real:fx';
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('DeepL provider against a replay of POST /v2/translate', () => {
  it('sends the documented JSON request and reads translations[0]', async () => {
    const srv = await replayServer(() => ({
      body: { translations: [{ detected_source_language: 'EN', text: 'Ihre Bestellung XMRD0X ist unterwegs.' }] },
    }));
    close = srv.close;
    const p = new DeepLProvider({ apiKey: KEY, baseUrl: srv.url, glossaries: { 'en>de': 'gl-123' } });
    const out = await p.translate({
      text: 'Your order XMRD0X is on its way.',
      source: 'en',
      target: 'de',
      format: 'text',
      formality: 'formal',
    });
    expect(out).toEqual({ text: 'Ihre Bestellung XMRD0X ist unterwegs.', detectedSource: 'en' });
    const [r] = srv.received;
    expect(r!.method).toBe('POST');
    expect(r!.path).toBe('/v2/translate');
    expect(r!.headers.authorization).toBe(`DeepL-Auth-Key ${KEY}`);
    expect(r!.headers['content-type']).toBe('application/json');
    expect(r!.json).toEqual({
      text: ['Your order XMRD0X is on its way.'],
      source_lang: 'EN',
      target_lang: 'DE',
      formality: 'prefer_more',
      glossary_id: 'gl-123',
    });
  });

  it('asks for HTML tag handling, informal register and detection when the source is auto', async () => {
    const srv = await replayServer(() => ({ body: { translations: [{ detected_source_language: 'DE', text: '<p>Hi!</p>' }] } }));
    close = srv.close;
    const p = new DeepLProvider({ apiKey: KEY, baseUrl: srv.url });
    const out = await p.translate({ text: '<p>Hallo!</p>', source: 'auto', target: 'en', format: 'html', formality: 'informal' });
    expect(out.detectedSource).toBe('de');
    expect(srv.received[0]!.json).toEqual({
      text: ['<p>Hallo!</p>'],
      target_lang: 'EN-US',
      formality: 'prefer_less',
      tag_handling: 'html',
    });
  });

  it('maps BCP-47 targets to DeepL codes', () => {
    expect(toDeepLTarget('en')).toBe('EN-US');
    expect(toDeepLTarget('en-GB')).toBe('EN-GB');
    expect(toDeepLTarget('en', { english: 'EN-GB' })).toBe('EN-GB');
    expect(toDeepLTarget('pt')).toBe('PT-BR');
    expect(toDeepLTarget('pt-PT')).toBe('PT-PT');
    expect(toDeepLTarget('zh-TW')).toBe('ZH-HANT');
    expect(toDeepLTarget('zh')).toBe('ZH-HANS');
    expect(toDeepLTarget('de-AT')).toBe('DE');
  });

  it('uses the free endpoint for :fx keys and the pro one otherwise', async () => {
    const seen: string[] = [];
    const fake = (async (url: string | URL) => {
      seen.push(String(url));
      return new Response(JSON.stringify({ translations: [{ detected_source_language: 'EN', text: 'x' }] }));
    }) as typeof fetch;
    await new DeepLProvider({ apiKey: 'a:fx', fetch: fake }).translate({ text: 'x', source: 'en', target: 'de', format: 'text' });
    await new DeepLProvider({ apiKey: 'a', fetch: fake }).translate({ text: 'x', source: 'en', target: 'de', format: 'text' });
    expect(seen).toEqual(['https://api-free.deepl.com/v2/translate', 'https://api.deepl.com/v2/translate']);
  });

  it('maps 456 (quota) to unavailable and a language 400 to unsupported_pair', async () => {
    let status = 456;
    const srv = await replayServer(() => ({
      status,
      body: { message: status === 400 ? "Value for 'target_lang' not supported." : 'Quota exceeded' },
    }));
    close = srv.close;
    const p = new DeepLProvider({ apiKey: KEY, baseUrl: srv.url });
    const req = { text: 'x', source: 'en', target: 'xx', format: 'text' } as const;
    await expect(p.translate(req)).rejects.toMatchObject({ kind: 'unavailable', message: expect.stringContaining('quota') });
    status = 400;
    await expect(p.translate(req)).rejects.toMatchObject({ kind: 'unsupported_pair' });
  });
});
