import { ProviderError, type ProviderErrorKind } from '../provider.js';
import { primaryLanguage } from '../../lib/language-tag.js';

/** What every HTTP provider shares: where it is, how long to wait, and a fetch to swap in tests. */
export interface HttpOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface JsonRequest {
  /** Provider name for error messages; never include keys or text in them. */
  provider: string;
  url: string | URL;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Serialised as JSON; URLSearchParams are sent form-encoded. */
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Overrides the status mapping below for an error answer (json undefined when it was not JSON). */
  classify?: (status: number, json: unknown) => ProviderErrorKind | { kind: ProviderErrorKind; message: string };
}

/** A body sent byte-for-byte as given (for signed requests); the caller sets content-type. */
export class RawBody {
  constructor(readonly text: string) {}
}

const LANGUAGE_PROBLEM = /lang|language|locale|target|source|pair|not supported|unsupported/i;
const KEY_PROBLEM = /api[ _-]?key|auth|credential|subscription key|forbidden|unauthori[sz]ed/i;

/** A short, key-free description of an error body for the message. */
function detail(body: string): string {
  try {
    const j = JSON.parse(body) as {
      error?: unknown;
      message?: unknown;
      detail?: unknown;
      explanation?: unknown;
      responseDetails?: unknown;
    };
    const e = j.error;
    const m =
      typeof e === 'string'
        ? e
        : e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string'
          ? (e as { message: string }).message
          : typeof j.message === 'string'
            ? j.message
            : typeof j.detail === 'string'
              ? j.detail
              : typeof j.explanation === 'string'
                ? j.explanation
                : typeof j.responseDetails === 'string'
                  ? j.responseDetails
                  : '';
    return m.slice(0, 200);
  } catch {
    return '';
  }
}

/**
 * Sends one request and returns its parsed JSON, mapping every failure to a ProviderError:
 * network → unavailable, timeout → timeout, 401/403 → unavailable (key refused), 429/456/5xx →
 * unavailable, other 4xx about languages → unsupported_pair, non-JSON success → bad_response.
 */
export async function requestJson(req: JsonRequest, opts: HttpOptions = {}): Promise<unknown> {
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? 10_000);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  const form = req.body instanceof URLSearchParams;
  const raw = req.body instanceof RawBody;
  let res: Response;
  let text: string;
  try {
    res = await (opts.fetch ?? fetch)(req.url, {
      method: req.method ?? 'POST',
      headers: {
        accept: 'application/json',
        ...(req.body !== undefined && !raw ? { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' } : {}),
        ...req.headers,
      },
      ...(req.body !== undefined ? { body: raw ? (req.body as RawBody).text : form ? String(req.body) : JSON.stringify(req.body) } : {}),
      signal,
    });
    text = await res.text();
  } catch (err) {
    const kind = (err as Error).name === 'TimeoutError' ? 'timeout' : 'unavailable';
    throw new ProviderError(kind, `${req.provider}: ${kind === 'timeout' ? 'no answer in time' : (err as Error).message}`);
  }
  if (!res.ok) {
    const why = detail(text);
    const s = res.status;
    if (req.classify) {
      let json: unknown = undefined;
      try {
        json = JSON.parse(text);
      } catch {
        // classify decides what a non-JSON error means
      }
      const c = req.classify(s, json);
      if (typeof c !== 'string') throw new ProviderError(c.kind, c.message);
      throw new ProviderError(c, `${req.provider} ${s}: ${json === undefined ? 'non-JSON answer' : why || 'error'}`);
    }
    if (s === 401 || s === 403)
      throw new ProviderError('unavailable', `${req.provider} refused the API key (${s})${why ? `: ${why}` : ''}`);
    if (s === 456) throw new ProviderError('unavailable', `${req.provider}: quota exceeded (456)`);
    if (s === 429 || s >= 500) throw new ProviderError('unavailable', `${req.provider} ${s}${why ? `: ${why}` : ''}`);
    // Google answers a bad key with 400 "API key not valid".
    if (KEY_PROBLEM.test(why)) throw new ProviderError('unavailable', `${req.provider} refused the API key (${s}): ${why}`);
    if (LANGUAGE_PROBLEM.test(why)) throw new ProviderError('unsupported_pair', `${req.provider} ${s}: ${why}`);
    throw new ProviderError('unavailable', `${req.provider} ${s}${why ? `: ${why}` : ''}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ProviderError('bad_response', `${req.provider} answered ${res.status} with non-JSON`);
  }
}

/** A string field of a parsed answer, or bad_response. */
export function needString(value: unknown, provider: string, what: string): string {
  if (typeof value !== 'string') throw new ProviderError('bad_response', `${provider}: no ${what} in the answer`);
  return value;
}

/** Primary subtag, lower-case: 'pt-BR' → 'pt'. */
export { primaryLanguage as primary };

/** Chinese script from a BCP-47 tag: traditional for Hant, TW, HK and MO. */
export const isTraditionalChinese = (tag: string): boolean => /^zh[-_](hant|tw|hk|mo)\b/i.test(tag);

/** Removes trailing slashes so paths can be appended. */
export const trimBase = (url: string): string => url.replace(/\/+$/, '');
