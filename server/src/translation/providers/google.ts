import { ProviderError, type ProviderRequest, type ProviderResult, type TranslationProvider } from '../provider.js';
import { isTraditionalChinese, primary, requestJson, trimBase, type HttpOptions } from './http.js';

export interface GoogleOptions extends HttpOptions {
  apiKey: string;
  /** Default https://translation.googleapis.com. */
  baseUrl?: string;
}

/** BCP-47 → Google v2 code: zh-CN / zh-TW for Chinese, 'iw' never needed (he is accepted), else the primary subtag. */
export function toGoogle(tag: string): string {
  const p = primary(tag);
  if (p === 'zh') return isTraditionalChinese(tag) ? 'zh-TW' : 'zh-CN';
  return p;
}

/** Google Cloud Translation Basic (v2), POST /language/translate/v2?key=… with JSON. */
export class GoogleProvider implements TranslationProvider {
  readonly name = 'google';
  private readonly baseUrl: string;

  constructor(private readonly opts: GoogleOptions) {
    this.baseUrl = trimBase(opts.baseUrl ?? 'https://translation.googleapis.com');
  }

  async pairs(): Promise<null> {
    return null;
  }

  async translate(req: ProviderRequest, signal?: AbortSignal): Promise<ProviderResult> {
    const url = new URL(`${this.baseUrl}/language/translate/v2`);
    url.searchParams.set('key', this.opts.apiKey);
    const json = (await requestJson(
      {
        provider: 'Google Translate',
        url,
        body: {
          q: req.text,
          target: toGoogle(req.target),
          format: req.format,
          ...(req.source !== 'auto' ? { source: toGoogle(req.source) } : {}),
        },
        signal,
      },
      this.opts,
    )) as { data?: { translations?: { translatedText?: unknown; detectedSourceLanguage?: unknown }[] } };
    const first = Array.isArray(json?.data?.translations) ? json.data.translations[0] : undefined;
    if (!first || typeof first.translatedText !== 'string') throw new ProviderError('bad_response', 'Google Translate: no translatedText');
    const detected = first.detectedSourceLanguage;
    return {
      text: first.translatedText,
      detectedSource: typeof detected === 'string' ? primary(detected) : req.source === 'auto' ? null : primary(req.source),
    };
  }
}
