import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { packageRoot } from '../widget/bundle.js';
import { consoleDist, consoleIndex } from './console-build.js';

/**
 * The agent console (console/, built by Vite into console/dist) at `/`: hashed assets under /assets/
 * cached for a year, index.html revalidated on every load, and any other page URL (/inbox,
 * /conversations/…) answered with index.html so the client router takes it from there. These are
 * not API routes: hidden from OpenAPI, and API paths keep their JSON 404s.
 */

/**
 * What the console's page may do: its own scripts, styles, API and stream only; no inline script or
 * eval; frames only from this origin (the sanitised e-mail view will be one); never framed itself.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Paths that are never the console's page, whatever the Accept header says. */
const NOT_PAGES = /^\/(api|assets|widget)(\/|$|\.)/;

export interface ConsoleRouteOptions {
  /** Package root holding console/dist (tests); default: this installation's. */
  root?: string;
}

export interface ConsolePages {
  /** A GET/HEAD for a page URL from a browser (Accept: text/html) outside the API: the not-found handler serves the console for it. */
  wantsPage(req: FastifyRequest): boolean;
  sendPage(reply: FastifyReply): FastifyReply;
}

const NOT_BUILT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Meridian: console not built</title></head>
<body>
<main>
<h1>The agent console has not been built</h1>
<p>Run <code>npm run build</code> in the Meridian folder (or start with <code>npm start</code>, which builds it), then reload this page.</p>
<p>The API is available meanwhile under <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</main>
</body>
</html>
`;

export async function consoleRoutes(app: FastifyInstance, opts: ConsoleRouteOptions = {}): Promise<ConsolePages> {
  const root = opts.root ?? packageRoot();
  const dist = consoleDist(root);
  const indexFile = consoleIndex(root);

  // Re-read when a rebuild replaces it, so a running server picks up `npm run build`.
  let cached: { mtimeMs: number; html: Buffer } | null = null;
  const index = (): Buffer | null => {
    if (!existsSync(indexFile)) return null;
    const { mtimeMs } = statSync(indexFile);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(indexFile) };
    return cached.html;
  };

  const sendPage = (reply: FastifyReply): FastifyReply => {
    const html = index();
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .header('content-security-policy', CONSOLE_CSP);
    // 503: the server is fine, the page is just not there yet; nothing may cache that.
    if (!html) return reply.code(503).header('cache-control', 'no-store').send(NOT_BUILT);
    return reply.header('cache-control', 'no-cache').send(html);
  };

  // Vite names every asset by its content hash: a changed file is a new URL, so caches may keep these for good.
  await app.register(fastifyStatic, {
    root: path.join(dist, 'assets'),
    prefix: '/assets/',
    index: false,
    dotfiles: 'deny',
    immutable: true,
    maxAge: '365d',
    // The build writes .br/.gz beside each asset (console/precompress.ts): sent to browsers that accept them.
    preCompressed: true,
    decorateReply: false,
    // The build may appear after start (`npm run build` while the server runs).
    suppressWarning: true,
    setHeaders: (reply) => void reply.header('x-content-type-options', 'nosniff'),
  });

  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => sendPage(reply));

  return {
    wantsPage: (req) =>
      (req.method === 'GET' || req.method === 'HEAD') &&
      !NOT_PAGES.test(req.url) &&
      (req.headers.accept ?? '').split(',').some((t) => t.trim().startsWith('text/html')),
    sendPage,
  };
}
