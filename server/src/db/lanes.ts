/**
 * Orders work on PGlite's one connection: request work first, background work when none waits.
 * PGlite runs one statement at a time and each blocks the event loop while it runs, so a FIFO
 * queue makes a chat message wait behind every outbox drain and job poll queued before it. Tasks
 * here run one at a time (PGlite would serialise them anyway); a waiting background task still
 * gets its turn after a few request tasks, so a busy server never starves its jobs.
 *
 * The next task starts on `setImmediate`, after the event loop has read the sockets: PGlite's
 * statements resolve as microtasks, so starting it at once would run queued background work back to
 * back before a chat message already sitting in a socket buffer could even be queued ahead of it.
 */
export class Lanes {
  private busy = false;
  private readonly high: (() => void)[] = [];
  private readonly low: (() => void)[] = [];
  /** Request tasks run since a background task last did, while one was waiting. */
  private skipped = 0;

  constructor(private readonly fairness = 8) {}

  run<T>(lane: 'high' | 'low', task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        let result: Promise<T>;
        try {
          result = task();
        } catch (err) {
          result = Promise.reject(err);
        }
        result.then(resolve, reject).finally(() =>
          // Still busy until then: a task asked for meanwhile (the drain's next batch) waits its turn too.
          setImmediate(() => {
            this.busy = false;
            this.next();
          }),
        );
      };
      (lane === 'high' ? this.high : this.low).push(start);
      if (!this.busy) this.next();
    });
  }

  private next(): void {
    const lowTurn = this.low.length > 0 && (this.high.length === 0 || this.skipped >= this.fairness);
    const t = lowTurn ? this.low.shift() : this.high.shift();
    if (!t) return;
    this.skipped = lowTurn || this.low.length === 0 ? 0 : this.skipped + 1;
    this.busy = true;
    t();
  }
}
