/** The ingest bench's output: the table per engine and leg, the per-round detail, and the verdict. */
import type { Engine } from '../../server/src/db/types.js';
import { log, type EngineResult } from './engines.js';
import type { LegStats } from './legs.js';

export const TARGET_RATIO = 0.5;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
}

/** Prints the results; `loadBefore` is the 1-minute load average before the run, on `cpuCount` CPUs. */
export function printResults(results: EngineResult[], loadBefore: number, cpuCount: number): void {
  log('');
  const rows = [
    ['engine', 'leg', 'N', 'seconds', 'messages/s', 'p50 ms', 'p99 ms', 'loop busy', 'node CPU ms/msg', 'db CPU ms/msg', 'api/baseline'],
  ];
  for (const r of results) {
    const ratio = r.api.perSecond / r.baseline.perSecond;
    for (const [leg, x] of [
      ['api (HTTP)', r.api],
      ['baseline (SQL)', r.baseline],
    ] as const) {
      const db = x.dbCpuMs();
      rows.push([
        r.engine,
        leg,
        String(x.n),
        x.seconds.toFixed(2),
        x.perSecond.toFixed(0),
        x.pct(0.5).toFixed(1),
        x.pct(0.99).toFixed(1),
        `${(x.loopBusy() * 100).toFixed(0)}%`,
        x.cpuMs().toFixed(2),
        db === undefined ? '-' : db.toFixed(2),
        leg.startsWith('api') ? ratio.toFixed(2) : '',
      ]);
    }
  }
  log(table(rows));
  log('');
  for (const r of results) {
    const rounds = (s: LegStats) => s.rounds.map((x) => x.toFixed(0)).join(' / ');
    const pairs = r.api.rounds.map((a, i) => a / r.baseline.rounds[i]!).sort((a, b) => a - b);
    const median = pairs.length % 2 ? pairs[(pairs.length - 1) / 2]! : (pairs[pairs.length / 2 - 1]! + pairs[pairs.length / 2]!) / 2;
    log(`${r.engine}: ${r.version}; concurrency ${r.concurrency}, pool ${r.poolSize}`);
    log(`${r.engine}: messages/s per round: api ${rounds(r.api)}; baseline ${rounds(r.baseline)}`);
    log(`${r.engine}: api/baseline per round: ${pairs[0]!.toFixed(2)}–${pairs[pairs.length - 1]!.toFixed(2)}, median ${median.toFixed(2)}`);
    log(`${r.engine}: rows per leg ${r.rowsMatch ? 'identical' : 'DIFFER'}: ${r.apiRows}`);
    if (!r.rowsMatch) log(`${r.engine}: baseline wrote ${r.baseRows}`);
  }
  log(
    'loop busy = share of the time this process’s event loop was busy; node CPU = this process (the server and its HTTP client for ' +
      'the API leg, the driver for the baseline, PGlite itself); db CPU = the PostgreSQL backends of that leg’s database (pg-boss’s included).',
  );
  log(
    `load average before the run: ${loadBefore.toFixed(2)} on ${cpuCount} CPUs` +
      (loadBefore > cpuCount / 2 ? ' — other work was running; expect noise (the per-round ratios show how much)' : ''),
  );
}

/**
 * Prints the verdict and returns the exit code: 1 when the legs wrote different rows, or when
 * PostgreSQL was asked for and its api/baseline ratio is below TARGET_RATIO or it was `pgSkipped`.
 */
export function verdict(results: EngineResult[], engines: Engine[], pgSkipped: string | undefined): number {
  let code = 0;
  if (results.some((r) => !r.rowsMatch)) {
    log('FAIL: the two legs wrote different rows, so the comparison is invalid.');
    code = 1;
  }
  const pgr = results.find((r) => r.engine === 'postgres');
  if (pgr) {
    const ratio = pgr.api.perSecond / pgr.baseline.perSecond;
    if (ratio < TARGET_RATIO) {
      log(
        `FAIL: on PostgreSQL the API reached ${(ratio * 100).toFixed(0)}% of the bare-SQL baseline; the target is at least ${TARGET_RATIO * 100}%.`,
      );
      code = 1;
    } else {
      log(`OK: on PostgreSQL the API reached ${(ratio * 100).toFixed(0)}% of the bare-SQL baseline (target ≥ ${TARGET_RATIO * 100}%).`);
    }
  } else if (engines.includes('postgres')) {
    log(`FAIL: the PostgreSQL target could not be checked (${pgSkipped ?? 'no result'}).`);
    code = 1;
  }
  return code;
}
