import type { FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.js';

/**
 * Cross-site request forgery: a browser attaches the session cookie to a request any site makes, so
 * a request authenticated by the cookie must come from a page of ours. Browsers name the page's origin
 * in `Origin` on every unsafe request and WebSocket handshake (`Referer` is the fallback of older
 * ones); SameSite=Lax alone leaves same-site subdomains and top-level navigations. Bearer tokens are
 * not sent by browsers on their own and need none of this.
 *
 * Our own origin is MERIDIAN_PUBLIC_URL's when configured; otherwise the request's Host under the
 * scheme the browser named (behind a TLS-terminating proxy the server itself sees plain HTTP).
 */
export function isSameOrigin(req: FastifyRequest, publicUrl: string | undefined): boolean {
  const source = parse(req.headers.origin ?? req.headers.referer);
  if (!source) return false;
  if (publicUrl) return parse(publicUrl)?.origin === source.origin;
  const host = req.headers.host;
  return Boolean(host) && parse(`${source.protocol}//${host}`)?.origin === source.origin;
}

function parse(value: string | undefined): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    // "null" (opaque origins), garbage
    return null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a request authenticated by the session cookie needs the same-origin check: it changes something or opens a socket. */
export const needsOriginCheck = (req: FastifyRequest): boolean =>
  !SAFE_METHODS.has(req.method) || req.headers.upgrade?.toLowerCase() === 'websocket';

export function assertSameOrigin(req: FastifyRequest, publicUrl: string | undefined): void {
  if (!isSameOrigin(req, publicUrl)) {
    throw new AppError('csrf_refused', "a request with the session cookie must come from this server's own pages (Origin)");
  }
}
