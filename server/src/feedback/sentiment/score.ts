import { lexiconFor, tokenize, type Lexicon } from './lexicon.js';

/** How far (in tokens) a negator reaches within its clause. */
const NEGATION_REACH = 3;

export interface SentimentScore {
  /** −1 … 1: the summed word scores squashed as VADER does (sum / √(sum² + 15)). */
  score: number;
  /** The summed word scores (AFINN's −5…5 per word), after negation. */
  sum: number;
  /** Scored words and phrases, as matched. */
  words: { text: string; score: number }[];
}

const squash = (sum: number) => (sum === 0 ? 0 : sum / Math.sqrt(sum * sum + 15));

/**
 * Scores a text with its language's lexicon: the longest lexicon phrase at each position, an emoji
 * as a word, and a negator within NEGATION_REACH tokens of a word (before it, or after it in
 * Japanese and Korean) in the same clause flips the word's sign ("not helpful", "役に立ちません").
 * Returns null when no lexicon is shipped for the language.
 */
export function scoreText(text: string, language: string): SentimentScore | null {
  const lexicon = lexiconFor(language);
  return lexicon ? scoreWith(lexicon, text) : null;
}

export function scoreWith(lexicon: Lexicon, text: string): SentimentScore {
  const tokens = tokenize(text, lexicon.language);
  const hits: { start: number; end: number; text: string; score: number }[] = [];
  const negatorAt: boolean[] = tokens.map(() => false);
  for (let i = 0; i < tokens.length;) {
    if (tokens[i]!.boundary) {
      i++;
      continue;
    }
    let matched = 0;
    for (let n = Math.min(lexicon.maxTokens, tokens.length - i); n >= 1; n--) {
      const span = tokens.slice(i, i + n);
      if (span.some((t) => t.boundary)) continue;
      const key = span.map((t) => t.text).join(' ');
      if (lexicon.negators.has(key)) {
        for (let k = i; k < i + n; k++) negatorAt[k] = true;
        matched = n;
        break;
      }
      const score = lexicon.entries.get(key);
      if (score !== undefined) {
        if (score !== 0) hits.push({ start: i, end: i + n, text: key, score });
        matched = n;
        break;
      }
    }
    i += matched || 1;
  }
  const negated = (h: { start: number; end: number }) => {
    const range =
      lexicon.negation === 'before'
        ? { from: h.start - 1, to: Math.max(-1, h.start - 1 - NEGATION_REACH), step: -1 }
        : { from: h.end, to: Math.min(tokens.length, h.end + NEGATION_REACH + 1), step: 1 };
    for (let k = range.from; k !== range.to; k += range.step) {
      if (k < 0 || k >= tokens.length || tokens[k]!.boundary) return false;
      if (negatorAt[k]) return true;
    }
    return false;
  };
  const words = hits.map((h) => ({ text: h.text, score: negated(h) ? -h.score : h.score }));
  const sum = words.reduce((a, w) => a + w.score, 0);
  return { score: Math.round(squash(sum) * 1000) / 1000, sum, words };
}
