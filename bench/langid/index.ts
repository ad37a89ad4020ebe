/**
 * Language identification: accuracy per length bucket and short-text speed, Meridian's detector
 * next to franc, ELD and CLD3 (cld3-asm), on the same evaluation set in the same run.
 *
 *   npm run bench -- langid [--passes=N]
 *
 * The set is `bench/langid/eval-set.json` (UDHR fragments in 39 languages; see README.md there and
 * scripts/langid-eval/build.ts). Meridian runs without hints and with a `locale` hint that is right
 * nine times in ten (score.ts: hintFor); the others without hints. Scoring is score.ts's, the same
 * the Vitest accuracy test uses.
 *
 * Speed: all short texts once as a warm-up, then `--passes` timed passes over them
 * (process.hrtime.bigint) on this one thread; every detector here runs synchronously on the main
 * thread (JavaScript or single-threaded WebAssembly), so detections/s is one core's rate. The CPU
 * time the process used during the timing is printed beside it, and the rate per CPU-second: a CPU
 * share well under 100% means other work on the machine took the core for a while (the targets are
 * judged on the wall-clock rate, the stricter one).
 *
 * Prints the acceptance targets beside the figures. Exits 0 whether or not they are met (it is a
 * report); 1 only on errors, 2 on a bad option.
 */
import os from 'node:os';
import { ALL_DETECTORS, type Detector } from './detectors.js';
import { BUCKET_NAMES, loadEvalSet, type Bucket, type EvalSet } from './eval-set.js';
import { hintFor, scoreBucket, type BucketScore, type DetectFn } from './score.js';

export const TARGETS = { shortNoHints: 0.85, shortHinted: 0.95, shortPerSecond: 50_000 } as const;

const USAGE = `usage: npm run bench -- langid [--passes=N]
  --passes  timed passes over the short texts per detector (default 5)`;

const log = (line = '') => process.stdout.write(`${line}\n`);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

interface Speed {
  perSecond: number;
  /** CPU time of this process / wall time during the timed passes. */
  cpuShare: number;
}

interface Result {
  detector: Detector;
  scores: Record<Bucket, BucketScore>;
  speed: Speed;
}

/** Detections per second over the short texts: one warm-up pass, then `passes` timed ones. */
function measure(detect: DetectFn, texts: string[], hints: (string | undefined)[], passes: number): Speed {
  let sink = 0;
  const pass = () => {
    for (let i = 0; i < texts.length; i++) sink += detect(texts[i]!, hints[i]).length;
  };
  pass();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let p = 0; p < passes; p++) pass();
  const ns = Number(process.hrtime.bigint() - start);
  const used = process.cpuUsage(cpu);
  if (sink === 0) throw new Error('no detector output');
  return { perSecond: (texts.length * passes) / (ns / 1e9), cpuShare: (used.user + used.system) / (ns / 1e3) };
}

async function evaluate(set: EvalSet, detector: Detector, passes: number): Promise<Result> {
  const detect = await detector.load();
  const covers = detector.covers ? new Set(set.languages.map((l) => l.tag).filter(detector.covers)) : undefined;
  const scores = {} as Record<Bucket, BucketScore>;
  for (const bucket of BUCKET_NAMES) scores[bucket] = scoreBucket(set, bucket, detect, { hinted: detector.hinted, covers });
  const texts: string[] = [];
  const hints: (string | undefined)[] = [];
  set.languages.forEach((lang, li) =>
    set.samples[lang.tag]!.short.forEach((text, i) => {
      texts.push(text);
      hints.push(detector.hinted ? hintFor(set, li, i).locale : undefined);
    }),
  );
  return { detector, scores, speed: measure(detect, texts, hints, passes) };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
}

