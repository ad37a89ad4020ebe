import type { Span, ToneFinding } from './types.js';

interface Word extends Span {
  text: string;
  letters: number;
  caps: boolean;
}

/** Words of cased scripts (Latin, Greek, Cyrillic…); caseless scripts (kana, kanji) cannot shout in capitals. */
const WORD = /[\p{Lu}\p{Ll}\p{Lt}\p{N}][\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{N}\p{M}'’-]*/gu;
/** Sentences: up to an end mark or a line break. */
const SENTENCE = /[^.!?。！？\n]+[.!?。！？]*/gu;

/** Acronyms up to this many letters (API, HTML, ASAP) are not shouting on their own. */
const ACRONYM_MAX = 4;

function wordsOf(text: string, offset: number): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    // Product-like tokens (X1, SKU-2040, 4K, iPhone) are names, not shouting.
    if (/\p{N}/u.test(w)) continue;
    const cased = w.match(/[\p{Lu}\p{Ll}]/gu) ?? [];
    if (cased.length === 0) continue; // scripts without case
    const caps = !/\p{Ll}/u.test(w) && cased.length >= 1;
    words.push({ start: offset + m.index, end: offset + m.index + w.length, text: w, letters: cased.length, caps });
  }
  return words;
}

const shouting = (run: Word[]): boolean => run.length >= 3 || (run.length >= 2 && run.some((w) => w.letters > ACRONYM_MAX));

/**
 * Shouting: a sentence written mostly in capitals, or a run of two or more capitalised words
 * (acronyms of up to four letters and product-like tokens alone do not count).
 */
export function checkCaps(text: string): ToneFinding[] {
  const found: ToneFinding[] = [];
  const message = 'Text in capitals reads as shouting.';
  for (const s of text.matchAll(SENTENCE)) {
    const words = wordsOf(s[0], s.index);
    // Single letters (I, A) say nothing; a sentence of short acronyms alone (API SDK CLI) is not shouting.
    const cased = words.filter((w) => w.letters > 1);
    const caps = cased.filter((w) => w.caps);
    const mostlyCaps =
      caps.length >= 3 &&
      caps.length / cased.length >= 0.7 &&
      (caps.some((w) => w.letters > ACRONYM_MAX) || (caps.length === cased.length && caps.length >= 4));
    if (mostlyCaps) {
      found.push({
        code: 'all_caps',
        severity: 'warning',
        message,
        span: { start: words[0]!.start, end: words[words.length - 1]!.end },
        suggestion: 'Write in sentence case; use words or bold for emphasis.',
      });
      continue;
    }
    // Runs of capitalised words separated only by spaces.
    let run: Word[] = [];
    const flush = () => {
      if (shouting(run)) {
        found.push({
          code: 'all_caps',
          severity: 'warning',
          message,
          span: { start: run[0]!.start, end: run[run.length - 1]!.end },
          suggestion: 'Write in sentence case; use words or bold for emphasis.',
        });
      }
      run = [];
    };
    for (const w of words) {
      const prev = run[run.length - 1];
      if (w.caps && w.letters > 1 && (!prev || /^[\s\u3000]+$/u.test(text.slice(prev.end, w.start)))) run.push(w);
      else {
        flush();
        if (w.caps && w.letters > 1) run.push(w);
      }
    }
    flush();
  }
  return found;
}
