import { describe, expect, it } from 'vitest';
import { backoffMs, isHello, streamUrl } from './stream';

describe('agent stream client', () => {
  it('backs off from about half a second, doubling, to at most 30 s, with jitter in the upper half', () => {
    expect(backoffMs(0, () => 0)).toBe(250);
    expect(backoffMs(0, () => 1)).toBe(500);
    expect(backoffMs(3, () => 1)).toBe(4000);
    expect(backoffMs(3, () => 0)).toBe(2000);
    expect(backoffMs(50, () => 1)).toBe(30_000);
    expect(backoffMs(50, () => 0)).toBe(15_000);
  });

  it('uses ws: or wss: as the page does', () => {
    expect(streamUrl({ protocol: 'http:', host: 'localhost:3000' })).toBe('ws://localhost:3000/api/v1/stream');
    expect(streamUrl({ protocol: 'https:', host: 'help.example.com' })).toBe('wss://help.example.com/api/v1/stream');
  });

  it('tells the hello frame from events', () => {
    expect(isHello({ type: 'hello', workspaceId: 'w' })).toBe(true);
    expect(isHello({ id: 1, type: 'conversation.created', subjectId: null, payload: {}, createdAt: '' })).toBe(false);
  });
});
