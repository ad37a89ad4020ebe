import { pairKey, ProviderError, type ProviderRequest, type ProviderResult, type TranslationProvider } from '../provider.js';
import { primary, requestJson, trimBase, type HttpOptions } from './http.js';

export interface DeepLOptions extends HttpOptions {
  apiKey: string;
  /** Default: api-free.deepl.com for keys ending in ':fx', api.deepl.com otherwise. */
  baseUrl?: string;
  /** DeepL glossary ids by pair ('en>de'); a glossary needs a source language. */
  glossaries?: Record<string, string>;
  /** Variant for a bare 'en' / 'pt' target (DeepL needs one). Default EN-US and PT-BR. */
  english?: 'EN-US' | 'EN-GB';
  portuguese?: 'PT-BR' | 'PT-PT';
}

/** BCP-47 → DeepL target code: EN-US/EN-GB, PT-BR/PT-PT, ZH-HANS/ZH-HANT, otherwise the upper-cased primary. */
export function toDeepLTarget(tag: string, opts: Pick<DeepLOptions, 'english' | 'portuguese'> = {}): string {
  const t = tag.toLowerCase();
  const p = primary(t);
  if (p === 'en') return t === 'en-gb' || /^en-(au|nz|ie|za|in)/.test(t) ? 'EN-GB' : t === 'en-us' ? 'EN-US' : (opts.english ?? 'EN-US');
  if (p === 'pt') return t === 'pt-pt' ? 'PT-PT' : t === 'pt-br' ? 'PT-BR' : (opts.portuguese ?? 'PT-BR');
  if (p === 'zh') return /^zh-(hant|tw|hk|mo)/.test(t) ? 'ZH-HANT' : 'ZH-HANS';
  return p.toUpperCase();
}

/** DeepL API v2, POST /v2/translate with JSON. Formality maps to prefer_more / prefer_less. */
export class DeepLProvider implements TranslationProvider {
  readonly name = 'deepl';
  private readonly baseUrl: string;

  constructor(private readonly opts: DeepLOptions) {
    this.baseUrl = trimBase(opts.baseUrl ?? (opts.apiKey.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com'));
  }

  async pairs(): Promise<null> {
    return null;
  }

  async translate(req: ProviderRequest, signal?: AbortSignal): Promise<ProviderResult> {
    const glossary = req.source === 'auto' ? undefined : this.opts.glossaries?.[pairKey(primary(req.source), primary(req.target))];
    const body: Record<string, unknown> = {
      text: [req.text],
      target_lang: toDeepLTarget(req.target, this.opts),
      ...(req.source !== 'auto' ? { source_lang: primary(req.source).toUpperCase() } : {}),
      ...(req.formality ? { formality: req.formality === 'formal' ? 'prefer_more' : 'prefer_less' } : {}),
      ...(req.format === 'html' ? { tag_handling: 'html' } : {}),
      ...(glossary ? { glossary_id: glossary } : {}),
    };
    const json = (await requestJson(
      {
        provider: 'DeepL',
        url: `${this.baseUrl}/v2/translate`,
        headers: { authorization: `DeepL-Auth-Key ${this.opts.apiKey}` },
        body,
        signal,
      },
      this.opts,
    )) as { translations?: { text?: unknown; detected_source_language?: unknown }[] };
    const first = Array.isArray(json?.translations) ? json.translations[0] : undefined;
    if (!first || typeof first.text !== 'string') throw new ProviderError('bad_response', 'DeepL: no translations[0].text');
    const detected = typeof first.detected_source_language === 'string' ? primary(first.detected_source_language) : null;
    return { text: first.text, detectedSource: detected ?? (req.source === 'auto' ? null : primary(req.source)) };
  }
}
