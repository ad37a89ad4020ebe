import { pairKey, ProviderError, type ProviderRequest, type ProviderResult, type TranslationProvider } from '../provider.js';
import { requestJson } from './http.js';
import { primaryLanguage as primary } from '../../lib/language-tag.js';

// Apertium names languages with ISO 639-3 codes (and a few variants like eng_US).
const TO_APERTIUM: Record<string, string> = {
  en: 'eng',
  es: 'spa',
  pt: 'por',
  ca: 'cat',
  fr: 'fra',
  it: 'ita',
  gl: 'glg',
  eu: 'eus',
  ro: 'ron',
  oc: 'oci',
  af: 'afr',
  nl: 'nld',
  da: 'dan',
  nb: 'nob',
  nn: 'nno',
  sv: 'swe',
  is: 'isl',
  ru: 'rus',
  uk: 'ukr',
  be: 'bel',
  mk: 'mkd',
  bg: 'bul',
  sl: 'slv',
  hr: 'hbs',
  sr: 'hbs',
  bs: 'hbs',
  id: 'ind',
  ms: 'zlm',
  ur: 'urd',
  hi: 'hin',
  eo: 'epo',
  br: 'bre',
  an: 'arg',
  ast: 'ast',
  sc: 'srd',
  pl: 'pol',
  szl: 'szl',
};
const FROM_APERTIUM = Object.fromEntries(Object.entries(TO_APERTIUM).map(([k, v]) => [v, k]));

export const toApertium = (tag: string): string | undefined => TO_APERTIUM[primary(tag)];

/**
 * Apertium APy over HTTP (GET /translate, /listPairs). Offline and self-hosted; rough drafts.
 * Unknown words come back marked `*word`: the marks are removed and their share reported.
 */
export class ApertiumProvider implements TranslationProvider {
  readonly name = 'apertium';
  private cachedPairs: { at: number; pairs: Set<string> } | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly opts: { timeoutMs?: number; fetch?: typeof fetch } = {},
  ) {}

  private get(path: string, params: Record<string, string>, signal?: AbortSignal): Promise<unknown> {
    // POST keeps long texts out of URL length limits; APy takes form-encoded parameters.
    return requestJson(
      {
        provider: `Apertium at ${this.baseUrl}`,
        url: new URL(path, this.baseUrl),
        body: new URLSearchParams(params),
        signal,
        classify: (status, json) => (json === undefined ? 'bad_response' : status === 400 ? 'unsupported_pair' : 'unavailable'),
      },
      this.opts,
    );
  }

  async pairs(): Promise<Set<string>> {
    if (this.cachedPairs && Date.now() - this.cachedPairs.at < 60_000) return this.cachedPairs.pairs;
    const json = (await this.get('/listPairs', {})) as { responseData?: { sourceLanguage: string; targetLanguage: string }[] };
    if (!Array.isArray(json.responseData)) throw new ProviderError('bad_response', 'Apertium /listPairs: no responseData');
    const pairs = new Set<string>();
    for (const p of json.responseData) {
      const s = FROM_APERTIUM[p.sourceLanguage];
      const t = FROM_APERTIUM[p.targetLanguage];
      if (s && t) pairs.add(pairKey(s, t));
    }
    this.cachedPairs = { at: Date.now(), pairs };
    return pairs;
  }

  async translate(req: ProviderRequest, signal?: AbortSignal): Promise<ProviderResult> {
    if (req.source === 'auto') throw new ProviderError('unsupported_pair', 'Apertium needs a source language');
    const s = toApertium(req.source);
    const t = toApertium(req.target);
    if (!s || !t) throw new ProviderError('unsupported_pair', `Apertium has no code for ${req.source} or ${req.target}`);
    const json = (await this.get(
      '/translate',
      { langpair: `${s}|${t}`, q: req.text, markUnknown: 'yes', format: req.format === 'html' ? 'html' : 'txt' },
      signal,
    )) as { responseData?: { translatedText?: unknown } };
    const out = json.responseData?.translatedText;
    if (typeof out !== 'string') throw new ProviderError('bad_response', 'Apertium: no translatedText');
    const words = out.split(/\s+/).filter(Boolean).length || 1;
    let unknown = 0;
    // `*word` marks an unknown word; a marked placeholder is not a translation problem.
    const text = out.replace(/\*(?=[\p{L}\p{N}])/gu, (m, offset: number) => {
      if (!/^XMRD\d+X/i.test(out.slice(offset + 1))) unknown++;
      return '';
    });
    return { text, detectedSource: req.source, unknownWordRatio: unknown / words };
  }
}
