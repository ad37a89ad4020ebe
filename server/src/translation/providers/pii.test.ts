import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.js';
import { ENGINES, type TestDb } from '../../test/engines.js';
import { Translator } from '../translator.js';
import { DeepLProvider } from './deepl.js';
import { replayServer } from './replay.test-support.js';

const WS = '0190a0a0-0000-7000-8000-0000000000cc';

describe.each(ENGINES)('the Translator over a replayed DeepL on $engine', (engine) => {
  let tdb: TestDb;
  const clock = fixedClock('2026-05-04T10:00:00Z');

  beforeAll(async () => {
    if (!engine.available) return;
    tdb = await engine.create();
    await tdb.db.query(`INSERT INTO workspaces (id, slug, name, created_at, updated_at) VALUES ($1, 'mt-cloud', 'MT', $2, $2)`, [
      WS,
      clock(),
    ]);
  });
  afterAll(async () => tdb?.cleanup());

  it.skipIf(!engine.available)('never lets personal data reach the engine, and restores it in the translation', async () => {
    // Echo the masked text back with a German prefix: tokens travel through like a real engine's.
    const srv = await replayServer((r) => {
      const text = (r.json as { text: string[] }).text[0]!;
      return { body: { translations: [{ detected_source_language: 'EN', text: `DE: ${text}` }] } };
    });
    try {
      const t = new Translator(tdb.db, new DeepLProvider({ apiKey: 'test-key-not-real', baseUrl: srv.url }), clock);
      const pii = ['jane.doe@example.com', '+44 20 7946 0958', '4111 1111 1111 1111', 'DE89 3704 0044 0532 0130 00'];
      const out = await t.translate(WS, {
        text: `Please write to ${pii[0]} or call ${pii[1]}.\nCard ${pii[2]}, IBAN ${pii[3]}.`,
        source: 'en',
        target: 'de',
      });
      expect(out.status).toBe('translated');
      expect(out.provider).toBe('deepl');
      for (const p of pii) expect(out.text).toContain(p);
      expect(srv.received.length).toBeGreaterThan(0);
      const sent = srv.received.map((r) => r.raw + JSON.stringify(Object.fromEntries(r.query))).join('\n');
      for (const p of pii) {
        expect(sent).not.toContain(p);
        expect(sent).not.toContain(p.replace(/\s/g, ''));
      }
      expect(sent).not.toMatch(/example\.com|7946|4111|3704/);
      expect(sent).toMatch(/XMRD\d+X/);
    } finally {
      await srv.close();
    }
  });
});
