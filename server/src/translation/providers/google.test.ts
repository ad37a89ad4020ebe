import { afterEach, describe, expect, it } from 'vitest';
import { GoogleProvider, toGoogle } from './google.js';
import { replayServer } from './replay.test-support.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('Google Translation v2 provider against a replay of POST /language/translate/v2', () => {
  it('sends the key as a query parameter and q/source/target/format as JSON', async () => {
    const srv = await replayServer(() => ({ body: { data: { translations: [{ translatedText: 'Hallo Welt' }] } } }));
    close = srv.close;
    const p = new GoogleProvider({ apiKey: 'test-key-not-real', baseUrl: srv.url });
    const out = await p.translate({ text: 'Hello world', source: 'en', target: 'de', format: 'text' });
    expect(out).toEqual({ text: 'Hallo Welt', detectedSource: 'en' });
    const [r] = srv.received;
    expect(r!.method).toBe('POST');
    expect(r!.path).toBe('/language/translate/v2');
    expect(r!.query.get('key')).toBe('test-key-not-real');
    expect(r!.headers.authorization).toBeUndefined();
    expect(r!.json).toEqual({ q: 'Hello world', source: 'en', target: 'de', format: 'text' });
  });

  it('omits source for detection and reads detectedSourceLanguage', async () => {
    const srv = await replayServer(() => ({
      body: { data: { translations: [{ translatedText: '<b>你好</b>', detectedSourceLanguage: 'en' }] } },
    }));
    close = srv.close;
    const out = await new GoogleProvider({ apiKey: 'k', baseUrl: srv.url }).translate({
      text: '<b>Hello</b>',
      source: 'auto',
      target: 'zh-TW',
      format: 'html',
    });
    expect(out).toEqual({ text: '<b>你好</b>', detectedSource: 'en' });
    expect(srv.received[0]!.json).toEqual({ q: '<b>Hello</b>', target: 'zh-TW', format: 'html' });
  });

  it('maps codes, and a 400 "API key not valid" to unavailable (key refused)', async () => {
    expect(toGoogle('zh')).toBe('zh-CN');
    expect(toGoogle('zh-Hant-HK')).toBe('zh-TW');
    expect(toGoogle('pt-BR')).toBe('pt');
    const srv = await replayServer(() => ({
      status: 400,
      body: { error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT' } },
    }));
    close = srv.close;
    await expect(
      new GoogleProvider({ apiKey: 'bad', baseUrl: srv.url }).translate({ text: 'x', source: 'en', target: 'de', format: 'text' }),
    ).rejects.toMatchObject({ kind: 'unavailable', message: expect.stringContaining('refused the API key') });
  });
});
