/**
 * What the three messaging APIs share: one request, its answer read as JSON, and failures sorted
 * into what the sender does next. Base URLs are operator configuration (MERIDIAN_*_API_URL), not
 * typed by a workspace, so plain fetch is used (as for the server's own translation engine).
 */

/**
 * transient: try again after backoff (network, timeouts, 429, 5xx, the provider's rate limits);
 * permanent: the provider will refuse this message however often we ask (bad number, blocked bot);
 * template_required: WhatsApp's customer-service window closed (only a template may go out).
 */
export type SendFailureKind = 'transient' | 'permanent' | 'template_required';

export class ChannelSendError extends Error {
  constructor(
    readonly kind: SendFailureKind,
    message: string,
    /** HTTP status of the answer, when there was one. */
    readonly status?: number,
    /** The provider's own error code (WhatsApp code, Telegram error_code, Twilio code). */
    readonly providerCode?: number,
    /** How long the provider asked us to wait (Telegram retry_after, Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ChannelSendError';
  }
}

/** One message part as the provider accepted it. */
export interface SentPart {
  providerMessageId: string;
  /** The provider's status on acceptance (Twilio: queued/accepted/sent…), when it says. */
  status?: string;
}

export interface HttpOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface ProviderAnswer {
  status: number;
  /** Parsed JSON, or undefined when the body was not JSON. */
  json: unknown;
  /** Retry-After in milliseconds, when the answer carried one in seconds. */
  retryAfterMs?: number;
}

/** Sends one POST and reads the answer; no answer at all (network, timeout) is transient. Never includes credentials in messages. */
export async function post(
  provider: string,
  url: string,
  headers: Record<string, string>,
  body: string,
  opts: HttpOptions = {},
): Promise<ProviderAnswer> {
  let res: Response;
  let text: string;
  try {
    res = await (opts.fetch ?? fetch)(url, {
      method: 'POST',
      headers: { accept: 'application/json', ...headers },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
    });
    text = await res.text();
  } catch (err) {
    const timeout = (err as Error).name === 'TimeoutError';
    throw new ChannelSendError('transient', `${provider}: ${timeout ? 'no answer in time' : 'unreachable'}`);
  }
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // a non-JSON answer (a proxy's error page) is classified by status alone
  }
  const ra = Number(res.headers.get('retry-after'));
  return { status: res.status, json, ...(Number.isFinite(ra) && ra > 0 ? { retryAfterMs: ra * 1000 } : {}) };
}

/** A status without a recognised error body: 408, 425, 429 and 5xx may pass, other 4xx will not. */
export const transientStatus = (s: number): boolean => s === 408 || s === 425 || s === 429 || s >= 500;

/** An object field of an unknown value, or undefined. */
export const field = (v: unknown, key: string): unknown =>
  v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;

/** Removes trailing slashes so paths can be appended. */
export const trimBase = (url: string): string => url.replace(/\/+$/, '');

/**
 * Splits text into parts of at most `max` UTF-16 code units (the providers count characters; a
 * code-unit bound is never over it), preferring line breaks, then spaces, and never
 * cutting a surrogate pair. Pure.
 */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    // One character past the limit: a break right after a full part is still a break.
    const window = rest.slice(0, max + 1);
    let cut = window.lastIndexOf('\n');
    if (cut < max / 2) cut = window.lastIndexOf(' ');
    if (cut < max / 2) {
      cut = max;
      const c = rest.charCodeAt(cut - 1);
      if (c >= 0xd800 && c <= 0xdbff) cut -= 1;
    }
    const part = rest.slice(0, cut).trimEnd();
    if (part) parts.push(part);
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest.trim() || parts.length === 0) parts.push(rest);
  return parts;
}
