/**
 * Inbound mail throughput over SMTP, beside a baseline measured in the same run.
 *
 *   npm run bench -- smtp [--n=N] [--rounds=R] [--concurrency=C] [--malformed=0.1]
 *
 * - meridian leg: the real server (`startServer`: migrations, jobs, outbox, the SMTP listener) on an
 *   embedded PGlite database in a temp dir; each message is answered 250 only after the ingest
 *   committed it (ledger row, raw bytes fsync'd to the blob store, conversation or quarantine).
 * - baseline leg: a bare smtp-server on loopback that reads each message and discards it: the cost
 *   of SMTP itself on this machine, with the same client.
 * Both legs get the same messages (10% malformed ones from the corpus by default) from one
 * nodemailer pool of C connections, alternating in rounds so background load falls on both.
 * Prints accepted messages/s per leg, latency percentiles, the ratio, and what ingest made of the
 * messages. The temp directory is removed at the end, also on error.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { Config } from '../../server/src/config.js';
import { createWorkspace } from '../../server/src/workspaces/create-workspace.js';
import { insertAddress } from '../../server/src/email/mail.repo.js';
import { newId } from '../../server/src/lib/ids.js';
import { startServer, type Running } from '../../server/src/server.js';
import { freePort } from '../../server/src/test/spawn-target.js';
import { makeMessages, type BenchMessage } from './workload.js';

const log = (s: string) => process.stdout.write(`${s}\n`);
const USAGE = 'usage: npm run bench -- smtp [--n=600] [--rounds=3] [--concurrency=8] [--malformed=0.1]';

interface Options {
  n: number;
  rounds: number;
  concurrency: number;
  malformed: number;
}

function parseArgs(args: string[]): Options {
  const o: Options = { n: 600, rounds: 3, concurrency: 8, malformed: 0.1 };
  for (const a of args) {
    const m = /^--(n|rounds|concurrency|malformed)=(\d+(\.\d+)?)$/.exec(a);
    if (!m) throw new Error(`unknown option ${a}\n${USAGE}`);
    o[m[1] as keyof Options] = Number(m[2]);
  }
  if (!Number.isInteger(o.n) || o.n < o.rounds || o.rounds < 1 || o.concurrency < 1 || o.malformed < 0 || o.malformed > 0.5) {
    throw new Error(`bad options\n${USAGE}`);
  }
  return o;
}

class Stats {
  accepted = 0;
  refused = 0;
  seconds = 0;
  readonly latencies: number[] = [];
  readonly rounds: number[] = [];
  get perSecond() {
    return this.accepted / this.seconds;
  }
  pct(p: number) {
    const l = [...this.latencies].sort((a, b) => a - b);
    return l.length ? l[Math.min(l.length - 1, Math.floor(p * l.length))]! : 0;
  }
}

/** Sends messages [from, to) over one pool of `concurrency` connections; adds to stats. */
async function drive(port: number, to: string, msgs: BenchMessage[], concurrency: number, stats: Stats): Promise<void> {
  const pool = nodemailer.createTransport({ host: '127.0.0.1', port, pool: true, maxConnections: concurrency, maxMessages: Infinity });
  let next = 0;
  const t0 = performance.now();
  let accepted = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < msgs.length) {
        const m = msgs[next++]!;
        const s = performance.now();
        try {
          const info = await pool.sendMail({ envelope: { from: m.from, to: [to] }, raw: m.raw });
          if (info.response.startsWith('250')) accepted++;
          else stats.refused++;
        } catch {
          stats.refused++;
        }
        stats.latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  pool.close();
  stats.accepted += accepted;
  stats.seconds += seconds;
  stats.rounds.push(accepted / seconds);
}

/** The baseline: smtp-server reading every message to its end and answering 250, storing nothing. */
async function discardServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    logger: false,
    disableReverseLookup: true,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: 25 * 1024 * 1024,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => callback(null, 'discarded'));
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.server.address() as net.AddressInfo).port, close: () => new Promise((r) => server.close(() => r())) };
}

