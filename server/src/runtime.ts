import type { Db } from './db/types.js';
import type { Deps } from './http/deps.js';
import { OutboxProcessor, type EventHandler } from './jobs/outbox-processor.js';
import type { Clock } from './lib/clock.js';
import { RealtimeHub } from './realtime/hub.js';

/**
 * The after-commit half of the app: the outbox processor and what it feeds (for now the
 * realtime hub). Shared by the server and by tests so both run the same wiring.
 */
export function createRuntime(
  db: Db,
  clock: Clock,
  onError: (err: unknown) => void,
  opts: { pollMs?: number; handlers?: EventHandler[] } = {},
) {
  const hub = new RealtimeHub();
  const outbox = new OutboxProcessor(db, clock, opts.handlers ?? [], {
    onError,
    ...(opts.pollMs ? { pollMs: opts.pollMs } : {}),
    // The hub rides the live tail: subscribers hear of a commit without waiting for the durable handlers.
    live: [
      (ev) =>
        hub.publish(ev.workspaceId, {
          id: ev.id,
          type: ev.type,
          subjectId: ev.subjectId,
          payload: ev.payload,
          createdAt: new Date(ev.createdAt).toISOString(),
        }),
    ],
  });
  const deps: Pick<Deps, 'onCommit' | 'subscribe' | 'publish'> = {
    onCommit: () => outbox.kick(),
    subscribe: (ws, fn) => hub.subscribe(ws, fn),
    publish: (ws, ev) => hub.publish(ws, ev),
  };
  return { hub, outbox, deps };
}
