import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { htmlPage } from '../http/html-page.js';
import { ErrorResponse } from '../http/schemas.js';
import { AppError } from '../lib/errors.js';
import { loadWidget } from './bundle.js';

export interface BundleRouteOptions {
  /** The widget key the demo page embeds when the URL names none (the demo workspace's); none → 404. */
  defaultKey?: () => Promise<string | null> | string | null;
  /** Package root holding widget/src and dist/ (tests); default: this installation's. */
  root?: string;
}

/** Widget keys are `wk_` and URL-safe characters; anything else never reaches the page. */
export const WIDGET_KEY_PATTERN = '^wk_[A-Za-z0-9_-]{8,100}$';

const tags = ['widget'];
const DemoQuery = Type.Object(
  {
    key: Type.Optional(Type.String({ pattern: WIDGET_KEY_PATTERN, description: 'the workspace widget key to embed' })),
    locale: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$', description: 'sets data-locale' })),
  },
  { additionalProperties: false },
);

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The embed snippet's script: a queue stub (`MeridianWidget(...)` calls made before the bundle arrives
 * wait in `.q`), then widget.js inserted only after the page's load event. An `async` script tag in
 * the page would still hold that event back until the download ends; one inserted after it cannot.
 * Key and locale are checked against their patterns before they get here.
 */
export function embedScript(src: string, key: string, locale?: string): string {
  const q = (v: string) => JSON.stringify(v).replace(/</g, '\\u003c');
  return (
    '(function(w,d){w.MeridianWidget=w.MeridianWidget||function(){(w.MeridianWidget.q=w.MeridianWidget.q||[]).push(arguments)};' +
    `function l(){var s=d.createElement('script');s.async=true;s.src=${q(src)};s.dataset.key=${q(key)};` +
    (locale ? `s.dataset.locale=${q(locale)};` : '') +
    "d.body.appendChild(s)}d.readyState==='complete'?l():w.addEventListener('load',l)})(window,document);"
  );
}

/** Whether Accept-Encoding allows gzip (`gzip;q=0` refuses it). */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

const matchesEtag = (header: string | undefined, etag: string) =>
  (header ?? '').split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*');

/** GET /widget.js (the browser bundle) and GET /widget/demo (a host page embedding it). */
export function widgetBundleRoutes(app: FastifyInstance, opts: BundleRouteOptions = {}): void {
  // Built or read once per process; a failed build is retried on the next request.
  let bundle: Promise<{ js: Buffer; gz: Buffer; etag: string }> | null = null;
  const getBundle = () =>
    (bundle ??= loadWidget(opts.root).then(
      (text) => {
        const js = Buffer.from(text);
        return { js, gz: gzipSync(js, { level: 9 }), etag: `"${createHash('sha256').update(js).digest('base64url').slice(0, 27)}"` };
      },
      (err: unknown) => {
        bundle = null;
        throw err;
      },
    ));

  app.get(
    '/widget.js',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The embeddable chat widget (JavaScript)',
        description:
          'Load with `<script async src="https://HOST/widget.js" data-key="wk_…"></script>`. Gzip-encoded when accepted; ' +
          'revalidate with the ETag (If-None-Match → 304).',
        security: [],
        response: { 200: Type.String({ description: 'application/javascript' }), 304: Type.Null({ description: 'not modified' }) },
      },
    },
    async (req, reply) => {
      const b = await getBundle();
      void reply
        .header('content-type', 'application/javascript; charset=utf-8')
        // The URL carries no version, so caches keep it briefly and then revalidate by ETag.
        .header('cache-control', 'public, max-age=300, stale-while-revalidate=3600')
        .header('etag', b.etag)
        .header('vary', 'accept-encoding')
        .header('x-content-type-options', 'nosniff')
        // Host pages that isolate themselves (COEP) may still load it.
        .header('cross-origin-resource-policy', 'cross-origin');
      if (matchesEtag(req.headers['if-none-match'], b.etag)) return reply.code(304).send();
      if (acceptsGzip(req.headers['accept-encoding'])) return reply.header('content-encoding', 'gzip').send(b.gz);
      return reply.send(b.js);
    },
  );

  app.get<{ Querystring: { key?: string; locale?: string } }>(
    '/widget/demo',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A test page embedding the chat widget',
        description: "HTML page with the embed snippet for `?key=` (else the demo workspace's key) under a strict CSP.",
        security: [],
        querystring: DemoQuery,
        response: { 200: Type.String({ description: 'text/html' }), 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const key = req.query.key ?? (await opts.defaultKey?.()) ?? null;
      if (!key || !new RegExp(WIDGET_KEY_PATTERN).test(key)) throw new AppError('not_found', 'no widget key: open /widget/demo?key=wk_…');
      return sendDemo(reply, `${req.protocol}://${req.host}`, key, req.query.locale);
    },
  );
}

function sendDemo(reply: FastifyReply, origin: string, key: string, locale: string | undefined): FastifyReply {
  const nonce = randomBytes(16).toString('base64');
  const snippet = `<script>${embedScript(`${origin}/widget.js`, key, locale)}</script>`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Meridian chat widget demo</title>
<link rel="icon" href="data:,">
<style nonce="${nonce}">body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}pre{background:#f3f4f6;padding:1rem;white-space:pre-wrap;overflow-wrap:anywhere}</style>
</head>
<body>
<main>
<h1>Chat widget demo</h1>
<p>This page embeds the Meridian chat widget the way a customer's website would. The chat button is in the bottom corner.</p>
<p>The embed snippet for this workspace:</p>
<pre><code>${escapeHtml(snippet)}</code></pre>
</main>
<script nonce="${nonce}">${embedScript('/widget.js', key, locale)}</script>
</body>
</html>
`;
  return htmlPage(
    reply,
    `default-src 'none'; script-src 'self' 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src 'self' data:; ` +
      "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  ).send(html);
}
