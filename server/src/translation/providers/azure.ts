import { ProviderError, type ProviderRequest, type ProviderResult, type TranslationProvider } from '../provider.js';
import { isTraditionalChinese, primary, requestJson, trimBase, type HttpOptions } from './http.js';

export interface AzureOptions extends HttpOptions {
  apiKey: string;
  /** Needed for regional and multi-service resources (e.g. 'westeurope'). */
  region?: string;
  /** Default https://api.cognitive.microsofttranslator.com. */
  baseUrl?: string;
}

/** BCP-47 → Azure code: zh-Hans / zh-Hant, pt-pt for European Portuguese, else the primary subtag. */
export function toAzure(tag: string): string {
  const p = primary(tag);
  if (p === 'zh') return isTraditionalChinese(tag) ? 'zh-Hant' : 'zh-Hans';
  if (/^pt-pt$/i.test(tag)) return 'pt-pt';
  return p;
}

/** Azure AI Translator v3, POST /translate?api-version=3.0&to=…[&from=…][&textType=html]. */
export class AzureProvider implements TranslationProvider {
  readonly name = 'azure';
  private readonly baseUrl: string;

  constructor(private readonly opts: AzureOptions) {
    this.baseUrl = trimBase(opts.baseUrl ?? 'https://api.cognitive.microsofttranslator.com');
  }

  async pairs(): Promise<null> {
    return null;
  }

  async translate(req: ProviderRequest, signal?: AbortSignal): Promise<ProviderResult> {
    const url = new URL(`${this.baseUrl}/translate`);
    url.searchParams.set('api-version', '3.0');
    url.searchParams.set('to', toAzure(req.target));
    if (req.source !== 'auto') url.searchParams.set('from', toAzure(req.source));
    if (req.format === 'html') url.searchParams.set('textType', 'html');
    const json = (await requestJson(
      {
        provider: 'Azure Translator',
        url,
        headers: {
          'ocp-apim-subscription-key': this.opts.apiKey,
          ...(this.opts.region ? { 'ocp-apim-subscription-region': this.opts.region } : {}),
        },
        body: [{ Text: req.text }],
        signal,
      },
      this.opts,
    )) as { detectedLanguage?: { language?: unknown }; translations?: { text?: unknown }[] }[];
    const item = Array.isArray(json) ? json[0] : undefined;
    const first = Array.isArray(item?.translations) ? item.translations[0] : undefined;
    if (!first || typeof first.text !== 'string') throw new ProviderError('bad_response', 'Azure Translator: no translations[0].text');
    const detected = item?.detectedLanguage?.language;
    return {
      text: first.text,
      detectedSource: typeof detected === 'string' ? primary(detected) : req.source === 'auto' ? null : primary(req.source),
    };
  }
}