export async function run(args: string[]): Promise<number> {
  let o: Options;
  try {
    o = parseArgs(args);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  const cpus = os.cpus();
  log(`machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), node ${process.version}; load ${os.loadavg()[0]!.toFixed(2)}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'meridian-bench-smtp-'));
  const run = randomBytes(3).toString('hex');
  const to = `support@bench-${run}.meridian.test`;
  let running: Running | undefined;
  let baseline: Awaited<ReturnType<typeof discardServer>> | undefined;
  try {
    const smtpPort = await freePort();
    const config: Config = {
      db: { kind: 'pglite', dataDir: path.join(dir, 'data') },
      port: 0,
      host: '127.0.0.1',
      bodyLimit: 1024 * 1024,
      sessionTtlMs: 3600_000,
      secureCookies: false,
      logLevel: 'silent',
      secretKey: randomBytes(32),
      secretKeyFile: '',
      providerAllowedHosts: [],
      smtpPort,
      smtpHost: '127.0.0.1',
      imapPollSeconds: 0,
      blobDir: path.join(dir, 'blobs'),
    };
    let workspaceId = '';
    running = await startServer(config, {
      beforeListen: async (db) => {
        const ws = await db.transaction((tx) => createWorkspace(tx, { slug: `bench-${run}`, name: 'SMTP bench' }, new Date()));
        workspaceId = ws.id;
        await db.transaction((tx) => insertAddress(tx, ws.id, { id: newId(), address: to, name: null, createdAt: new Date() }));
      },
    });
    baseline = await discardServer();

    // Both legs get their own copies of the same workload (Message-IDs differ per leg).
    const per = Math.floor(o.n / o.rounds);
    const meridianMsgs = makeMessages(per * o.rounds, o.malformed, `${run}m`, to);
    const baselineMsgs = makeMessages(per * o.rounds, o.malformed, `${run}b`, to);
    const malformed = meridianMsgs.filter((m) => m.malformed).length;
    log(
      `workload: ${per * o.rounds} messages per leg in ${o.rounds} rounds, ${malformed} malformed (corpus), concurrency ${o.concurrency}`,
    );
    // Warm-up (not counted): connections, JIT, the first PGlite pages.
    const warm = makeMessages(40, o.malformed, `${run}w`, to);
    await drive(smtpPort, to, warm, o.concurrency, new Stats());
    await drive(baseline.port, to, warm, o.concurrency, new Stats());

    const m = new Stats();
    const b = new Stats();
    for (let r = 0; r < o.rounds; r++) {
      const slice = (msgs: BenchMessage[]) => msgs.slice(r * per, (r + 1) * per);
      const legs: [() => Promise<void>, () => Promise<void>] = [
        () => drive(smtpPort, to, slice(meridianMsgs), o.concurrency, m),
        () => drive(baseline!.port, to, slice(baselineMsgs), o.concurrency, b),
      ];
      if (r % 2) legs.reverse();
      for (const leg of legs) await leg();
    }

    const { rows } = await running.db.query<{ outcome: string; n: number }>(
      `SELECT outcome, count(*)::int AS n FROM mail_messages WHERE workspace_id = $1 AND message_id_header LIKE $2 GROUP BY outcome ORDER BY outcome`,
      [workspaceId, `%bench-${run}m-%`],
    );
    log('');
    const fmt = (name: string, s: Stats) =>
      `${name.padEnd(32)} ${String(s.accepted).padStart(6)} ${String(s.refused).padStart(7)} ${s.seconds.toFixed(2).padStart(8)} ` +
      `${s.perSecond.toFixed(0).padStart(10)} ${s.pct(0.5).toFixed(1).padStart(7)} ${s.pct(0.99).toFixed(1).padStart(7)}   ${s.rounds.map((x) => x.toFixed(0)).join(' / ')}`;
    log(
      `${'leg'.padEnd(32)} ${'250s'.padStart(6)} ${'refused'.padStart(7)} ${'seconds'.padStart(8)} ${'accepted/s'.padStart(10)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}   per round`,
    );
    log(fmt('meridian (PGlite, ingest)', m));
    log(fmt('baseline (smtp-server, discard)', b));
    log('');
    log(
      `meridian/baseline: ${(m.perSecond / b.perSecond).toFixed(3)} (${m.perSecond.toFixed(0)} vs ${b.perSecond.toFixed(0)} accepted messages/s)`,
    );
    log(`ingest outcomes (meridian leg): ${rows.map((r) => `${r.outcome} ${r.n}`).join(', ')}`);
    const stored = rows.reduce((s, r) => s + r.n, 0);
    if (m.refused > 0 || stored !== m.accepted) {
      log(`FAIL: ${m.refused} refused; ${stored} stored for ${m.accepted} answered 250`);
      return 1;
    }
    log('OK: every message answered 250 is stored once');
    return 0;
  } finally {
    await baseline?.close();
    await running?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
