import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { assertPublicUrl, isAllowedHost, isPublicAddress, publicFetch, type Resolver } from './safe-fetch.js';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.5',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254', // cloud metadata
    '100.64.0.1', // CGNAT
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    '::ffff:127.0.0.1', // IPv4-mapped loopback
    '::ffff:10.0.0.1',
    '2002:7f00:1::', // 6to4 wrapping 127.0.0.1
    'not-an-ip',
  ])('refuses %s', (ip) => expect(isPublicAddress(ip)).toBe(false));

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '192.169.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])('accepts %s', (ip) =>
    expect(isPublicAddress(ip)).toBe(true),
  );
});

describe('assertPublicUrl', () => {
  const code = (f: () => unknown): string | undefined => {
    try {
      f();
      return undefined;
    } catch (e) {
      return e instanceof AppError ? e.code : 'other';
    }
  };

  it('refuses private literals and localhost names, with a stable code', () => {
    for (const u of [
      'http://127.0.0.1:2737',
      'http://localhost:5000',
      'http://api.localhost/',
      'http://[::1]:80/',
      'http://169.254.169.254/latest/meta-data',
      'https://10.1.2.3/translate',
      'http://[::ffff:7f00:1]/',
    ]) {
      expect(
        code(() => assertPublicUrl(u, [], 'body/provider/baseUrl')),
        u,
      ).toBe('private_address');
    }
  });

  it('refuses other schemes and credentials in the URL', () => {
    expect(code(() => assertPublicUrl('file:///etc/passwd', [], 'f'))).toBe('validation_failed');
    expect(code(() => assertPublicUrl('ftp://example.com', [], 'f'))).toBe('validation_failed');
    expect(code(() => assertPublicUrl('https://user:pw@example.com', [], 'f'))).toBe('validation_failed');
    expect(code(() => assertPublicUrl('not a url', [], 'f'))).toBe('validation_failed');
  });

  it('accepts public URLs and hosts the operator allowed', () => {
    expect(code(() => assertPublicUrl('https://api.deepl.com', [], 'f'))).toBeUndefined();
    expect(code(() => assertPublicUrl('https://8.8.8.8/x', [], 'f'))).toBeUndefined();
    expect(code(() => assertPublicUrl('http://127.0.0.1:2737', ['127.0.0.1'], 'f'))).toBeUndefined();
    expect(code(() => assertPublicUrl('http://127.0.0.1:2737', ['127.0.0.1:2737'], 'f'))).toBeUndefined();
    expect(code(() => assertPublicUrl('http://127.0.0.1:2738', ['127.0.0.1:2737'], 'f'))).toBe('private_address');
  });

  it('matches allowed hosts by name, name:port and bracketed IPv6', () => {
    expect(isAllowedHost(new URL('http://MT.internal:8080/'), ['mt.internal'])).toBe(true);
    expect(isAllowedHost(new URL('https://mt.internal/'), ['mt.internal:443'])).toBe(true);
    expect(isAllowedHost(new URL('http://[::1]:5000/'), ['[::1]:5000'])).toBe(true);
    expect(isAllowedHost(new URL('http://evil.example/'), ['mt.internal'])).toBe(false);
  });
});

describe('publicFetch against a real server on loopback', () => {
  let server: http.Server;
  let port = 0;
  let hits = 0;
  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      hits++;
      res.setHeader('content-type', 'application/json');
      res.end('{"ok":true}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const refusal = async (f: Promise<unknown>): Promise<string> => {
    try {
      await f;
      return 'reached';
    } catch (e) {
      return String((e as Error & { cause?: Error }).cause?.name ?? (e as Error).name);
    }
  };

  it('never connects to a private literal or a name that resolves to one', async () => {
    const before = hits;
    const f = publicFetch([]);
    expect(await refusal(f(`http://127.0.0.1:${port}/`))).toBe('PrivateAddressError');
    expect(await refusal(f(`http://localhost:${port}/`))).toBe('PrivateAddressError');
    expect(await refusal(f(`http://localhost.:${port}/`))).toBe('PrivateAddressError');
    expect(hits).toBe(before);
  });

  it('checks the address DNS answers at connect time (a public-looking name that resolves to loopback)', async () => {
    const before = hits;
    // Stands in for a DNS answer (rebinding, or a name in /etc/hosts): the guard sees what the socket would use.
    const rebinding: Resolver = (_host, _opts, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]);
    expect(await refusal(publicFetch([], rebinding)(`http://translate.example.com:${port}/`))).toBe('PrivateAddressError');
    const mixed: Resolver = (_host, _opts, cb) =>
      cb(null, [
        { address: '8.8.8.8', family: 4 },
        { address: '10.0.0.1', family: 4 },
      ]);
    expect(await refusal(publicFetch([], mixed)(`http://translate.example.com:${port}/`))).toBe('PrivateAddressError');
    expect(hits).toBe(before);
  });

  it('reaches a host the operator allowed', async () => {
    const res = await publicFetch([`127.0.0.1:${port}`])(`http://127.0.0.1:${port}/x`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});
