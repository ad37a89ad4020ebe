import { gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../http/error-handler.js';
import { ENGINES } from '../test/engines.js';
import { call, startHarness, type Harness } from '../test/harness.js';
import { acceptsGzip, embedScript, widgetBundleRoutes } from './bundle.routes.js';

// The routes read no database; PGlite is enough.
describe('widget bundle routes', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(ENGINES[0]!);
  });
  afterAll(async () => h?.close());

  it('serve widget.js gzipped when accepted, plain otherwise, with ETag revalidation, caching and nosniff', async () => {
    const gz = await call(h, null, 'GET', '/widget.js', undefined, { 'accept-encoding': 'br, gzip;q=0.8' });
    expect(gz.statusCode).toBe(200);
    expect(gz.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['x-content-type-options']).toBe('nosniff');
    expect(gz.headers['vary']).toContain('accept-encoding');
    expect(gz.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    const etag = String(gz.headers.etag);
    expect(etag).toMatch(/^"[\w-]{27}"$/);

    const plain = await call(h, null, 'GET', '/widget.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(plain.body).toContain('MeridianWidget');
    expect(gz.rawPayload.length).toBeLessThanOrEqual(15 * 1024);
    const refused = await call(h, null, 'GET', '/widget.js', undefined, { 'accept-encoding': 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();

    for (const match of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const again = await call(h, null, 'GET', '/widget.js', undefined, { 'if-none-match': match, 'accept-encoding': 'gzip' });
      expect(again.statusCode, match).toBe(304);
      expect(again.rawPayload.length).toBe(0);
      expect(again.headers.etag).toBe(etag);
    }
    expect((await call(h, null, 'GET', '/widget.js', undefined, { 'if-none-match': '"stale"' })).statusCode).toBe(200);
  });

  it('build the embed script with the values as JSON strings that cannot end the script element', () => {
    const s = embedScript('https://h.example/widget.js', 'wk_abcdefgh12', 'ja');
    expect(s).toMatch(/^\(function\(w,d\)\{w\.MeridianWidget=w\.MeridianWidget\|\|function\(\)/);
    expect(s).toContain('s.src="https://h.example/widget.js";s.dataset.key="wk_abcdefgh12";s.dataset.locale="ja";');
    expect(embedScript('/x</script>.js', 'wk_abcdefgh12')).not.toContain('</script>');
    expect(embedScript('/widget.js', 'wk_abcdefgh12')).not.toContain('locale');
  });

  it('read Accept-Encoding as RFC 9110 says', () => {
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('deflate, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip; q=0.000')).toBe(false);
    expect(acceptsGzip('br, deflate')).toBe(false);
    expect(acceptsGzip('x-gzip2')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it('serve the demo page for a well-formed key under a nonce CSP, refuse a malformed one, and 404 without any', async () => {
    const key = 'wk_demoKey_0123456789';
    const res = await call(h, null, 'GET', `/widget/demo?key=${key}&locale=pt-BR`, undefined, { host: 'chat.example.org' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(res.headers['content-security-policy']);
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    // The page embeds the snippet's script under the nonce: the stub, then widget.js after the load event.
    const script = new RegExp(`<script nonce="${nonce.replace(/[+/=]/g, '\\$&')}">(.*)</script>`).exec(res.body)![1]!;
    expect(script).toBe(embedScript('/widget.js', key, 'pt-BR'));
    expect(script).toContain("w.addEventListener('load',l)");
    expect(script).toContain(`s.dataset.key="${key}";s.dataset.locale="pt-BR"`);
    // The snippet to copy names this server's address, escaped as text.
    expect(res.body).toContain(`s.src=&#34;http://chat.example.org/widget.js&#34;;s.dataset.key=&#34;${key}&#34;`);

    for (const bad of ['wk_short', 'wk_%22%3E%3Cscript%3E', 'mrd_0123456789abc', `wk_${'a'.repeat(101)}`]) {
      const r = await call(h, null, 'GET', `/widget/demo?key=${bad}`);
      expect(r.statusCode, bad).toBe(400);
      expect(r.json().error.code).toBe('validation_failed');
    }
    expect((await call(h, null, 'GET', `/widget/demo?key=${key}&locale=x!`)).statusCode).toBe(400);
    const none = await call(h, null, 'GET', '/widget/demo');
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('not_found');
  });

  it("embed the injected default key (the demo workspace's) when the URL names none", async () => {
    const app = Fastify();
    app.setErrorHandler(errorHandler);
    widgetBundleRoutes(app, { defaultKey: async () => 'wk_theDemoWorkspace01' });
    const res = await app.inject({ method: 'GET', url: '/widget/demo' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('s.dataset.key="wk_theDemoWorkspace01"');
    await app.close();
  });
});
