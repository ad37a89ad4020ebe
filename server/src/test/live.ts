import { createRuntime } from '../runtime.js';
import type { Deps } from '../http/deps.js';
import type { EventHandler } from '../jobs/outbox-processor.js';
import type { EngineCase } from './engines.js';
import { startHarness, type Harness } from './harness.js';

export interface LiveHarness extends Harness {
  runtime: ReturnType<typeof createRuntime>;
  /** http://127.0.0.1:<port> of the listening app. */
  base: string;
}

/**
 * A harness whose app listens on 127.0.0.1 and whose commits reach subscribers through the real
 * outbox processor and hub, as in the server: for WebSocket and browser tests. `handlers` are the
 * outbox's durable handlers (none unless given; e.g. slaOnEvents for SLA clocks).
 */
export async function startLiveHarness(
  engine: EngineCase,
  overrides: Partial<Deps> = {},
  handlers: EventHandler[] = [],
): Promise<LiveHarness> {
  // The app is built before the runtime that needs its database: its hooks reach the runtime through this.
  const ref: { rt?: ReturnType<typeof createRuntime> } = {};
  const h = (await startHarness(engine, {
    onCommit: () => ref.rt!.deps.onCommit(),
    subscribe: (ws, fn) => ref.rt!.deps.subscribe!(ws, fn),
    publish: (ws, ev) => ref.rt!.deps.publish!(ws, ev),
    ...overrides,
  })) as LiveHarness;
  const rt = (ref.rt = createRuntime(
    h.db,
    h.clock,
    (err) => {
      throw err;
    },
    { pollMs: 100, handlers },
  ));
  h.runtime = rt;
  rt.outbox.start();
  h.base = await h.app.listen({ port: 0, host: '127.0.0.1' });
  const close = h.close;
  h.close = async () => {
    await rt.outbox.stop();
    await close();
  };
  return h;
}
