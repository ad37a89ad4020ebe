/**
 * Comment sentiment: accuracy (positive / neutral / negative) per language of Meridian's scorer next
 * to baselines measured in the same run on the same labelled comments.
 *
 *   npm run bench -- sentiment
 *
 * The set is `bench/sentiment/comments.json` (30 development + 10 held-out comments in each of en,
 * es, pt, de, fr, ja; see `about` there). Rows:
 *   majority         — always the language's most frequent label (the floor to beat)
 *   afinn-en only    — English AFINN-165 (with the English supplement) over the original text, whatever its language
 *   multilang-sent.  — the multilang-sentiment package's own scorer (fuzzy matching) in the language
 *   meridian         — server/src/feedback/sentiment: the language's lexicon + supplement, negation, emoji
 *   translate→en     — Apertium to English, then meridian's English scorer (only where a pair exists
 *                      here: es; skipped when APy is not installed)
 * Exits 0 (a report); 1 on errors.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sentimentLabel, type SentimentLabel } from '../../server/src/feedback/sentiment/label.js';
import { lexiconFor } from '../../server/src/feedback/sentiment/lexicon.js';
import { scoreText, scoreWith } from '../../server/src/feedback/sentiment/score.js';
import { apyInstalled, startApy } from '../../server/src/test/apy.js';
import { ApertiumProvider } from '../../server/src/translation/providers/apertium.js';
import { pairKey } from '../../server/src/translation/provider.js';

type Row = [string, SentimentLabel];
type Scorer = (text: string, language: string) => Promise<SentimentLabel | null> | SentimentLabel | null;

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const LANGUAGES = ['en', 'es', 'pt', 'de', 'fr', 'ja'] as const;
const log = (line = '') => process.stdout.write(`${line}\n`);

function majority(rows: Row[]): SentimentLabel {
  const counts = new Map<SentimentLabel, number>();
  for (const [, l] of rows) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

export async function run(): Promise<number> {
  const data = JSON.parse(readFileSync(path.join(here, 'comments.json'), 'utf8')) as Record<string, Row[]> & {
    heldOut: Record<string, Row[]>;
  };
  const multilang = require('multilang-sentiment') as (text: string, lang: string) => { score: number };
  const english = lexiconFor('en')!;
  let apy: Awaited<ReturnType<typeof startApy>> | undefined;
  let engine: ApertiumProvider | undefined;
  if (apyInstalled()) {
    apy = await startApy();
    engine = new ApertiumProvider(apy.url);
  }
  const pairs = engine ? await engine.pairs() : null;

  const scorers: [string, (rows: Row[]) => Scorer][] = [
    ['majority', (rows) => () => majority(rows)],
    ['afinn-en only', () => (t) => sentimentLabel(scoreWith(english, t).score)],
    [
      'multilang-sent.',
      () => (t, l) => {
        const s = multilang(t, l).score;
        return s > 0 ? 'positive' : s < 0 ? 'negative' : 'neutral';
      },
    ],
    ['meridian', () => (t, l) => sentimentLabel(scoreText(t, l)!.score)],
    [
      'translate→en',
      () => async (t, l) => {
        if (!engine || l === 'en' || !pairs?.has(pairKey(l, 'en'))) return null;
        const r = await engine.translate({ text: t, source: l, target: 'en', format: 'text' });
        // Apertium marks unknown words *word; the star is not part of the word.
        return sentimentLabel(scoreWith(english, r.text.replace(/\*/g, '')).score);
      },
    ],
  ];

  try {
    for (const [set, rowsOf] of [
      ['development set (30 per language)', (l: string) => data[l]!],
      ['held-out set (10 per language)', (l: string) => data.heldOut[l]!],
    ] as const) {
      log(`\n${set}: accuracy (3 classes)`);
      log(`${'scorer'.padEnd(16)}${LANGUAGES.map((l) => l.padStart(8)).join('')}${'all'.padStart(8)}`);
      for (const [name, make] of scorers) {
        const cells: string[] = [];
        let right = 0;
        let total = 0;
        for (const l of LANGUAGES) {
          const rows = rowsOf(l);
          const scorer = make(rows);
          let ok = 0;
          let n = 0;
          for (const [text, label] of rows) {
            const p = await scorer(text, l);
            if (p === null) continue;
            n++;
            if (p === label) ok++;
          }
          right += ok;
          total += n;
          cells.push(n === 0 ? '–'.padStart(8) : `${((100 * ok) / n).toFixed(0)}%`.padStart(8));
        }
        log(`${name.padEnd(16)}${cells.join('')}${(total ? `${((100 * right) / total).toFixed(0)}%` : '–').padStart(8)}`);
      }
    }
    if (!engine) log('\n(translate→en skipped: Apertium APy is not installed)');
  } finally {
    apy?.stop();
  }
  return 0;
}
