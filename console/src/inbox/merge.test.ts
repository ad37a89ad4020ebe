import { describe, expect, it } from 'vitest';
import type { InboxRow } from './inbox-api';
import { mergeFirstPage } from './merge';

const row = (id: string, minute: number): InboxRow => ({
  id,
  channel: 'email',
  subject: id,
  status: 'open',
  priority: 'normal',
  language: 'en',
  assigneeId: null,
  teamId: null,
  tags: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
  customer: { id: 'c', name: null, locale: null, timeZone: null, country: null },
  lastMessage: null,
  slaDue: null,
});

describe('mergeFirstPage', () => {
  const loaded = [row('a', 9), row('b', 8), row('c', 7), row('d', 6)];

  it('puts a new row first, keeps rows below the fresh page and drops rows that left its range', () => {
    // Page size 2: "n" is new, "a" was closed (gone from the range), "b" stays.
    const fresh = [row('n', 10), row('b', 8)];
    const merged = mergeFirstPage(loaded, fresh, { sort: 'updated', complete: false, touched: new Set() });
    expect(merged.map((r) => r.id)).toEqual(['n', 'b', 'c', 'd']);
  });

  it('drops a touched row further down that is not in the fresh page (it no longer matches)', () => {
    const fresh = [row('a', 9), row('b', 8)];
    const merged = mergeFirstPage(loaded, fresh, { sort: 'updated', complete: false, touched: new Set(['d']) });
    expect(merged.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('moves an updated row to the top without a duplicate', () => {
    const fresh = [row('c', 11), row('a', 9)];
    const merged = mergeFirstPage(loaded, fresh, { sort: 'updated', complete: false, touched: new Set(['c']) });
    expect(merged.map((r) => r.id)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('a complete fresh page is the whole list', () => {
    expect(mergeFirstPage(loaded, [row('b', 8)], { sort: 'updated', complete: true, touched: new Set() }).map((r) => r.id)).toEqual(['b']);
  });
});
