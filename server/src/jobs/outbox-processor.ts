import type { Db } from '../db/types.js';
import { claimUnprocessed, markProcessed, type EventRow } from '../events/events.repo.js';
import type { Clock } from '../lib/clock.js';

export type EventHandler = (ev: EventRow) => void | Promise<void>;

/**
 * Drains the outbox after commit. Kicked by the request that committed (low latency) and
 * by a timer (events written by other processes, or left behind by a crash). Handlers see
 * each event at least once; they must be idempotent.
 */
export class OutboxProcessor {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly handlers: EventHandler[],
    private readonly opts: { batch?: number; pollMs?: number; onError?: (err: unknown) => void } = {},
  ) {}

  start(): void {
    this.stopped = false;
    const tick = () => {
      this.kick();
      this.timer = setTimeout(tick, this.opts.pollMs ?? 1000);
      this.timer.unref();
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Ask for a drain soon; coalesces bursts of commits into one pass. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined)
      .catch((err) => this.opts.onError?.(err))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Processes until the outbox is empty; returns how many events it handled. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.db.transaction(async (tx) => {
        const events = await claimUnprocessed(tx, this.opts.batch ?? 200);
        for (const ev of events) for (const h of this.handlers) await h(ev);
        await markProcessed(tx, events.map((e) => e.id), this.clock());
        return events.length;
      });
      total += n;
      if (n === 0 || this.stopped) return total;
    }
  }
}
