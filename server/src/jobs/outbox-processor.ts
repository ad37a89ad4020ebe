import type { Db, Queryable } from '../db/types.js';
import { eventsAfter, lockCursor, moveCursor, type EventRow } from '../events/events.repo.js';
import type { Clock } from '../lib/clock.js';

const CURSOR = 'default';

/**
 * Runs inside the drain's transaction: work it hands on (a pg-boss job) must be written through
 * `tx`, so it commits with the cursor move or not at all. On PGlite, touching the database any
 * other way from here would deadlock.
 */
export type EventHandler = (ev: EventRow, tx: Queryable) => void | Promise<void>;

/**
 * Drains the outbox after commit. Kicked by the request that committed (low latency) and
 * by a timer (events written by other processes, or left behind by a crash). Handlers see
 * each event at least once; they must be idempotent.
 */
export class OutboxProcessor {
  private running: Promise<void> | undefined;
  private again = false;
  private followUp: NodeJS.Timeout | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly handlers: EventHandler[],
    private readonly opts: { batch?: number; pollMs?: number; coalesceMs?: number; onError?: (err: unknown) => void } = {},
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
    if (this.followUp) clearTimeout(this.followUp);
    await this.running;
  }

  /**
   * Ask for a drain soon. When idle it starts at once (low latency); commits that arrive while
   * a drain runs are collected for one follow-up pass a few milliseconds later, so a busy
   * server drains in batches instead of one transaction per request.
   */
  kick(): void {
    if (this.stopped) return;
    if (this.running || this.followUp) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined)
      .catch((err) => this.opts.onError?.(err))
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.followUp = setTimeout(() => {
            this.followUp = undefined;
            this.kick();
          }, this.opts.coalesceMs ?? 20);
        }
      });
  }

  /** Processes until the outbox is empty; returns how many events it handled. */
  async drain(): Promise<number> {
    const batch = this.opts.batch ?? 200;
    let total = 0;
    for (;;) {
      const n = await this.db.transaction(async (tx) => {
        // Another process holding the cursor is draining the same events: leave it to that one.
        const cursor = await lockCursor(tx, CURSOR);
        if (!cursor) return 0;
        const events = await eventsAfter(tx, cursor, batch);
        // Handler by handler, each seeing the batch in order: the first (the realtime hub) reaches every
        // event's subscribers before the slower handlers' queries run, instead of after those of the events before it.
        for (const h of this.handlers) for (const ev of events) await h(ev, tx);
        const last = events[events.length - 1];
        // A handler that throws rolls this back: the batch is delivered again (at least once).
        if (last) await moveCursor(tx, CURSOR, { txid: last.txid, eventId: last.id }, this.clock());
        return events.length;
      });
      total += n;
      // A short batch reached the end: no need for one more, empty transaction. Events committed
      // since then kick a new drain, and the poll timer catches the rest.
      if (n < batch || this.stopped) return total;
    }
  }
}
