import { describe, expect, it } from 'vitest';
import { Lanes } from './lanes.js';

/** A task that records when it starts and finishes, and finishes only when released. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return {
    task: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
      return name;
    },
    release: () => release(),
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('Lanes', () => {
  it('runs one task at a time, and request work queued behind background work goes first', async () => {
    const log: string[] = [];
    const lanes = new Lanes();
    const first = gate(log, 'low-1');
    const running = lanes.run('low', first.task);
    const queued = [
      lanes.run('low', async () => void log.push('low-2')),
      lanes.run('high', async () => void log.push('high-1')),
      lanes.run('high', async () => void log.push('high-2')),
    ];
    await tick();
    expect(log).toEqual(['start low-1']);
    first.release();
    expect(await running).toBe('low-1');
    await Promise.all(queued);
    expect(log).toEqual(['start low-1', 'end low-1', 'high-1', 'high-2', 'low-2']);
  });

  it('gives waiting background work a turn after a few request tasks, so jobs never starve', async () => {
    const log: string[] = [];
    const lanes = new Lanes(2);
    const first = gate(log, 'h0');
    const all: Promise<unknown>[] = [lanes.run('high', first.task)];
    all.push(lanes.run('low', async () => void log.push('low')));
    for (let i = 1; i <= 4; i++) all.push(lanes.run('high', async () => void log.push(`h${i}`)));
    first.release();
    await Promise.all(all);
    // Two request tasks ran while it waited (h1, h2): its turn.
    expect(log).toEqual(['start h0', 'end h0', 'h1', 'h2', 'low', 'h3', 'h4']);
  });

  it('passes a failure to its caller and goes on with the next task', async () => {
    const lanes = new Lanes();
    const failing = lanes.run('high', async () => {
      throw new Error('boom');
    });
    const throwing = lanes.run('low', () => {
      throw new Error('sync boom');
    });
    const next = lanes.run('low', async () => 42);
    await expect(failing).rejects.toThrow('boom');
    await expect(throwing).rejects.toThrow('sync boom');
    expect(await next).toBe(42);
  });

  it('lets the event loop turn between tasks, so work arriving meanwhile goes before a chain of background tasks', async () => {
    const log: string[] = [];
    const lanes = new Lanes();
    let high: Promise<void> | undefined;
    // A drain's batches: each asked for as soon as the one before resolves.
    for (let i = 1; i <= 3; i++) {
      await lanes.run('low', async () => {
        log.push(`low-${i}`);
        // A chat message read from its socket while the first batch runs.
        if (i === 1) setImmediate(() => (high = lanes.run('high', async () => void log.push('high'))));
      });
    }
    await high;
    expect(log).toEqual(['low-1', 'high', 'low-2', 'low-3']);
  });
});
