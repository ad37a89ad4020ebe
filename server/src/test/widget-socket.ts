import WebSocket from 'ws';
import type { ServerFrame } from '../widget/protocol.js';

/** A widget socket for tests: collects frames and waits for one that matches. */
export function widgetSocket(base: string, key: string, headers: Record<string, string> = {}) {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/api/v1/widget/socket?key=${key}`, { headers });
  const frames: ServerFrame[] = [];
  const waiters: { pred: (f: ServerFrame) => boolean; resolve: (f: ServerFrame) => void }[] = [];
  let closed: { code: number; reason: string } | null = null;
  const closeWaiters: ((c: { code: number; reason: string }) => void)[] = [];
  ws.on('message', (data) => {
    const f = JSON.parse(String(data)) as ServerFrame;
    frames.push(f);
    for (const w of [...waiters])
      if (w.pred(f)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(f);
      }
  });
  ws.on('close', (code, reason) => {
    closed = { code, reason: String(reason) };
    for (const w of closeWaiters) w(closed);
  });
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const until = <T extends ServerFrame['t']>(t: T, pred: (f: Extract<ServerFrame, { t: T }>) => boolean = () => true, ms = 15_000) =>
    new Promise<Extract<ServerFrame, { t: T }>>((resolve, reject) => {
      const match = (f: ServerFrame): f is Extract<ServerFrame, { t: T }> => f.t === t && pred(f as Extract<ServerFrame, { t: T }>);
      const hit = frames.find(match);
      if (hit) return resolve(hit);
      const timer = setTimeout(() => reject(new Error(`no ${t} frame in ${ms} ms; got ${JSON.stringify(frames)}`)), ms);
      waiters.push({
        pred: match,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f as Extract<ServerFrame, { t: T }>);
        },
      });
    });
  const closedWith = () =>
    new Promise<{ code: number; reason: string }>((resolve) => {
      if (closed) resolve(closed);
      else closeWaiters.push(resolve);
    });
  const send = async (frame: unknown) => {
    await opened;
    ws.send(JSON.stringify(frame));
  };
  return { ws, frames, until, send, opened, closedWith, close: () => ws.close() };
}
