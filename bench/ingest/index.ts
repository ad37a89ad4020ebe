/**
 * Acceptance item 7: ingest throughput, end to end versus bare SQL, in one run.
 *
 *   npm run bench -- ingest [--n=N] [--warmup=N] [--rounds=N] [--concurrency=N] [--engine=postgres|pglite|both]
 *
 * Per engine:
 *  - API leg: the real server (`startServer`: migrations, pg-boss jobs and the outbox, as
 *    `meridian start` runs it) on port 0, and N × POST /api/v1/conversations over real HTTP
 *    (node:http, keep-alive) at a fixed concurrency; each a new customer (by email), a subject and
 *    a first message of ~150–330 characters in one of ten languages.
 *  - Baseline leg: exactly the rows one such request writes (customer, email identity,
 *    conversation, message, two outbox events, two audit entries), inserted with bare
 *    parameterised SQL, one statement per row, one transaction per item, over the same driver
 *    (a `pg` Pool of the server's pool size; a PGlite instance) at the same concurrency.
 * Each leg has its own database, so the server's outbox and pg-boss only see the API's rows, and
 * the legs alternate in rounds (A B, B A, …) so that other load on the machine falls on both.
 * After the run the two databases are compared row for row (counts per table, event type, audit
 * action): the comparison is void if the legs wrote different rows.
 *
 * Prints messages/s per leg and the api/baseline ratio, and exits 1 when PostgreSQL's ratio is
 * below TARGET_RATIO (or PostgreSQL cannot be reached). The `meridian_bench_*` databases are
 * dropped and the PGlite directory removed at the end, also on error or Ctrl-C.
 *
 * Files: options.ts (flags), workload.ts (the items), legs.ts (driving and measuring a leg),
 * baseline.ts (the bare-SQL rows), engines.ts (one engine's two legs), report.ts (the output).
 */
import os from 'node:os';
import { PG_ADMIN_URL } from '../../server/src/test/pg-admin.js';
import { Cleanup } from './cleanup.js';
import { benchPglite, benchPostgres, log, postgresUnreachable, type EngineResult } from './engines.js';
import { parseArgs, specFor, UsageError, USAGE, type Options } from './options.js';
import { printResults, verdict } from './report.js';
import { describeWorkload } from './workload.js';

export { TARGET_RATIO } from './report.js';

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    log(`ingest: conversations per second through the HTTP API versus bare SQL, on PostgreSQL and PGlite.\n${USAGE}`);
    return 0;
  }
  let opts: Options;
  try {
    opts = parseArgs(args);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }

  const cpus = os.cpus();
  const loadBefore = os.loadavg()[0]!;
  log(
    `machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}, ${os.platform()} ${os.release()}`,
  );
  log(describeWorkload());

  const cleanup = new Cleanup();
  const onSignal = (sig: NodeJS.Signals) => {
    process.stderr.write(`\n${sig}: cleaning up…\n`);
    setTimeout(() => process.exit(130), 20_000).unref();
    void cleanup.runAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const results: EngineResult[] = [];
  let pgSkipped: string | undefined;
  try {
    for (const engine of opts.engines) {
      const spec = specFor(engine, opts);
      if (engine === 'postgres') {
        const why = await postgresUnreachable();
        if (why) {
          pgSkipped = `PostgreSQL not reachable at ${PG_ADMIN_URL.replace(/\/\/[^@/]*@/, '//…@')}: ${why}`;
          log(`postgres: SKIPPED — ${pgSkipped}`);
          continue;
        }
        results.push(await benchPostgres(spec, opts, cleanup));
      } else {
        results.push(await benchPglite(spec, opts, cleanup));
      }
    }
  } finally {
    await cleanup.runAll();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  printResults(results, loadBefore, cpus.length);
  return verdict(results, opts.engines, pgSkipped);
}