function report(set: EvalSet, results: Result[]): void {
  const n = set.languages.length;
  const counts = BUCKET_NAMES.map((b) => `${b} ${set.languages.reduce((s, l) => s + set.samples[l.tag]![b].length, 0)}`);
  log('');
  log(
    table([
      ['detector', 'languages', 'short', 'medium', 'long', 'short det/s', 'CPU', 'det/CPU-s'],
      ...results.map((r) => [
        r.detector.name,
        `${r.detector.covers ? set.languages.filter((l) => r.detector.covers!(l.tag)).length : n}/${n}`,
        ...BUCKET_NAMES.map((b) => pct(r.scores[b].accuracy)),
        r.speed.perSecond.toFixed(0),
        `${(r.speed.cpuShare * 100).toFixed(0)}%`,
        (r.speed.perSecond / r.speed.cpuShare).toFixed(0),
      ]),
    ]),
  );
  log('');
  log(
    `samples: ${counts.join(', ')} (${set.buckets.short.min}–${set.buckets.short.max}, ${set.buckets.medium.min}–${set.buckets.medium.max}, ${set.buckets.long.min}–${set.buckets.long.max} code points)`,
  );
  for (const r of results) {
    const s = r.scores.short;
    const notes: string[] = [];
    if (r.detector.note) notes.push(r.detector.note);
    if (s.accuracyOnCovered !== undefined)
      notes.push(
        `short on the ${set.languages.filter((l) => r.detector.covers!(l.tag)).length} languages it knows: ${pct(s.accuracyOnCovered)}`,
      );
    const unsplit = BUCKET_NAMES.reduce((x, b) => x + r.scores[b].unsplitZh, 0);
    if (!r.detector.splitsChinese) notes.push(`cannot split zh-Hans/zh-Hant: plain 'zh' counted right for both (${unsplit} samples)`);
    if (r.detector.hinted) notes.push(`hint right for ${s.hintsRight}/${s.total} short samples`);
    if (notes.length) log(`${r.detector.name}: ${notes.join('; ')}`);
  }

  log('');
  for (const r of results.filter((x) => x.detector.name.startsWith('meridian'))) {
    const worst = [...r.scores.short.perLanguage]
      .map(([tag, t]) => ({ tag, acc: t.right / t.total }))
      .sort((a, b) => a.acc - b.acc || a.tag.localeCompare(b.tag));
    log(`${r.detector.name}, short, per language (worst first): ${worst.map((w) => `${w.tag} ${(w.acc * 100).toFixed(0)}`).join(' ')}`);
  }

  const plain = results.find((r) => r.detector.name === 'meridian (no hints)');
  const hinted = results.find((r) => r.detector.name.startsWith('meridian (locale'));
  log('');
  log('acceptance targets (Meridian):');
  const line = (what: string, got: number | undefined, target: number, fmt: (x: number) => string) =>
    log(
      `  ${what.padEnd(44)} target ≥ ${fmt(target).padStart(6)}   got ${got === undefined ? '-' : fmt(got).padStart(6)}   ${got === undefined ? 'not run' : got >= target ? 'met' : 'NOT MET'}`,
    );
  line('short, no hints', plain?.scores.short.accuracy, TARGETS.shortNoHints, pct);
  line('short, locale hint right 9 times in 10', hinted?.scores.short.accuracy, TARGETS.shortHinted, pct);
  line('short detections/s, one core (no hints)', plain?.speed.perSecond, TARGETS.shortPerSecond, (x) => x.toFixed(0));
}

export async function run(args: string[]): Promise<number> {
  let passes = 5;
  for (const a of args) {
    const m = /^--passes=(\d+)$/.exec(a);
    if (a === '--help' || a === '-h') {
      log(`langid: language-identification accuracy and speed, Meridian versus franc, ELD and CLD3.\n${USAGE}`);
      return 0;
    } else if (m && Number(m[1]) >= 1) passes = Number(m[1]);
    else {
      process.stderr.write(`unknown or bad option ${a}\n${USAGE}\n`);
      return 2;
    }
  }
  const set = loadEvalSet();
  const cpus = os.cpus();
  log(
    `machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)}`,
  );
  log(`set: ${set.languages.length} languages from ${set.source.package}; ${passes} timed passes over the short texts per detector`);
  const results: Result[] = [];
  for (const detector of ALL_DETECTORS) {
    const t = Date.now();
    results.push(await evaluate(set, detector, passes));
    log(`  ${detector.name}: done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  report(set, results);
  return 0;
}
