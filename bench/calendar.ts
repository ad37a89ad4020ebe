/**
 * Business-time additions per second: `npm run bench -- calendar [--n=N] [--baseline=N] [--rounds=N]`
 *
 * Calendar: Europe/Berlin, Mon–Fri 09:00–12:30 and 13:30–18:00 (split shift), Berlin's public
 * holidays (date-holidays DE-BE). Inputs: from instants spread over 2026 on whole minutes and
 * 1–4,800 business minutes (up to two working weeks), from a fixed seed.
 *
 *  - closed form: addBusinessTime (binary searches over precomputed intervals), warm — the years
 *    the inputs touch are expanded before timing — on this one thread (Node runs it on one core);
 *  - baseline: the same additions by walking minute by minute and asking isOpen, on the first
 *    --baseline inputs (it is thousands of times slower);
 * and checks both give the same due instant for every baseline input. Exits 1 when they differ
 * or the closed form misses TARGET_PER_SECOND.
 */
import os from 'node:os';
import {
  addBusinessTime,
  compileCalendar,
  isOpen,
  openings,
  type BusinessCalendar,
  type CalendarDefinition,
} from '../server/src/calendars/index.js';

export const TARGET_PER_SECOND = 1_000_000;
const MINUTE_MS = 60_000;
const log = (line: string): void => void process.stdout.write(`${line}\n`);

const DEFINITION: CalendarDefinition = {
  timeZone: 'Europe/Berlin',
  weekly: [
    { days: [1, 2, 3, 4, 5], start: '09:00', end: '12:30' },
    { days: [1, 2, 3, 4, 5], start: '13:30', end: '18:00' },
  ],
  holidays: { country: 'DE', subdivision: 'BE' },
};

interface Options {
  n: number;
  baseline: number;
  rounds: number;
}

function parseArgs(args: string[]): Options {
  const opts: Options = { n: 2_000_000, baseline: 2_000, rounds: 5 };
  for (const a of args) {
    const m = /^--(n|baseline|rounds)=(\d+)$/.exec(a);
    if (!m || Number(m[2]) < 1) throw new Error(`bad option ${a}; use --n=N --baseline=N --rounds=N`);
    opts[m[1] as keyof Options] = Number(m[2]);
  }
  return opts;
}

/** The same pseudo-random inputs on every run (an LCG is plenty for spreading instants). */
function inputs(count: number): { from: Date[]; minutes: Int32Array } {
  let seed = 20260101;
  const rand = (): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const start = Date.UTC(2026, 0, 1);
  const yearMinutes = 365 * 24 * 60;
  const from: Date[] = [];
  const minutes = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    from.push(new Date(start + Math.floor(rand() * yearMinutes) * MINUTE_MS));
    minutes[i] = 1 + Math.floor(rand() * 4800);
  }
  return { from, minutes };
}

/** The naive way: step a minute at a time, counting the open ones. */
function addByMinuteSteps(cal: BusinessCalendar, from: Date, minutes: number): Date {
  let t = from.getTime();
  let left = minutes;
  while (left > 0) {
    if (isOpen(cal, new Date(t))) left--;
    t += MINUTE_MS;
  }
  return new Date(t);
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    log('calendar: business-time additions per second, closed form versus minute stepping.');
    log('usage: npm run bench -- calendar [--n=2000000] [--baseline=2000] [--rounds=5]');
    return 0;
  }
  const opts = parseArgs(args);
  const cpus = os.cpus();
  log(`machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), node ${process.version}, one thread`);
  log('calendar: Europe/Berlin, Mon–Fri 09:00–12:30 + 13:30–18:00, public holidays DE-BE');

  // Expand 2026 and the months after it that two working weeks from late December reach.
  const expand = (): { cal: BusinessCalendar; ms: number; openings: number } => {
    const start = performance.now();
    const cal = compileCalendar(DEFINITION);
    const n = openings(cal, new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2027, 2, 1))).length;
    return { cal, ms: performance.now() - start, openings: n };
  };
  const first = expand();
  const again = expand(); // library loaded and holiday years cached: what every later calendar costs
  log(
    `compile + expand 14 months: ${first.ms.toFixed(1)} ms the first time (loads date-holidays), ${again.ms.toFixed(1)} ms after; ${again.openings} openings`,
  );
  const cal = again.cal;
  let t0 = 0;

  const inputCount = 1 << 16;
  const { from, minutes } = inputs(inputCount);
  const mask = inputCount - 1;
  const due: (Date | null)[] = new Array<Date | null>(inputCount).fill(null);
  for (let i = 0; i < inputCount; i++) due[i] = addBusinessTime(cal, from[i]!, minutes[i]!); // warm-up

  const rates: number[] = [];
  let sink = 0;
  for (let r = 0; r < opts.rounds; r++) {
    t0 = performance.now();
    for (let i = 0; i < opts.n; i++) sink += addBusinessTime(cal, from[i & mask]!, minutes[i & mask]!)!.getTime() & 1;
    rates.push(opts.n / ((performance.now() - t0) / 1000));
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)]!;

  const k = Math.min(opts.baseline, inputCount);
  t0 = performance.now();
  let mismatches = 0;
  for (let i = 0; i < k; i++) {
    const slow = addByMinuteSteps(cal, from[i]!, minutes[i]!);
    if (slow.getTime() !== due[i]?.getTime()) {
      if (++mismatches <= 5) {
        log(`MISMATCH ${from[i]!.toISOString()} + ${minutes[i]} min: closed form ${due[i]?.toISOString()}, stepping ${slow.toISOString()}`);
      }
    }
  }
  const baseRate = k / ((performance.now() - t0) / 1000);

  log('');
  log(
    `closed form:    ${median.toFixed(0).padStart(10)} additions/s (median of ${opts.rounds} rounds × ${opts.n}; ${rates.map((x) => (x / 1e6).toFixed(2)).join(' / ')} M/s)`,
  );
  log(`minute steps:   ${baseRate.toFixed(0).padStart(10)} additions/s (${k} additions)`);
  log(`speed-up:       ${(median / baseRate).toFixed(0)}×`);
  log(`agreement:      ${k - mismatches}/${k} due instants identical`);
  const met = median >= TARGET_PER_SECOND;
  log(`target:         ≥ ${TARGET_PER_SECOND.toLocaleString('en-US')} additions/s — ${met ? 'met' : 'NOT met'}`);
  if (sink < 0) log(String(sink)); // keeps the timed loop's results alive
  return met && mismatches === 0 ? 0 : 1;
}
