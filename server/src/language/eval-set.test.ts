import { beforeAll, describe, expect, it } from 'vitest';
import { meridian } from '../../../bench/langid/detectors.js';
import { BUCKET_NAMES, BUCKETS, charLength, evalSetProblems, loadEvalSet, type EvalSet } from '../../../bench/langid/eval-set.js';
import { hintFor, judge, scoreBucket, type BucketScore, type DetectFn } from '../../../bench/langid/score.js';

/**
 * The acceptance bar for language detection on the public evaluation set (bench/langid/eval-set.json,
 * UDHR fragments): short texts (10–40 characters) ≥ 85% right without hints, ≥ 95% with a locale hint
 * that is right nine times in ten. Accuracy only: speed is the `langid` bench's business, never a test's.
 * Scored by bench/langid/score.ts, the same code the bench prints its figures with.
 */
const SHORT_NO_HINTS = 0.85;
const SHORT_HINTED = 0.95;
const MUST_COVER = [
  'en',
  'de',
  'fr',
  'es',
  'pt',
  'it',
  'nl',
  'sv',
  'da',
  'no',
  'fi',
  'pl',
  'cs',
  'sk',
  'hu',
  'ro',
  'el',
  'tr',
  'ru',
  'uk',
  'bg',
  'hr',
  'ar',
  'he',
  'fa',
  'hi',
  'bn',
  'ta',
  'th',
  'vi',
  'id',
  'ja',
  'ko',
  'zh-Hans',
  'zh-Hant',
  'tl',
  'sw',
];

let set: EvalSet;
let detect: DetectFn;
beforeAll(async () => {
  set = loadEvalSet();
  detect = await meridian(false).load();
});

const worst = (s: BucketScore) =>
  [...s.perLanguage]
    .map(([tag, t]) => `${tag} ${Math.round((100 * t.right) / t.total)}%`)
    .sort((a, b) => parseInt(a.split(' ')[1]!) - parseInt(b.split(' ')[1]!))
    .slice(0, 8)
    .join(', ');

describe('language-identification evaluation set', () => {
  it('is well formed: ≥ 30 languages, every sample inside its bucket, distinct, trimmed', () => {
    expect(evalSetProblems(set)).toEqual([]);
    expect(set.languages.length).toBeGreaterThanOrEqual(30);
    expect(set.languages.map((l) => l.tag)).toEqual(expect.arrayContaining(MUST_COVER));
    expect(set.source.package).toMatch(/^udhr@/);
    for (const lang of set.languages) {
      expect(set.samples[lang.tag]!.short.length, lang.tag).toBeGreaterThanOrEqual(100);
      for (const bucket of BUCKET_NAMES) {
        const lengths = set.samples[lang.tag]![bucket].map(charLength);
        expect(Math.min(...lengths), `${lang.tag}/${bucket}`).toBeGreaterThanOrEqual(BUCKETS[bucket].min);
        expect(Math.max(...lengths), `${lang.tag}/${bucket}`).toBeLessThanOrEqual(BUCKETS[bucket].max);
      }
    }
  });

  it('hints are right nine times in ten, and the wrong tenth is another language of the set', () => {
    set.languages.forEach((lang, li) => {
      const hints = set.samples[lang.tag]!.short.map((_, i) => hintFor(set, li, i));
      expect(hints.filter((h) => !h.right).length).toBe(Math.floor(hints.length / 10));
      for (const h of hints) expect(judge(lang.tag, h.locale) !== 'wrong', `${lang.tag} ← ${h.locale}`).toBe(h.right);
    });
  });

  it.each([
    ['pt', 'pt-BR', 'right'],
    ['no', 'nb', 'right'],
    ['he', 'iw', 'right'],
    ['tl', 'fil', 'right'],
    ['hr', 'sr', 'wrong'],
    ['zh-Hant', 'zh-Hans', 'wrong'],
    ['zh-Hant', 'zh-TW', 'right'],
    ['zh-Hans', 'zh', 'right-unsplit-zh'],
  ])('judges %s answered as %s: %s (primary subtags; zh scripts strictly, plain zh as unsplit)', (expected, detected, verdict) => {
    expect(judge(expected, detected)).toBe(verdict);
  });
});

describe('Meridian detector on the short bucket (10–40 characters)', () => {
  it(`is right ≥ ${SHORT_NO_HINTS * 100}% of the time without hints`, () => {
    const s = scoreBucket(set, 'short', detect);
    expect(s.accuracy, `accuracy ${s.accuracy.toFixed(4)}; worst: ${worst(s)}`).toBeGreaterThanOrEqual(SHORT_NO_HINTS);
  });

  it(`is right ≥ ${SHORT_HINTED * 100}% of the time with a locale hint that is right nine times in ten`, () => {
    const s = scoreBucket(set, 'short', detect, { hinted: true });
    expect(s.hintsRight / s.total).toBeCloseTo(0.9, 5);
    expect(s.accuracy, `accuracy ${s.accuracy.toFixed(4)}; worst: ${worst(s)}`).toBeGreaterThanOrEqual(SHORT_HINTED);
  });
});
