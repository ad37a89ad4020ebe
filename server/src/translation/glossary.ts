import { primaryLanguage } from '../lib/language-tag.js';
import type { GlossaryTermRow } from './glossary.repo.js';
import type { GlossaryEntry } from './protect.js';

type Term = Pick<GlossaryTermRow, 'term' | 'language' | 'translations' | 'caseSensitive'>;

/**
 * The workspace glossary as protect() entries for one direction. A term without a language is a
 * name kept verbatim everywhere (unless it has a fixed rendering for the target). A term written
 * in a language applies when translating from that language, and — through its translations —
 * when translating from any language it has a rendering in, which is what a back-translation needs.
 */
export function glossaryFor(terms: readonly Term[], source: string, target: string): GlossaryEntry[] {
  const src = primaryLanguage(source);
  const tgt = primaryLanguage(target);
  const out: GlossaryEntry[] = [];
  const add = (term: string, translation: string | undefined, caseSensitive: boolean) =>
    out.push({ term, ...(translation && translation !== term ? { translation } : {}), ...(caseSensitive ? { caseSensitive } : {}) });
  for (const t of terms) {
    const lang = t.language ? primaryLanguage(t.language) : null;
    const renderingIn = (l: string): string | undefined => (l === lang ? t.term : t.translations[l]);
    if (lang === null) {
      add(t.term, t.translations[tgt], t.caseSensitive);
    } else if (lang === src) {
      add(t.term, t.translations[tgt], t.caseSensitive);
    } else if (t.translations[src]) {
      add(t.translations[src], renderingIn(tgt), t.caseSensitive);
    }
  }
  return out;
}

/** Request glossary entries win over stored ones for the same term. */
export function mergeGlossaries(stored: GlossaryEntry[], request: GlossaryEntry[] | undefined): GlossaryEntry[] {
  if (!request?.length) return stored;
  const given = new Set(request.map((g) => g.term.toLowerCase()));
  return [...request, ...stored.filter((g) => !given.has(g.term.toLowerCase()))];
}
