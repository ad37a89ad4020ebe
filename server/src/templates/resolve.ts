import { createHash } from 'node:crypto';
import type { Formality, VariantRow } from './templates.repo.js';
import { primaryLanguage as language } from '../lib/language-tag.js';

export const bodyHash = (body: string): string => createHash('sha256').update(body).digest('hex').slice(0, 32);

/** Locales to try, most specific first: pt-BR → pt → the template's source locale → its language. */
export function fallbackChain(requested: string | null, sourceLocale: string): string[] {
  const chain = [requested, requested && language(requested), sourceLocale, language(sourceLocale)].filter((x): x is string => Boolean(x));
  return [...new Set(chain.map((l) => l.toLowerCase()))];
}

const FORMALITY_ORDER: Record<'formal' | 'informal', Formality[]> = {
  formal: ['formal', 'neutral', 'informal'],
  informal: ['informal', 'neutral', 'formal'],
};

export interface Pick {
  variant: VariantRow;
  reason: string;
}

/** The best variant for a locale chain and wanted formality, with a sentence saying why. */
export function pickVariant(variants: VariantRow[], chain: string[], formality: 'formal' | 'informal'): Pick | undefined {
  for (const [i, locale] of chain.entries()) {
    for (const f of FORMALITY_ORDER[formality]) {
      const variant = variants.find((v) => v.locale.toLowerCase() === locale && v.formality === f);
      if (!variant) continue;
      const where = i === 0 ? `exact locale ${variant.locale}` : `fell back from ${chain[0]} to ${variant.locale}`;
      const how = f === formality ? `${f} variant` : `no ${formality} variant, used ${f}`;
      return { variant, reason: `${where}; ${how}` };
    }
  }
  return undefined;
}

/**
 * A translated variant is stale when the source-locale body it was made from has changed since:
 * compared with the source variant of the same formality, else the neutral one.
 */
export function isStale(v: VariantRow, variants: VariantRow[], sourceLocale: string): boolean {
  if (v.locale.toLowerCase() === sourceLocale.toLowerCase()) return false;
  const sources = variants.filter((s) => s.locale.toLowerCase() === sourceLocale.toLowerCase());
  const source = sources.find((s) => s.formality === v.formality) ?? sources.find((s) => s.formality === 'neutral');
  return source !== undefined && bodyHash(source.body) !== v.sourceHash;
}

/** The hash a new variant records: its source counterpart's body (its own body for source variants). */
export function sourceHashFor(locale: string, formality: Formality, body: string, variants: VariantRow[], sourceLocale: string): string {
  if (locale.toLowerCase() === sourceLocale.toLowerCase()) return bodyHash(body);
  const sources = variants.filter((s) => s.locale.toLowerCase() === sourceLocale.toLowerCase());
  const source = sources.find((s) => s.formality === formality) ?? sources.find((s) => s.formality === 'neutral');
  return source ? bodyHash(source.body) : bodyHash(body);
}
