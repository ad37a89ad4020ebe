import { ProviderError, type ProviderRequest, type ProviderResult, type TranslationProvider } from '../provider.js';
import { isTraditionalChinese, primary, requestJson, trimBase, type HttpOptions } from './http.js';

export interface LibreTranslateOptions extends HttpOptions {
  /** Default https://libretranslate.com; usually a self-hosted instance. */
  baseUrl?: string;
  /** Optional on self-hosted instances. */
  apiKey?: string;
}

/** BCP-47 → LibreTranslate code: primary subtag, 'zt' for traditional Chinese. */
export const toLibre = (tag: string): string => (isTraditionalChinese(tag) ? 'zt' : primary(tag));

/** LibreTranslate, POST /translate with JSON; source 'auto' lets it detect. */
export class LibreTranslateProvider implements TranslationProvider {
  readonly name = 'libretranslate';
  private readonly baseUrl: string;

  constructor(private readonly opts: LibreTranslateOptions = {}) {
    this.baseUrl = trimBase(opts.baseUrl ?? 'https://libretranslate.com');
  }

  async pairs(): Promise<null> {
    return null;
  }

  async translate(req: ProviderRequest, signal?: AbortSignal): Promise<ProviderResult> {
    const json = (await requestJson(
      {
        provider: 'LibreTranslate',
        url: `${this.baseUrl}/translate`,
        body: {
          q: req.text,
          source: req.source === 'auto' ? 'auto' : toLibre(req.source),
          target: toLibre(req.target),
          format: req.format,
          ...(this.opts.apiKey ? { api_key: this.opts.apiKey } : {}),
        },
        signal,
      },
      this.opts,
    )) as { translatedText?: unknown; detectedLanguage?: { language?: unknown } };
    if (typeof json?.translatedText !== 'string') throw new ProviderError('bad_response', 'LibreTranslate: no translatedText');
    const detected = json.detectedLanguage?.language;
    return {
      text: json.translatedText,
      detectedSource: typeof detected === 'string' ? primary(detected) : req.source === 'auto' ? null : primary(req.source),
    };
  }
}
