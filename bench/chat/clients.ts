/**
 * The chat bench's client side, run in a child process of its own (`fork`): a thousand sockets and
 * their JSON parsing must not share an event loop, or a core's worth of time, with the server they
 * measure. The parent sends one `LegRequest` per leg and gets a `LegResult` back over IPC.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { ServerFrame, SessionResponse } from '../../server/src/widget/protocol.js';
import { makeWorkload, type Send, type Workload } from './workload.js';

export interface TrafficParams {
  visitors: number;
  rounds: number;
  rate: number;
  seed: number;
  tag: string;
  warmup: number;
}

export type LegRequest =
  | { leg: 'echo'; url: string; traffic: TrafficParams }
  | { leg: 'meridian'; base: string; key: string; agentToken: string; traffic: TrafficParams };

export interface LegResult {
  leg: 'echo' | 'meridian';
  /** Sockets open at once, at most (visitors only; the agent stream is one more). */
  peakOpen: number;
  /** Visitor sockets that closed before the bench closed them. */
  closedEarly: number;
  sent: number;
  /** Acks (Meridian) or echoes (baseline), one per message expected. */
  acked: number;
  ackMs: number[];
  /** Meridian: send → the inbound message's event on the agent stream; new conversations and follow-ups. */
  deliveryNewMs: number[];
  deliveryFollowMs: number[];
  /** Messages whose event reached the agent stream more than once. */
  duplicates: number;
  errors: Record<string, number>;
  /** From the first send to the last ack or delivery. */
  seconds: number;
  /** Client process CPU (user + system) during the traffic, ms, and its event-loop delay p99. */
  clientCpuMs: number;
  clientLoopP99Ms: number;
}

const SETUP_CONCURRENCY = 32;
const SETTLE_TIMEOUT_MS = 60_000;
/** After everything arrived: how long to keep listening for a second delivery of the same event. */
const DUPLICATE_WATCH_MS = 1_500;

