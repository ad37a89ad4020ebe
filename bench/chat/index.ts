/**
 * Acceptance 6 of issue 6: a thousand widget sockets chatting, delivery to the agent stream, beside a
 * bare `ws` echo baseline measured in the same run.
 *
 *   npm run bench -- chat [--visitors=1000] [--rounds=3] [--rate=20] [--warmup=20] [--seed=1] [--engine=pglite|postgres]
 *                         [--acks] [--trace-sql]
 *
 * - This process runs the servers: Meridian as `meridian start` runs it (`startServer`: migrations,
 *   pg-boss jobs, the outbox processor feeding the realtime hub; embedded PGlite in a temp dir by
 *   default), with the widget's per-IP limits lifted because every socket comes from 127.0.0.1; and a
 *   bare `ws` WebSocketServer that echoes each frame.
 * - A forked child process (clients.ts) runs every client: one agent on /api/v1/stream, then per
 *   visitor POST /api/v1/widget/sessions, the widget socket, hello → welcome; all stay open while
 *   each visitor sends one message per round at a random moment of it (visitors / rate seconds a
 *   round). The default pace, 20 msg/s over 1,000 open chats, is one message per visitor every 50 s;
 *   the first round opens every visitor's conversation, the others continue them. Latencies are taken in the child on one clock: send → ack, and send → the message's
 *   event (conversation.created for a first message, message.created after) on the agent stream.
 * - The baseline leg: the same number of sockets and the same schedule against the echo server,
 *   send → echo.
 * Auto-acknowledgements are off unless --acks (as in the ingest bench: background work, measured by
 * the eta bench). --trace-sql prints the server's statements by total time during the Meridian leg.
 * Exits 1 when a message was lost, acked or delivered twice, a socket dropped, or delivery p99
 * misses the target.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { saveAckSettings } from '../../server/src/acks/acks.repo.js';
import { DEFAULT_WINDOW_MINUTES } from '../../server/src/acks/rate-limit.js';
import { createToken } from '../../server/src/auth/create-token.js';
import type { Config } from '../../server/src/config.js';
import { startServer, type Running } from '../../server/src/server.js';
import { adminQuery, PG_ADMIN_URL, urlFor } from '../../server/src/test/pg-admin.js';
import { createWorkspace } from '../../server/src/workspaces/create-workspace.js';
import { Cleanup } from '../ingest/cleanup.js';
import { benchConfig, dropDatabase, postgresUnreachable } from '../ingest/engines.js';
import type { LegRequest, LegResult, TrafficParams } from './clients.js';
import { traceSql } from './trace-sql.js';

/** Acceptance 6: p99 from the visitor's send to the event on the agent stream. */
export const TARGET_P99_MS = 50;

const log = (s: string) => process.stdout.write(`${s}\n`);
const USAGE =
  'usage: npm run bench -- chat [--visitors=1000] [--rounds=3] [--rate=20] [--warmup=20] [--seed=1] [--engine=pglite|postgres] [--acks] [--trace-sql]';

interface Options extends Omit<TrafficParams, 'tag'> {
  engine: 'pglite' | 'postgres';
  traceSql: boolean;
  acks: boolean;
}

function parseArgs(args: string[]): Options {
  const o: Options = { visitors: 1000, rounds: 3, rate: 20, warmup: 20, seed: 1, engine: 'pglite', traceSql: false, acks: false };
  for (const a of args) {
    if (a === '--trace-sql' || a === '--acks') {
      o[a === '--acks' ? 'acks' : 'traceSql'] = true;
      continue;
    }
    const m = /^--([a-z]+)=(.+)$/.exec(a);
    if (m?.[1] === 'engine' && (m[2] === 'pglite' || m[2] === 'postgres')) o.engine = m[2];
    else if (m && ['visitors', 'rounds', 'rate', 'warmup', 'seed'].includes(m[1]!) && /^\d+$/.test(m[2]!)) {
      o[m[1] as 'visitors' | 'rounds' | 'rate' | 'warmup' | 'seed'] = Number(m[2]);
    } else throw new Error(`bad option ${a}\n${USAGE}`);
  }
  if (o.visitors < 1 || o.rounds < 1 || o.rate < 1 || o.warmup < 1) throw new Error(`bad options\n${USAGE}`);
  return o;
}

/** Nearest-rank percentile. */
export function pct(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
}

/** What the server process did while a leg ran: its CPU, its event-loop delay, sockets it held at most. */
function serverProbe(sockets: () => number) {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu = process.cpuUsage();
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, sockets())), 25);
  return () => {
    clearInterval(timer);
    loop.disable();
    const c = process.cpuUsage(cpu);
    return { cpuMs: (c.user + c.system) / 1000, loopP99Ms: loop.percentile(99) / 1e6, peakSockets: peak };
  };
}

