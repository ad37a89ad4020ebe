import type { ClientFrame, WidgetMessage } from '../../server/src/widget/protocol.js';

export type Send = Extract<ClientFrame, { t: 'send' }>;

/**
 * The visitor's view of the conversation: messages deduplicated by id, and sent messages that wait
 * for their `ack` (kept in storage so a reload or a dropped socket resends them; the server stores
 * each client id once, so a resend never duplicates).
 */
export class Thread {
  readonly messages = new Map<string, WidgetMessage>();
  pending: Send[];

  constructor(
    stored: Send[],
    private readonly save: (pending: Send[]) => void,
  ) {
    this.pending = stored;
  }

  /** Adds a message; false when it was already there. Settles the pending send it answers. */
  add(m: WidgetMessage): boolean {
    if (m.clientId) this.settle(m.clientId);
    if (this.messages.has(m.id)) return false;
    this.messages.set(m.id, m);
    return true;
  }

  queue(s: Send): void {
    this.pending.push(s);
    this.save(this.pending);
  }

  settle(clientId: string): Send | undefined {
    const s = this.pending.find((p) => p.clientId === clientId);
    if (s) {
      this.pending = this.pending.filter((p) => p !== s);
      this.save(this.pending);
    }
    return s;
  }

  /** By time; messages of the same instant stay in the order they arrived (the server's order). */
  ordered(): WidgetMessage[] {
    return [...this.messages.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** The newest message held, for `hello.since`. */
  last(): string | null {
    return this.ordered().pop()?.id ?? null;
  }

  clear(): void {
    this.messages.clear();
  }
}
