import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../lib/ids.js';
import { ENGINES } from '../test/engines.js';
import { makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';
import { blockSender, isBlocked, listBlocked, unblockById, unblockSender } from './blocks.repo.js';

describe.each(ENGINES)('blocked senders on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  const at = (s: number) => new Date(Date.UTC(2026, 2, 2, 9, 0, s));

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h);
    other = await makeWorkspace(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it.skipIf(!engine.available)('blocks per workspace and channel, e-mail case-insensitively; blocking twice keeps the first', async () => {
    const first = await blockSender(
      h.db,
      ws.id,
      { id: newId(), channel: 'email', address: ' Spam@Example.COM ', reason: 'spam', createdBy: null },
      at(0),
    );
    expect(first).toMatchObject({ created: true, row: { channel: 'email', address: 'spam@example.com', reason: 'spam' } });
    const again = await blockSender(
      h.db,
      ws.id,
      { id: newId(), channel: 'email', address: 'spam@example.com', reason: 'other', createdBy: null },
      at(1),
    );
    expect(again).toEqual({ created: false, row: first.row });
    expect(await isBlocked(h.db, ws.id, 'email', 'SPAM@example.com')).toBe(true);
    expect(await isBlocked(h.db, other.id, 'email', 'spam@example.com')).toBe(false);
    expect(await isBlocked(h.db, ws.id, 'chat', 'spam@example.com')).toBe(false);
    // Phone numbers and visitor ids are exact.
    await blockSender(h.db, ws.id, { id: newId(), channel: 'chat', address: 'Visitor-A', reason: null, createdBy: null }, at(2));
    expect(await isBlocked(h.db, ws.id, 'chat', 'visitor-a')).toBe(false);
    expect(await isBlocked(h.db, ws.id, 'chat', 'Visitor-A')).toBe(true);
  });

  it.skipIf(!engine.available)('lists newest first in pages, by channel, and unblocks by address or id within the workspace', async () => {
    const w = await makeWorkspace(h);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = newId();
      ids.push(id);
      await blockSender(h.db, w.id, { id, channel: 'sms', address: `+3161234567${i}`, reason: null, createdBy: null }, at(10 + i));
    }
    const page1 = await listBlocked(h.db, w.id, { limit: 2 });
    expect(page1.map((r) => r.id)).toEqual([ids[2], ids[1], ids[0]]);
    const last = page1[1]!;
    const page2 = await listBlocked(h.db, w.id, { limit: 2 }, { at: last.createdAt.toISOString(), id: last.id });
    expect(page2.map((r) => r.id)).toEqual([ids[0]]);
    expect(await listBlocked(h.db, w.id, { limit: 5, channel: 'email' })).toEqual([]);

    expect(await unblockById(h.db, ws.id, ids[0]!)).toBeUndefined();
    expect(await unblockById(h.db, w.id, ids[0]!)).toMatchObject({ address: '+31612345670' });
    expect(await unblockSender(h.db, ws.id, 'sms', '+31612345671')).toBeUndefined();
    expect(await unblockSender(h.db, w.id, 'sms', '+31612345671')).toMatchObject({ id: ids[1] });
    expect(await isBlocked(h.db, w.id, 'sms', '+31612345671')).toBe(false);
    expect(await isBlocked(h.db, w.id, 'sms', '+31612345672')).toBe(true);
  });
});