const log = (s: string) => process.stdout.write(`  [clients] ${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function pool<T>(n: number, concurrency: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array<T>(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await fn(i);
      }
    }),
  );
  return out;
}

function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`socket upgrade answered ${res.statusCode}`)));
  });
}

/** Sends each item at its time (one timer at a time; latencies count from the real send). */
async function playSchedule(sends: Send[], send: (s: Send) => void): Promise<void> {
  const t0 = performance.now();
  let i = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now() - t0;
      while (i < sends.length && sends[i]!.at <= now) send(sends[i++]!);
      if (i >= sends.length) return resolve();
      setTimeout(tick, Math.max(0, sends[i]!.at - (performance.now() - t0)));
    };
    tick();
  });
}

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!done() && performance.now() < end) await sleep(10);
}

/** Shared bookkeeping of one leg: open sockets, send times, acks, errors, client CPU. */
class Tally {
  open = 0;
  peakOpen = 0;
  closing = false;
  closedEarly = 0;
  readonly sentAt = new Map<string, number>();
  readonly ackAt = new Map<string, number>();
  /** clientId → stored message id (Meridian). */
  readonly messageOf = new Map<string, string>();
  readonly errors: Record<string, number> = {};
  firstSend = 0;
  lastArrival = 0;
  private cpu = process.cpuUsage();
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });

  track(ws: WebSocket): void {
    this.peakOpen = Math.max(this.peakOpen, ++this.open);
    ws.on('close', () => {
      this.open--;
      if (!this.closing) this.closedEarly++;
    });
  }
  error(code: string): void {
    this.errors[code] = (this.errors[code] ?? 0) + 1;
  }
  startTraffic(): void {
    this.cpu = process.cpuUsage();
    this.loop.reset();
    this.loop.enable();
    this.firstSend = performance.now();
  }
  sent(clientId: string): void {
    this.sentAt.set(clientId, performance.now());
  }
  acked(clientId: string, messageId?: string): void {
    if (this.ackAt.has(clientId)) return this.error('second_ack');
    const now = performance.now();
    this.ackAt.set(clientId, now);
    this.lastArrival = Math.max(this.lastArrival, now);
    if (messageId) this.messageOf.set(clientId, messageId);
  }
  finish(sends: Send[]): Omit<LegResult, 'leg' | 'deliveryNewMs' | 'deliveryFollowMs' | 'duplicates'> {
    this.loop.disable();
    const cpu = process.cpuUsage(this.cpu);
    const ackMs: number[] = [];
    for (const s of sends) {
      const a = this.ackAt.get(s.clientId);
      if (a !== undefined) ackMs.push(a - this.sentAt.get(s.clientId)!);
    }
    return {
      peakOpen: this.peakOpen,
      closedEarly: this.closedEarly,
      sent: this.sentAt.size,
      acked: ackMs.length,
      ackMs,
      errors: this.errors,
      seconds: (this.lastArrival - this.firstSend) / 1000,
      clientCpuMs: (cpu.user + cpu.system) / 1000,
      clientLoopP99Ms: this.loop.percentile(99) / 1e6,
    };
  }
}

/** The baseline: the same sockets and schedule against a bare `ws` echo server. */
async function echoLeg(url: string, wl: Workload, warm: Workload): Promise<LegResult> {
  const t = new Tally();
  const connect = async (): Promise<WebSocket> => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    await opened(ws);
    t.track(ws);
    ws.on('message', (data) => {
      const f = JSON.parse(String(data)) as { clientId: string };
      if (t.sentAt.has(f.clientId)) t.acked(f.clientId);
    });
    return ws;
  };
  const warmSockets = await pool(warm.visitors.length, SETUP_CONCURRENCY, connect);
  for (const s of warm.sends) warmSockets[s.visitor]!.send(JSON.stringify({ t: 'send', clientId: s.clientId, text: s.text }));
  const sockets = await pool(wl.visitors.length, SETUP_CONCURRENCY, connect);
  t.startTraffic();
  await playSchedule(wl.sends, (s) => {
    t.sent(s.clientId);
    sockets[s.visitor]!.send(JSON.stringify({ t: 'send', clientId: s.clientId, text: s.text }));
  });
  await until(() => t.ackAt.size >= wl.sends.length, SETTLE_TIMEOUT_MS);
  const r = t.finish(wl.sends);
  t.closing = true;
  for (const ws of [...warmSockets, ...sockets]) ws.close();
  return { leg: 'echo', ...r, deliveryNewMs: [], deliveryFollowMs: [], duplicates: 0 };
}

/**
 * Meridian: one agent on the stream, then a visitor per socket (session over HTTP, socket, hello,
 * welcome), then the schedule. Each message is matched to its event on the agent stream by the
 * message id its ack carried: conversation.created for a visitor's first message, message.created after.
 */
async function meridianLeg(req: Extract<LegRequest, { leg: 'meridian' }>, wl: Workload, warm: Workload): Promise<LegResult> {
  const t = new Tally();
  const wsBase = req.base.replace(/^http/, 'ws');
  const events = new Map<string, { at: number; n: number; type: string }>();
  const agent = new WebSocket(`${wsBase}/api/v1/stream`, {
    headers: { authorization: `Bearer ${req.agentToken}` },
    perMessageDeflate: false,
  });
  const hello = new Promise<void>((resolve) => agent.once('message', () => resolve()));
  agent.on('message', (data) => {
    const ev = JSON.parse(String(data)) as { type: string; payload?: { messageId?: string; direction?: string } };
    if (ev.type !== 'message.created' && ev.type !== 'conversation.created') return;
    const id = ev.payload?.messageId;
    if (!id || ev.payload?.direction !== 'inbound') return;
    const now = performance.now();
    const seen = events.get(id);
    if (seen) seen.n++;
    else events.set(id, { at: now, n: 1, type: ev.type });
    t.lastArrival = Math.max(t.lastArrival, now);
  });
  await opened(agent);
  await hello;

  const connect = async (i: number, visitors: Workload['visitors']): Promise<WebSocket> => {
    const v = visitors[i]!;
    const res = await fetch(`${req.base}/api/v1/widget/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: req.key, locale: v.locale, timeZone: v.timeZone }),
    });
    if (res.status !== 200) throw new Error(`POST /api/v1/widget/sessions answered ${res.status}: ${await res.text()}`);
    const session = (await res.json()) as SessionResponse;
    const ws = new WebSocket(`${wsBase}/api/v1/widget/socket?key=${req.key}`, { perMessageDeflate: false });
    await opened(ws);
    t.track(ws);
    const welcome = new Promise<void>((resolve, reject) => {
      ws.once('message', (data) => {
        const f = JSON.parse(String(data)) as ServerFrame;
        if (f.t === 'welcome') resolve();
        else reject(new Error(`expected welcome, got ${String(data)}`));
      });
      ws.once('close', (code, why) => reject(new Error(`socket closed before welcome: ${code} ${String(why)}`)));
    });
    ws.on('message', (data) => {
      const f = JSON.parse(String(data)) as ServerFrame;
      if (f.t === 'ack' && t.sentAt.has(f.clientId)) t.acked(f.clientId, f.message.id);
      else if (f.t === 'error') t.error(f.code);
    });
    ws.send(JSON.stringify({ t: 'hello', visitorToken: session.visitorToken, since: null }));
    await welcome;
    return ws;
  };

  // Warm-up (not measured): sessions, sockets, conversation creation, language detection's model.
  const warmSockets = await pool(warm.visitors.length, SETUP_CONCURRENCY, (i) => connect(i, warm.visitors));
  for (const s of warm.sends) {
    const ws = warmSockets[s.visitor]!;
    const acked = new Promise<void>((resolve) => {
      const on = (data: WebSocket.RawData) => {
        if (String(data).includes(s.clientId)) {
          ws.off('message', on);
          resolve();
        }
      };
      ws.on('message', on);
    });
    ws.send(JSON.stringify({ t: 'send', clientId: s.clientId, text: s.text }));
    await acked;
  }

  const setup = performance.now();
  const sockets = await pool(wl.visitors.length, SETUP_CONCURRENCY, (i) => connect(i, wl.visitors));
  log(`${sockets.length} visitors: session, socket, hello and welcome in ${((performance.now() - setup) / 1000).toFixed(1)} s; sending…`);
  t.startTraffic();
  await playSchedule(wl.sends, (s) => {
    t.sent(s.clientId);
    sockets[s.visitor]!.send(JSON.stringify({ t: 'send', clientId: s.clientId, text: s.text }));
  });
  const delivered = () => [...t.messageOf.values()].filter((id) => events.has(id)).length;
  await until(() => t.ackAt.size >= wl.sends.length && delivered() >= wl.sends.length, SETTLE_TIMEOUT_MS);
  const r = t.finish(wl.sends);
  await sleep(DUPLICATE_WATCH_MS);

  const deliveryNewMs: number[] = [];
  const deliveryFollowMs: number[] = [];
  let duplicates = 0;
  for (const s of wl.sends) {
    const id = t.messageOf.get(s.clientId);
    const ev = id ? events.get(id) : undefined;
    if (!ev) continue;
    if (ev.n > 1) duplicates++;
    (ev.type === 'conversation.created' ? deliveryNewMs : deliveryFollowMs).push(ev.at - t.sentAt.get(s.clientId)!);
  }
  t.closing = true;
  for (const ws of [...warmSockets, ...sockets]) ws.close();
  agent.close();
  return { leg: 'meridian', ...r, deliveryNewMs, deliveryFollowMs, duplicates };
}

export function workloads(p: TrafficParams): { wl: Workload; warm: Workload } {
  return {
    wl: makeWorkload({ visitors: p.visitors, rounds: p.rounds, rate: p.rate, seed: p.seed, tag: `${p.tag}m` }),
    warm: makeWorkload({ visitors: p.warmup, rounds: 2, rate: p.rate, seed: p.seed + 1, tag: `${p.tag}w` }),
  };
}

async function handle(req: LegRequest): Promise<LegResult> {
  const { wl, warm } = workloads(req.traffic);
  return req.leg === 'echo' ? echoLeg(req.url, wl, warm) : meridianLeg(req, wl, warm);
}

// Run as a forked child: answer each request over IPC.
if (process.send) {
  process.on('message', (req: LegRequest | { leg: 'exit' }) => {
    if (req.leg === 'exit') process.exit(0);
    handle(req).then(
      (result) => process.send!({ result }),
      (err: unknown) => process.send!({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
    );
  });
}
