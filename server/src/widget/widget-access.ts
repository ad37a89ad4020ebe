import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.js';
import type { WidgetDirectory } from './directory.js';
import type { WidgetLimits } from './limits.js';
import type { WidgetSettingsRow } from './widget.repo.js';

/**
 * Whether a page may run this workspace's widget. The key is public, so this stops other sites from
 * embedding it in browsers, not scripts (they can send any Origin); no Origin (a server) passes.
 */
export function originAllowed(settings: Pick<WidgetSettingsRow, 'allowedOrigins'>, origin: string | undefined): boolean {
  if (settings.allowedOrigins.length === 0 || origin === undefined) return true;
  return settings.allowedOrigins.includes(origin.toLowerCase());
}

/** The enabled widget a public request names, or 404 (unknown and disabled look the same). */
export async function widgetFor(directory: WidgetDirectory, key: string, req: FastifyRequest): Promise<WidgetSettingsRow> {
  const settings = await directory.byKey(key);
  if (!settings?.enabled) throw new AppError('not_found', 'unknown widget key');
  if (!originAllowed(settings, req.headers.origin)) throw new AppError('forbidden', 'this page may not run the widget');
  return settings;
}

/** Per-IP budget for the public widget endpoints; 429 with Retry-After when spent. */
export function takeIpBudget(limits: WidgetLimits, req: FastifyRequest, reply: FastifyReply, now: number): void {
  if (limits.ipRequests.take(req.ip, now)) return;
  void reply.header('retry-after', String(Math.max(1, Math.ceil(limits.ipRequests.retryAfterMs(req.ip, now) / 1000))));
  throw new AppError('rate_limited', 'too many requests from this address: try again shortly');
}

/**
 * The widget runs on the customer's site, another origin: its calls are cross-origin. They carry no
 * cookies (the visitor token travels in the body), so allowing any origin without credentials gives a
 * foreign page nothing it could not do with curl; the agent API keeps refusing every preflight.
 */
export function allowCors(req: FastifyRequest, reply: FastifyReply): void {
  const origin = req.headers.origin;
  if (!origin) return;
  void reply.header('access-control-allow-origin', origin);
  void reply.header('vary', 'Origin');
}
