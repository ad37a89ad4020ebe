import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { call, startHarness, type Harness } from '../test/harness.js';
import { consoleRoutes, CONSOLE_CSP } from './console.routes.js';

const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

// The console does not depend on the engine; PGlite is enough. Global setup built console/dist.
describe('agent console routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(ENGINES[0]!);
  });
  afterAll(async () => h?.close());

  it('serves index.html at / with no-cache and a CSP without inline script', async () => {
    const res = await call(h, null, 'GET', '/', undefined, HTML);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toBe(CONSOLE_CSP);
    expect(CONSOLE_CSP).toContain("script-src 'self';");
    expect(CONSOLE_CSP).not.toContain('unsafe');
    expect(res.body).toContain('<div id="root">');
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('serves hashed assets as immutable for a year', async () => {
    const page = (await call(h, null, 'GET', '/')).body;
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1];
    expect(asset).toBeDefined();
    const res = await call(h, null, 'GET', asset!);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await call(h, null, 'GET', '/assets/missing-0000.js')).statusCode).toBe(404);
  });

  it("sends the build's precompressed assets to browsers that accept brotli or gzip", async () => {
    const page = (await call(h, null, 'GET', '/')).body;
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page)![1]!;
    const plain = await call(h, null, 'GET', asset);
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const encoding of ['br', 'gzip']) {
      const res = await call(h, null, 'GET', asset, undefined, { 'accept-encoding': encoding });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
      expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    }
  });

  it('answers page URLs of browsers with the console, and API paths with JSON 404s', async () => {
    for (const url of ['/inbox', '/conversations/0190f5a0-0000-7000-8000-000000000000', '/settings?tab=teams']) {
      const res = await call(h, null, 'GET', url, undefined, HTML);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-security-policy'], url).toBe(CONSOLE_CSP);
      expect(res.body, url).toContain('<div id="root">');
    }
    for (const url of ['/api/v1/nope', '/api', '/widget/nope', '/assets/nope.js']) {
      const res = await call(h, null, 'GET', url, undefined, HTML);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code, url).toBe('not_found');
    }
    // Not a browser asking for a page: the JSON 404 as before.
    expect((await call(h, null, 'GET', '/inbox')).json().error.code).toBe('not_found');
    expect((await call(h, null, 'POST', '/inbox', {}, HTML)).statusCode).toBe(404);
  });

  it('keeps its routes out of the OpenAPI document', async () => {
    const ours = h.app.routeTable.filter((r) => r.url === '/' || r.url.startsWith('/assets'));
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((r) => r.hidden)).toBe(true);
    const doc = (await call(h, null, 'GET', '/api/openapi.json')).json();
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/api/') && !p.startsWith('/widget'))).toEqual([]);
  });

  it('says to run npm run build when the console is not built (503)', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'meridian-console-'));
    const app = Fastify();
    try {
      const pages = await consoleRoutes(app, { root });
      app.setNotFoundHandler((req, reply) => (pages.wantsPage(req) ? pages.sendPage(reply) : reply.code(404).send()));
      for (const url of ['/', '/inbox']) {
        const res = await app.inject({ method: 'GET', url, headers: HTML });
        expect(res.statusCode, url).toBe(503);
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.body).toContain('npm run build');
      }
    } finally {
      await app.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