function startClients(): { ask: (req: LegRequest) => Promise<LegResult>; stop: () => void } {
  const child: ChildProcess = fork(fileURLToPath(new URL('./clients.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = (req: LegRequest) =>
    new Promise<LegResult>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the client process exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (m: { result?: LegResult; error?: string }) => {
        child.off('exit', onExit);
        if (m.result) resolve(m.result);
        else reject(new Error(`client process: ${m.error}`));
      });
      child.send(req);
    });
  return { ask, stop: () => child.kill() };
}

async function startMeridian(o: Options, dir: string, cleanup: Cleanup) {
  let db: Config['db'] = { kind: 'pglite', dataDir: path.join(dir, 'data') };
  if (o.engine === 'postgres') {
    const why = await postgresUnreachable();
    if (why) throw new Error(`PostgreSQL not reachable at ${PG_ADMIN_URL.replace(/\/\/[^@/]*@/, '//…@')}: ${why}`);
    const name = `meridian_bench_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    cleanup.add(`drop database ${name}`, () => dropDatabase(name));
    db = { kind: 'postgres', url: urlFor(name) };
  }
  // The ingest bench's server settings, with this run's blob directory and no IMAP polling.
  const config: Config = { ...benchConfig(db), imapPollSeconds: 0, blobDir: path.join(dir, 'blobs') };
  let tokens!: { admin: string; agent: string };
  const lifted = { capacity: 1_000_000, refillPerSecond: 1_000_000 };
  const running: Running = await startServer(config, {
    // All the bench's sockets come from 127.0.0.1: per-IP limits would stop it at 30; per-visitor limits stay as shipped.
    widgetLimits: { ipRequests: lifted, ipSockets: lifted },
    beforeListen: async (d) => {
      tokens = await d.transaction(async (tx) => {
        const at = new Date();
        const ws = await createWorkspace(tx, { slug: `bench-chat-${randomBytes(3).toString('hex')}`, name: 'Chat bench' }, at);
        const admin = await createToken(tx, ws.id, { name: 'bench admin', role: 'admin' }, at);
        const agent = await createToken(tx, ws.id, { name: 'bench agent', role: 'agent' }, at);
        // As in the ingest bench: acknowledgements are background work with a bench of their own (eta); --acks keeps them.
        if (!o.acks) await saveAckSettings(tx, ws.id, { enabled: false, windowMinutes: DEFAULT_WINDOW_MINUTES }, at);
        return { admin: admin.secret, agent: agent.secret };
      });
    },
  });
  cleanup.add('stop Meridian', () => running.stop());
  const res = await fetch(`${running.url}/api/v1/widget/settings`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ enabled: true }),
  });
  if (res.status !== 200) throw new Error(`PUT /api/v1/widget/settings answered ${res.status}: ${await res.text()}`);
  const { publicKey } = (await res.json()) as { publicKey: string };
  const { rows } = await running.db.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  return { running, key: publicKey, agentToken: tokens.agent, version: rows[0]?.v ?? '?' };
}

async function startEcho(cleanup: Cleanup): Promise<{ url: string; wss: WebSocketServer }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  wss.on('connection', (ws) => ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary })));
  await new Promise<void>((r) => wss.once('listening', () => r()));
  cleanup.add('close echo server', () => new Promise<void>((r) => wss.close(() => r())));
  return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, wss };
}

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');

function row(name: string, xs: number[], seconds: number): string {
  const cols = [pct(xs, 0.5), pct(xs, 0.95), pct(xs, 0.99), xs.length ? Math.max(...xs) : NaN].map((x) => f1(x).padStart(8));
  return `${name.padEnd(46)} ${String(xs.length).padStart(6)} ${cols.join('')} ${(xs.length / seconds).toFixed(0).padStart(8)}`;
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
  log(
    `machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), node ${process.version}; load ${os.loadavg()[0]!.toFixed(2)} before the run`,
  );
  log(
    'measured: servers in this process (Meridian, then a bare ws echo server); all clients in a forked child process ' +
      '(its own event loop and core), on 127.0.0.1, latencies on the child’s clock',
  );
  const cleanup = new Cleanup();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'meridian-bench-chat-'));
  cleanup.add(`remove ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  const clients = startClients();
  cleanup.add('stop the client process', () => clients.stop());
  try {
    const traffic: TrafficParams = { ...o, tag: randomBytes(3).toString('hex') };
    const roundS = o.visitors / o.rate;
    log(
      `workload: ${o.visitors} visitor sockets held open; ${o.rounds} rounds of ${roundS.toFixed(1)} s, each visitor sending one message ` +
        `at a random moment of each round (${o.rate} msg/s on average, ${o.visitors * o.rounds} messages); ${o.warmup} more visitors warm up first`,
    );
    const m = await startMeridian(o, dir, cleanup);
    const engine = o.engine === 'pglite' ? `PGlite (PostgreSQL ${m.version})` : `PostgreSQL ${m.version}`;
    const echo = await startEcho(cleanup);

    log(`baseline: ${o.visitors} sockets on a bare ws echo server…`);
    let probe = serverProbe(() => echo.wss.clients.size);
    const b = await clients.ask({ leg: 'echo', url: echo.url, traffic });
    const bs = probe();
    log(`meridian: ${engine}, ${o.visitors} widget sockets and one agent stream…`);
    const wss = (m.running.app as unknown as { websocketServer: WebSocketServer }).websocketServer;
    const trace = o.traceSql ? traceSql(m.running.db) : undefined;
    probe = serverProbe(() => wss.clients.size);
    const r = await clients.ask({ leg: 'meridian', base: m.running.url, key: m.key, agentToken: m.agentToken, traffic });
    const ms = probe();
    if (trace) log(`\nSQL during the meridian leg (setup included):\n${trace.report()}`);

    const delivery = [...r.deliveryNewMs, ...r.deliveryFollowMs];
    const expected = o.visitors * o.rounds;
    log('');
    log(
      `${'latency, ms'.padEnd(46)} ${'n'.padStart(6)} ${'p50'.padStart(8)}${'p95'.padStart(8)}${'p99'.padStart(8)}${'max'.padStart(8)} ${'msg/s'.padStart(8)}`,
    );
    log(row('baseline: bare ws echo round trip', b.ackMs, b.seconds));
    log(row('meridian: send → ack (stored)', r.ackMs, r.seconds));
    log(row('meridian: send → agent stream, all', delivery, r.seconds));
    log(row('  first message (conversation.created)', r.deliveryNewMs, r.seconds));
    log(row('  follow-ups (message.created)', r.deliveryFollowMs, r.seconds));
    log('');
    log(
      `sockets open at peak: baseline ${b.peakOpen} (server saw ${bs.peakSockets}); meridian ${r.peakOpen} widget + 1 agent ` +
        `(server saw ${ms.peakSockets}, warm-up sockets included); dropped early: baseline ${b.closedEarly}, meridian ${r.closedEarly}`,
    );
    log(
      `messages: ${expected} sent per leg; baseline echoed ${b.acked}; meridian acked ${r.acked}, on the agent stream ${delivery.length}, ` +
        `twice ${r.duplicates}; error frames ${JSON.stringify(r.errors)}` +
        (r.acked < expected || delivery.length < expected
          ? ' (the missing ones were still queued when the bench stopped waiting, 60 s after the last send)'
          : ''),
    );
    log(
      `CPU during the traffic: server process ${(ms.cpuMs / 1000).toFixed(1)} s over ${r.seconds.toFixed(1)} s (event-loop delay p99 ${f1(ms.loopP99Ms)} ms), ` +
        `client process ${(r.clientCpuMs / 1000).toFixed(1)} s (event-loop delay p99 ${f1(r.clientLoopP99Ms)} ms); ` +
        `baseline: server ${(bs.cpuMs / 1000).toFixed(1)} s, client ${(b.clientCpuMs / 1000).toFixed(1)} s; load ${os.loadavg()[0]!.toFixed(2)} after`,
    );
    const p99 = pct(delivery, 0.99);
    const lost = expected - r.acked + (expected - delivery.length) + (expected - b.acked);
    const met = p99 <= TARGET_P99_MS;
    log('');
    log(
      `target: delivery p99 ≤ ${TARGET_P99_MS} ms to the agent stream — ${met ? 'MET' : 'NOT MET'} (${f1(p99)} ms; ` +
        `echo baseline p50 ${f1(pct(b.ackMs, 0.5))} / p99 ${f1(pct(b.ackMs, 0.99))} ms)`,
    );
    const clean = lost === 0 && r.duplicates === 0 && r.closedEarly === 0 && b.closedEarly === 0 && Object.keys(r.errors).length === 0;
    log(
      clean
        ? 'OK: every message acked once and delivered to the agent stream exactly once; no socket dropped'
        : 'FAIL: see the counts above',
    );
    return clean && met ? 0 : 1;
  } finally {
    await cleanup.runAll();
  }
}
