import { afterEach, describe, expect, it } from 'vitest';
import { AzureProvider, toAzure } from './azure.js';
import { replayServer } from './replay.test-support.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('Azure Translator v3 provider against a replay of POST /translate', () => {
  it('sends api-version/to/from, the subscription headers and [{Text}]', async () => {
    const srv = await replayServer(() => ({ body: [{ translations: [{ text: 'Hallo XMRD1X', to: 'de' }] }] }));
    close = srv.close;
    const p = new AzureProvider({ apiKey: 'test-key-not-real', region: 'westeurope', baseUrl: srv.url });
    const out = await p.translate({ text: 'Hello XMRD1X', source: 'en', target: 'de', format: 'text' });
    expect(out).toEqual({ text: 'Hallo XMRD1X', detectedSource: 'en' });
    const [r] = srv.received;
    expect(r!.method).toBe('POST');
    expect(r!.path).toBe('/translate');
    expect(Object.fromEntries(r!.query)).toEqual({ 'api-version': '3.0', to: 'de', from: 'en' });
    expect(r!.headers['ocp-apim-subscription-key']).toBe('test-key-not-real');
    expect(r!.headers['ocp-apim-subscription-region']).toBe('westeurope');
    expect(r!.json).toEqual([{ Text: 'Hello XMRD1X' }]);
  });

  it('detects when the source is auto and asks for textType=html', async () => {
    const srv = await replayServer(() => ({
      body: [{ detectedLanguage: { language: 'de', score: 1.0 }, translations: [{ text: '<p>Hello</p>', to: 'en' }] }],
    }));
    close = srv.close;
    const out = await new AzureProvider({ apiKey: 'k', baseUrl: srv.url }).translate({
      text: '<p>Hallo</p>',
      source: 'auto',
      target: 'en',
      format: 'html',
    });
    expect(out).toEqual({ text: '<p>Hello</p>', detectedSource: 'de' });
    const [r] = srv.received;
    expect(Object.fromEntries(r!.query)).toEqual({ 'api-version': '3.0', to: 'en', textType: 'html' });
    expect(r!.headers['ocp-apim-subscription-region']).toBeUndefined();
  });

  it('maps codes and an invalid target language 400', async () => {
    expect(toAzure('zh')).toBe('zh-Hans');
    expect(toAzure('zh-TW')).toBe('zh-Hant');
    expect(toAzure('pt-PT')).toBe('pt-pt');
    expect(toAzure('pt-BR')).toBe('pt');
    const srv = await replayServer(() => ({
      status: 400,
      body: { error: { code: 400036, message: 'The target language is not valid.' } },
    }));
    close = srv.close;
    await expect(
      new AzureProvider({ apiKey: 'k', baseUrl: srv.url }).translate({ text: 'x', source: 'en', target: 'xx', format: 'text' }),
    ).rejects.toMatchObject({ kind: 'unsupported_pair' });
  });
});
