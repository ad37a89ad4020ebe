import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerFrame } from '../../server/src/widget/protocol.js';
import { backoff, createLink, type LinkEvents } from './link.js';

class FakeSocket {
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  send(s: string) {
    this.sent.push(s);
  }
  close(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  accept() {
    this.readyState = 1;
    this.onopen?.();
  }
  frame(f: ServerFrame) {
    this.onmessage?.({ data: JSON.stringify(f) });
  }
}

function fakeLink(on: Partial<LinkEvents> = {}) {
  const sockets: FakeSocket[] = [];
  const events: LinkEvents = {
    hello: () => ({ t: 'hello', visitorToken: 'tok', since: `m${sockets.length}` }),
    frame: () => undefined,
    state: () => undefined,
    closed: () => true,
    ...on,
  };
  const link = createLink('ws://x/socket', events, () => {
    const s = new FakeSocket();
    sockets.push(s);
    return s as unknown as WebSocket;
  });
  return { link, sockets };
}

describe('widget link', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('backs off exponentially with jitter, capped at 30 s', () => {
    expect(backoff(0, 0)).toBe(250);
    expect(backoff(0, 1)).toBe(500);
    expect(backoff(3, 0.5)).toBe(3000);
    expect(backoff(20, 1)).toBe(30_000);
    expect(backoff(20, 0)).toBe(15_000);
  });

  it('says hello first, sends only after welcome, reconnects after a drop and stops on a refusing close', () => {
    const states: boolean[] = [];
    const frames: string[] = [];
    let refuse = false;
    const { link, sockets } = fakeLink({ frame: (f) => frames.push(f.t), state: (up) => states.push(up), closed: () => !refuse });
    link.start();
    sockets[0]!.accept();
    expect(sockets[0]!.sent).toEqual(['{"t":"hello","visitorToken":"tok","since":"m1"}']);
    expect(link.send({ t: 'typing', on: true })).toBe(false);
    sockets[0]!.frame({ t: 'welcome', visitorId: 'v', conversationId: null, messages: [] });
    expect(link.send({ t: 'typing', on: true })).toBe(true);
    expect(states).toEqual([true]);

    // A dropped socket: down at once, a new one after the backoff (≤ 500 ms for the first attempt).
    sockets[0]!.close(1006);
    expect(states).toEqual([true, false]);
    expect(link.send({ t: 'ping' })).toBe(false);
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(2);
    sockets[1]!.accept();
    expect(sockets[1]!.sent[0]).toContain('"since":"m2"');

    // Keepalive: a ping every 25 s; no frame for 35 s closes the dead socket.
    vi.advanceTimersByTime(25_000);
    expect(sockets[1]!.sent.at(-1)).toBe('{"t":"ping"}');
    vi.advanceTimersByTime(25_000);
    expect(sockets[1]!.readyState).toBe(3);
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(3);

    // The server refuses (e.g. 4403 blocked): no more sockets.
    refuse = true;
    sockets[2]!.accept();
    sockets[2]!.close(4403);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(3);
    expect(frames).toEqual(['welcome']);
  });

  it('stop ends reconnecting; restart opens a fresh socket at once', () => {
    const { link, sockets } = fakeLink();
    link.start();
    sockets[0]!.accept();
    link.restart();
    expect(sockets).toHaveLength(2);
    expect(sockets[0]!.readyState).toBe(3);
    link.stop();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(2);
  });
});
