import type { ClientFrame, ServerFrame } from '../../server/src/widget/protocol.js';

/** Reconnect delay: exponential from 0.5 s, capped at 30 s, with half of it random so reconnects spread. */
export const backoff = (attempt: number, rand: number): number => {
  const d = Math.min(30_000, 500 * 2 ** attempt);
  return d / 2 + (rand * d) / 2;
};

export interface LinkEvents {
  /** The first frame on every new socket. */
  hello(): ClientFrame;
  frame(f: ServerFrame): void;
  state(up: boolean): void;
  /** A close the server meant (4xxx): return false to stop reconnecting. */
  closed(code: number): boolean;
}

export interface Link {
  start(): void;
  /** Sends once the server welcomed this socket; false otherwise (the caller keeps it pending). */
  send(f: ClientFrame): boolean;
  /** Drops the socket and opens a new one at once (after identify: the verified history). */
  restart(): void;
  stop(): void;
}

const PING_MS = 25_000;
const DEAD_MS = 10_000;

/** One WebSocket at a time, reopened with backoff and jitter, kept alive with ping. (Closures, not a class: they minify.) */
export function createLink(url: string, on: LinkEvents, open: (url: string) => WebSocket = (u) => new WebSocket(u)): Link {
  let ws: WebSocket | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ping: ReturnType<typeof setInterval> | undefined;
  let seen = 0;
  let stopped = false;
  let up = false;

  const set = (u: boolean) => {
    if (up !== u) on.state((up = u));
  };

  function start(): void {
    stopped = false;
    clearTimeout(timer);
    const sock = (ws = open(url));
    sock.onopen = () => {
      sock.send(JSON.stringify(on.hello()));
      seen = Date.now();
      ping = setInterval(() => {
        // No frame since the last ping: the socket is dead without knowing it.
        if (Date.now() - seen > PING_MS + DEAD_MS) sock.close();
        else sock.send('{"t":"ping"}');
      }, PING_MS);
    };
    sock.onmessage = (e) => {
      seen = Date.now();
      let f: ServerFrame;
      try {
        f = JSON.parse(String(e.data)) as ServerFrame;
      } catch {
        return;
      }
      if (f.t === 'welcome') {
        attempt = 0;
        set(true);
      }
      on.frame(f);
    };
    sock.onclose = (e) => {
      if (ws !== sock) return;
      clearInterval(ping);
      ws = null;
      set(false);
      if (stopped || (e.code >= 4000 && !on.closed(e.code))) return;
      timer = setTimeout(start, backoff(attempt++, Math.random()));
    };
  }

  function stop(): void {
    stopped = true;
    clearTimeout(timer);
    clearInterval(ping);
    const sock = ws;
    ws = null;
    set(false);
    sock?.close();
  }

  return {
    start,
    stop,
    send(f) {
      if (!up || ws?.readyState !== 1) return false;
      ws.send(JSON.stringify(f));
      return true;
    },
    restart() {
      stop();
      start();
    },
  };
}
