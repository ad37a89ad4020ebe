import { describe, expect, it } from 'vitest';
import type { WidgetMessage } from '../../server/src/widget/protocol.js';
import { Thread, type Send } from './thread.js';

const msg = (id: string, at: string, extra: Partial<WidgetMessage> = {}): WidgetMessage => ({
  id,
  conversationId: 'c1',
  author: 'agent',
  text: id,
  attachments: [],
  createdAt: at,
  ...extra,
});

describe('widget thread', () => {
  it('keeps each message once, in time order, and knows the newest for hello.since', () => {
    const t = new Thread([], () => undefined);
    expect(t.last()).toBeNull();
    expect(t.add(msg('b', '2026-03-02T09:00:01Z'))).toBe(true);
    expect(t.add(msg('a', '2026-03-02T09:00:00Z'))).toBe(true);
    expect(t.add(msg('b', '2026-03-02T09:00:01Z'))).toBe(false);
    expect(t.add(msg('d', '2026-03-02T09:00:01Z'))).toBe(true);
    expect(t.add(msg('c', '2026-03-02T09:00:01Z'))).toBe(true);
    // Same instant: arrival order, not id order.
    expect(t.ordered().map((m) => m.id)).toEqual(['a', 'b', 'd', 'c']);
    expect(t.last()).toBe('c');
  });

  it('keeps sends until the message with their client id arrives (ack or replay), saving every change', () => {
    const saved: Send[][] = [];
    const s1: Send = { t: 'send', clientId: 'k1', text: 'one' };
    const s2: Send = { t: 'send', clientId: 'k2', text: 'two' };
    const t = new Thread([s1], (p) => saved.push([...p]));
    t.queue(s2);
    expect(saved.at(-1)).toEqual([s1, s2]);
    // The welcome replay carries k1's stored message: it settles without an ack.
    t.add(msg('m1', '2026-03-02T09:00:00Z', { author: 'visitor', clientId: 'k1' }));
    expect(t.pending).toEqual([s2]);
    expect(t.settle('k2')).toBe(s2);
    expect(t.settle('k2')).toBeUndefined();
    expect(saved.at(-1)).toEqual([]);
  });
});
