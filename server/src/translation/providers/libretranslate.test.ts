import { afterEach, describe, expect, it } from 'vitest';
import { LibreTranslateProvider, toLibre } from './libretranslate.js';
import { replayServer } from './replay.test-support.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('LibreTranslate provider against a replay of POST /translate', () => {
  it('sends q/source/target/format/api_key and reads translatedText and detectedLanguage', async () => {
    const srv = await replayServer(() => ({
      body: { detectedLanguage: { confidence: 90.0, language: 'fr' }, translatedText: 'Hello XMRD0X!' },
    }));
    close = srv.close;
    const p = new LibreTranslateProvider({ baseUrl: `${srv.url}/`, apiKey: 'test-key-not-real' });
    const out = await p.translate({ text: 'Bonjour XMRD0X !', source: 'auto', target: 'en', format: 'text' });
    expect(out).toEqual({ text: 'Hello XMRD0X!', detectedSource: 'fr' });
    const [r] = srv.received;
    expect(r!.method).toBe('POST');
    expect(r!.path).toBe('/translate');
    expect(r!.json).toEqual({ q: 'Bonjour XMRD0X !', source: 'auto', target: 'en', format: 'text', api_key: 'test-key-not-real' });
  });

  it('sends html format, no api_key when none is set, and keeps the given source', async () => {
    const srv = await replayServer(() => ({ body: { translatedText: '<p class="green">¡Hola!</p>' } }));
    close = srv.close;
    const p = new LibreTranslateProvider({ baseUrl: srv.url });
    const out = await p.translate({ text: '<p class="green">Hello!</p>', source: 'en', target: 'es', format: 'html' });
    expect(out).toEqual({ text: '<p class="green">¡Hola!</p>', detectedSource: 'en' });
    expect(srv.received[0]!.json).toEqual({ q: '<p class="green">Hello!</p>', source: 'en', target: 'es', format: 'html' });
  });

  it('maps codes and an unsupported language 400', async () => {
    expect(toLibre('pt-BR')).toBe('pt');
    expect(toLibre('zh-Hant')).toBe('zt');
    const srv = await replayServer(() => ({ status: 400, body: { error: 'xx is not supported' } }));
    close = srv.close;
    await expect(
      new LibreTranslateProvider({ baseUrl: srv.url }).translate({ text: 'x', source: 'en', target: 'xx', format: 'text' }),
    ).rejects.toMatchObject({ kind: 'unsupported_pair' });
  });
});
