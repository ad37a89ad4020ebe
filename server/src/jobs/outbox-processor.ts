import type { Db, Queryable } from '../db/types.js';
import { eventsAfter, eventsSince, lockCursor, moveCursor, readCursor, type EventRow, type OutboxCursor } from '../events/events.repo.js';
import type { Clock } from '../lib/clock.js';

const CURSOR = 'default';

/**
 * Runs inside the drain's transaction: work it hands on (a pg-boss job) must be written through
 * `tx`, so it commits with the cursor move or not at all. On PGlite, touching the database any
 * other way from here would deadlock.
 */
export type EventHandler = (ev: EventRow, tx: Queryable) => void | Promise<void>;

/** Sees committed events as soon as they settle, outside any transaction; must not touch the database. */
export type LiveHandler = (ev: EventRow) => void;

/** An unsettled event (an older transaction still running) is looked at again this soon. */
const UNSETTLED_RETRY_MS = 5;
/** Live handlers only publish: a long read is cheap, and the tail loops while reads come back full. */
const LIVE_BATCH = 200;

/**
 * Drains the outbox after commit. Kicked by the request that committed (low latency) and
 * by a timer (events written by other processes, or left behind by a crash). Handlers see
 * each event at least once; they must be idempotent.
 *
 * Live handlers (the realtime hub) are fed by a tail of their own: an in-memory position that starts
 * where the durable cursor stands and moves on every kick at once, without the drain's coalescing,
 * lock or handler queries. So an agent sees a message as soon as it commits, never twice because a
 * slower handler failed and its batch ran again, and every process sees every event (the durable
 * drain runs in one process at a time). A crash loses only the live position: clients resynchronise.
 */
export class OutboxProcessor {
  private running: Promise<void> | undefined;
  private liveAt: OutboxCursor | undefined;
  private liveRunning: Promise<void> | undefined;
  private liveAgain = false;
  private liveRetry: NodeJS.Timeout | undefined;
  private again = false;
  private followUp: NodeJS.Timeout | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly handlers: EventHandler[],
    private readonly opts: {
      batch?: number;
      pollMs?: number;
      coalesceMs?: number;
      onError?: (err: unknown) => void;
      live?: LiveHandler[];
    } = {},
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
    if (this.liveRetry) clearTimeout(this.liveRetry);
    await Promise.all([this.running, this.liveRunning]);
  }

  /**
   * Ask for a drain soon. When idle it starts at once (low latency); commits that arrive while
   * a drain runs are collected for one follow-up pass a few milliseconds later, so a busy
   * server drains in batches instead of one transaction per request.
   */
  kick(): void {
    if (this.stopped) return;
    this.kickLive();
    if (this.running || this.followUp) {
      this.again = true;
      return;
    }
    this.running = this.drainDurable()
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

  /** The live tail: single-flight, and a kick during a pass runs one more pass right after it. */
  private kickLive(): void {
    if (!this.opts.live?.length) return;
    if (this.liveRunning) {
      this.liveAgain = true;
      return;
    }
    this.liveRunning = this.tail()
      .catch((err) => this.opts.onError?.(err))
      .finally(() => {
        this.liveRunning = undefined;
        if (this.liveAgain && !this.stopped) {
          this.liveAgain = false;
          this.kickLive();
        }
      });
  }

  /** Hands live handlers every settled event after the live position, in commit order. */
  private async tail(): Promise<void> {
    const live = this.opts.live ?? [];
    this.liveAt ??= (await readCursor(this.db, CURSOR)) ?? { txid: '0', eventId: 0 };
    for (;;) {
      const rows = await eventsSince(this.db, this.liveAt, LIVE_BATCH);
      let settled = 0;
      for (const { settled: ok, txid, ...ev } of rows) {
        if (!ok) break;
        for (const h of live) {
          try {
            h(ev);
          } catch (err) {
            this.opts.onError?.(err);
          }
        }
        this.liveAt = { txid, eventId: ev.id };
        settled++;
      }
      if (settled < rows.length) {
        if (!this.liveRetry && !this.stopped) {
          this.liveRetry = setTimeout(() => {
            this.liveRetry = undefined;
            this.kickLive();
          }, UNSETTLED_RETRY_MS);
        }
        return;
      }
      if (rows.length < LIVE_BATCH || this.stopped) return;
    }
  }

  /**
   * Feeds the live handlers everything committed so far, then processes until the outbox is empty;
   * returns how many events the durable handlers took. For callers that need it all done now (tests,
   * shutdown); a kick already starts both halves on its own.
   */
  async drain(): Promise<number> {
    if (this.opts.live?.length) {
      this.kickLive();
      // A pass that began before the caller's commit is followed by one that sees it.
      while (this.liveRunning) await this.liveRunning;
    }
    return this.drainDurable();
  }

  private async drainDurable(): Promise<number> {
    // PGlite's statements block the event loop: short batches keep each background transaction short.
    const batch = this.opts.batch ?? (this.db.engine === 'pglite' ? 5 : 200);
    let total = 0;
    for (;;) {
      // Background: on PGlite a request's transaction queued meanwhile runs before the next batch.
      const n = await this.db.background.transaction(async (tx) => {
        // Another process holding the cursor is draining the same events: leave it to that one.
        const cursor = await lockCursor(tx, CURSOR);
        if (!cursor) return 0;
        const events = await eventsAfter(tx, cursor, batch);
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
