import type { PublicEvent } from '../http/deps.js';

/**
 * In-process fan-out of committed workspace events to WebSocket subscribers.
 * Fed only by the outbox processor, so nothing reaches a client before its transaction commits.
 */
export class RealtimeHub {
  private readonly subs = new Map<string, Set<(ev: PublicEvent) => void>>();

  subscribe(workspaceId: string, fn: (ev: PublicEvent) => void): () => void {
    let set = this.subs.get(workspaceId);
    if (!set) this.subs.set(workspaceId, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
      if (set.size === 0) this.subs.delete(workspaceId);
    };
  }

  publish(workspaceId: string, ev: PublicEvent): void {
    for (const fn of this.subs.get(workspaceId) ?? []) {
      try {
        fn(ev);
      } catch {
        // one broken socket must not stop the others
      }
    }
  }

  get subscriberCount(): number {
    let n = 0;
    for (const s of this.subs.values()) n += s.size;
    return n;
  }
}
