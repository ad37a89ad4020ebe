/**
 * Scoring a detector on the evaluation set: how tags are compared, which locale hint a sample gets,
 * and accuracy per bucket. The `langid` bench and the Vitest accuracy test both score through here,
 * so the figures in the README and the bar in the test cannot drift apart.
 */
import type { Bucket, EvalSet } from './eval-set.js';

/** A detector under test: text (and, for detectors that take one, a locale hint) → a language tag. */
export type DetectFn = (text: string, locale?: string) => string;

/** Spellings of the same language that detectors answer with. */
const SAME_AS: Record<string, string> = {
  nb: 'no', // Bokmål; fastText lid.176, CLD3 and ELD answer 'no'
  iw: 'he', // CLD3's code for Hebrew
  in: 'id',
  fil: 'tl', // CLD3 answers 'fil' for Tagalog/Filipino
  zsm: 'ms',
  zlm: 'ms',
};

function primary(tag: string): string {
  const p = tag.trim().split(/[-_]/)[0]!.toLowerCase();
  return SAME_AS[p] ?? p;
}

/** The script a zh tag names ('zh-Hant', 'zh-TW' → Hant); null for plain 'zh'. */
function chineseScript(tag: string): 'hans' | 'hant' | null {
  const sub = tag.toLowerCase().split(/[-_]/).slice(1);
  if (sub.some((s) => s === 'hant' || s === 'tw' || s === 'hk' || s === 'mo')) return 'hant';
  if (sub.some((s) => s === 'hans' || s === 'cn' || s === 'sg')) return 'hans';
  return null;
}

export type Verdict = 'right' | 'wrong' | 'right-unsplit-zh';

/**
 * Compares primary language subtags ('pt-BR' = 'pt', 'nb' = 'no', 'iw' = 'he'). Chinese must match
 * its script: zh-Hans ≠ zh-Hant. A detector that answers plain 'zh' cannot tell the scripts apart;
 * that answer counts as right for both and is reported apart ('right-unsplit-zh').
 */
export function judge(expected: string, detected: string): Verdict {
  if (primary(expected) !== primary(detected)) return 'wrong';
  if (primary(expected) !== 'zh') return 'right';
  const want = chineseScript(expected);
  const got = chineseScript(detected);
  if (want === null) return 'right';
  if (got === null) return 'right-unsplit-zh';
  return got === want ? 'right' : 'wrong';
}

/** One wrong hint in ten: samples 9, 19, 29, … of each language and bucket. */
export const WRONG_HINT_EVERY = 10;

/**
 * The locale hint sample `index` of language `langIndex` gets: the language's own locale nine times
 * in ten; every tenth time the locale of another language of the set, rotating through all of
 * them (deterministic, never the right one).
 */
export function hintFor(set: EvalSet, langIndex: number, index: number): { locale: string; right: boolean } {
  const langs = set.languages;
  if (index % WRONG_HINT_EVERY !== WRONG_HINT_EVERY - 1) return { locale: langs[langIndex]!.locale, right: true };
  const k = Math.floor(index / WRONG_HINT_EVERY);
  const other = (langIndex + 1 + (k % (langs.length - 1))) % langs.length;
  return { locale: langs[other]!.locale, right: false };
}

export interface Tally {
  right: number;
  total: number;
  /** Right only because plain 'zh' counts for both scripts. */
  unsplitZh: number;
}

export interface BucketScore extends Tally {
  accuracy: number;
  perLanguage: Map<string, Tally>;
  /** With hints: how many hints were right. */
  hintsRight: number;
  /** Languages the detector cannot answer at all; their samples are in `total` (counted wrong). */
  accuracyOnCovered?: number;
}

export interface ScoreOptions {
  /** Pass a locale hint, right nine times in ten (see hintFor). */
  hinted?: boolean;
  /** Tags the detector can answer; accuracy over these alone is reported as well. */
  covers?: ReadonlySet<string>;
}

/** Runs `detect` over one bucket of the set and tallies the verdicts, overall and per language. */
export function scoreBucket(set: EvalSet, bucket: Bucket, detect: DetectFn, opts: ScoreOptions = {}): BucketScore {
  const all: Tally = { right: 0, total: 0, unsplitZh: 0 };
  const covered: Tally = { right: 0, total: 0, unsplitZh: 0 };
  const perLanguage = new Map<string, Tally>();
  let hintsRight = 0;
  set.languages.forEach((lang, li) => {
    const mine: Tally = { right: 0, total: 0, unsplitZh: 0 };
    const isCovered = !opts.covers || opts.covers.has(lang.tag);
    set.samples[lang.tag]![bucket].forEach((text, i) => {
      let detected: string;
      if (opts.hinted) {
        const hint = hintFor(set, li, i);
        if (hint.right) hintsRight++;
        detected = detect(text, hint.locale);
      } else detected = detect(text);
      const v = judge(lang.tag, detected);
      for (const t of isCovered ? [mine, all, covered] : [mine, all]) {
        t.total++;
        if (v !== 'wrong') t.right++;
        if (v === 'right-unsplit-zh') t.unsplitZh++;
      }
    });
    perLanguage.set(lang.tag, mine);
  });
  return {
    ...all,
    accuracy: all.total ? all.right / all.total : 0,
    perLanguage,
    hintsRight,
    accuracyOnCovered: opts.covers && covered.total ? covered.right / covered.total : undefined,
  };
}
