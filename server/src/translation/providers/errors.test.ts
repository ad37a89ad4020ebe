import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TranslationProvider } from '../provider.js';
import { createProvider, type ProviderSettings } from './index.js';
import { replayServer, type Reply } from './replay.test-support.js';

type Mode = 'ok' | '429' | '401' | '403' | '500' | '503' | 'garbage' | 'missing' | 'slow';
let mode: Mode = 'ok';
const srvP = replayServer((): Reply => {
  switch (mode) {
    case '429':
      return { status: 429, body: { message: 'Too many requests' } };
    case '401':
      return { status: 401, body: { error: { code: 401000, message: 'The request is not authorized' } } };
    case '403':
      return { status: 403, body: { message: 'Authorization failed' } };
    case '500':
      return { status: 500, text: '<html>Internal Server Error</html>' };
    case '503':
      return { status: 503, body: {} };
    case 'garbage':
      return { text: '<html><body>502 Bad Gateway</body></html>' };
    case 'missing':
      return { body: { unexpected: true } };
    case 'slow':
      return { body: {}, delayMs: 1500 };
    default:
      return { body: {} };
  }
});
let url = '';
beforeAll(async () => {
  url = (await srvP).url;
});
afterAll(async () => (await srvP).close());

const cases: [string, (baseUrl: string) => ProviderSettings][] = [
  ['deepl', (baseUrl) => ({ kind: 'deepl', apiKey: 'k', baseUrl, timeoutMs: 300 })],
  ['libretranslate', (baseUrl) => ({ kind: 'libretranslate', baseUrl, timeoutMs: 300 })],
  ['google', (baseUrl) => ({ kind: 'google', apiKey: 'k', baseUrl, timeoutMs: 300 })],
  ['azure', (baseUrl) => ({ kind: 'azure', apiKey: 'k', baseUrl, timeoutMs: 300 })],
  ['openai', (baseUrl) => ({ kind: 'openai', apiKey: 'k', model: 'm', baseUrl, timeoutMs: 300 })],
  ['amazon', (baseUrl) => ({ kind: 'amazon', accessKeyId: 'AKID', secretAccessKey: 's', region: 'eu-west-1', baseUrl, timeoutMs: 300 })],
];

describe.each(cases)('%s maps every failure to a ProviderError kind', (name, settings) => {
  let p: TranslationProvider;
  beforeAll(() => {
    p = createProvider(settings(url));
  });
  const req = { text: 'Hola', source: 'es', target: 'en', format: 'text' } as const;

  it('has the expected name and takes any pair', async () => {
    expect(p.name).toBe(name);
    expect(await p.pairs()).toBeNull();
  });

  it.each([
    ['429', 'unavailable'],
    ['503', 'unavailable'],
    ['500', 'unavailable'],
    ['garbage', 'bad_response'],
    ['missing', 'bad_response'],
    ['slow', 'timeout'],
  ] as const)('%s → %s', async (m, kind) => {
    mode = m;
    await expect(p.translate(req)).rejects.toMatchObject({ name: 'ProviderError', kind });
  });

  it.each(['401', '403'] as const)('%s → unavailable, saying the key was refused', async (m) => {
    mode = m;
    await expect(p.translate(req)).rejects.toMatchObject({ kind: 'unavailable', message: expect.stringContaining('refused the API key') });
  });

  it('a closed port → unavailable', async () => {
    const down = createProvider(settings('http://127.0.0.1:9'));
    await expect(down.translate(req)).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('a caller abort stops the request', async () => {
    mode = 'slow';
    const ac = new AbortController();
    const pending = p.translate(req, ac.signal);
    ac.abort();
    await expect(pending).rejects.toMatchObject({ name: 'ProviderError' });
  });
});

describe('createProvider', () => {
  it('builds Apertium too', () => {
    expect(createProvider({ kind: 'apertium', baseUrl: 'http://127.0.0.1:2737' }).name).toBe('apertium');
  });
});

describe('Apertium keeps its own mapping on the shared helper', () => {
  it.each([
    [
      { status: 400, body: { status: 'error', code: 400, message: 'Bad Request', explanation: 'That pair is not installed' } },
      'unsupported_pair',
    ],
    [{ status: 500, body: { message: 'Internal' } }, 'unavailable'],
    [{ status: 502, text: '<html>Bad Gateway</html>' }, 'bad_response'],
  ] as const)('%j → %s', async (reply, kind) => {
    const srv = await replayServer(() => reply);
    try {
      const p = createProvider({ kind: 'apertium', baseUrl: srv.url });
      await expect(p.translate({ text: 'Hola', source: 'es', target: 'en', format: 'text' })).rejects.toMatchObject({ kind });
      expect(srv.received[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(Object.fromEntries(new URLSearchParams(srv.received[0]!.raw))).toMatchObject({
        langpair: 'spa|eng',
        q: 'Hola',
        format: 'txt',
      });
    } finally {
      await srv.close();
    }
  });
});
