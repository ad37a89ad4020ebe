/** Frames of GET /api/v1/stream (server/src/realtime/stream.routes.ts). */
export interface HelloFrame {
  type: 'hello';
  workspaceId: string;
}

/** A committed workspace event: message.created, conversation.updated, … */
export interface EventFrame {
  id: number;
  type: string;
  subjectId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

export type StreamFrame = HelloFrame | EventFrame;
export type StreamStatus = 'connecting' | 'open' | 'closed';

export const isHello = (f: StreamFrame): f is HelloFrame => f.type === 'hello' && !('id' in f);

/** Reconnect delay after `failures` failed attempts in a row: 0.5 s doubling to 30 s, with jitter so a restart is not stormed. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 500 * 2 ** Math.min(failures, 10));
  return Math.round(base / 2 + random() * (base / 2));
}

export function streamUrl(loc: { protocol: string; host: string } = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/api/v1/stream`;
}

/**
 * One WebSocket to the agent stream, reopened after any close until stop(). The session cookie
 * authenticates the upgrade (same origin). Each (re)connection starts with a hello frame, handed to
 * listeners like every event: a listener that refetches on hello catches up on what it missed while
 * the socket was down.
 */
export class StreamConnection {
  private socket: WebSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private stopped = false;
  private readonly listeners = new Set<(f: StreamFrame) => void>();
  private readonly statusListeners = new Set<(s: StreamStatus) => void>();
  status: StreamStatus = 'closed';

  constructor(private readonly url: string) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.socket?.close(1000);
    this.socket = null;
    this.setStatus('closed');
  }

  onFrame(fn: (f: StreamFrame) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  onStatus(fn: (s: StreamStatus) => void): () => void {
    this.statusListeners.add(fn);
    return () => this.statusListeners.delete(fn);
  }

  private setStatus(s: StreamStatus): void {
    if (s === this.status) return;
    this.status = s;
    for (const fn of this.statusListeners) fn(s);
  }

  private open(): void {
    this.setStatus('connecting');
    const ws = new WebSocket(this.url);
    this.socket = ws;
    ws.onmessage = (m) => {
      let frame: StreamFrame;
      try {
        frame = JSON.parse(String(m.data)) as StreamFrame;
      } catch {
        return;
      }
      if (isHello(frame)) {
        this.failures = 0;
        this.setStatus('open');
      }
      for (const fn of this.listeners) fn(frame);
    };
    ws.onclose = () => {
      if (this.socket !== ws) return;
      this.socket = null;
      if (this.stopped) return;
      this.setStatus('connecting');
      this.timer = setTimeout(() => this.open(), backoffMs(this.failures++));
    };
  }
}
