import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, rowCounts, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';

describe.each(ENGINES)('tone check API on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let n = 0;

  /** A conversation whose customer states the given preferences. */
  const conversationFor = async (t: TestWorkspace, customer: Record<string, unknown>): Promise<string> => {
    const created = await call(h, t.token, 'POST', '/api/v1/customers', { emails: [`tone-${++n}@example.org`], ...customer });
    expect(created.statusCode, created.body).toBe(201);
    const res = await call(h, t.token, 'POST', '/api/v1/conversations', {
      customer: { id: created.json().id },
      channel: 'email',
      message: { text: 'Hallo' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  };
  const check = (t: TestWorkspace, body: Record<string, unknown>) => call(h, t.token, 'POST', '/api/v1/replies/check', body);

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h, 'agent');
    other = await makeWorkspace(h);
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)(
    'finds du, an idiom, a numeric date, shouting and a missing closing for a formal German customer',
    async () => {
      const conversationId = await conversationFor(ws, { name: 'Lena Gruber', country: 'DE' });
      const text = 'Hallo Lena,\nkannst du das zeitnah prüfen? Termin: 03.04.2026. BITTE NICHT LÖSCHEN.';
      const before = await rowCounts(h.db, ws.id);
      const res = await check(ws, { text, language: 'de', conversationId });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.culture).toEqual({ locale: 'de-DE', formality: 'formal', formalitySource: 'culture' });
      const seen = body.findings.map((f: { code: string; span: { start: number; end: number } | null }) => [
        f.code,
        f.span ? text.slice(f.span.start, f.span.end) : null,
      ]);
      expect(seen).toEqual([
        ['formality_mismatch', 'du'],
        ['idiom', 'zeitnah'],
        ['ambiguous_date', '03.04.2026'],
        ['all_caps', 'BITTE NICHT LÖSCHEN'],
        ['missing_closing', null],
      ]);
      expect(body.findings[2]).toMatchObject({ severity: 'warning', suggestion: '3. April 2026' });
      // Advice only: nothing is written.
      expect(await rowCounts(h.db, ws.id)).toEqual(before);
    },
  );

  it.skipIf(!engine.available)("follows the customer's stated formality over their culture's", async () => {
    const conversationId = await conversationFor(ws, { name: 'Lena Gruber', country: 'AT', locale: 'de-AT', formality: 'informal' });
    const text = 'Hallo Lena,\n\nkönnen Sie das prüfen?\n\nLiebe Grüße';
    const res = await check(ws, { text, language: 'de-AT', conversationId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      findings: [
        {
          code: 'formality_mismatch',
          severity: 'info',
          message: expect.any(String),
          span: { start: text.indexOf('Sie'), end: text.indexOf('Sie') + 3 },
          suggestion: 'Address the customer with du.',
        },
      ],
      culture: { locale: 'de-AT', formality: 'informal', formalitySource: 'customer' },
    });
  });

  it.skipIf(!engine.available)('checks Japanese drafts for plain forms against a Japanese customer', async () => {
    const conversationId = await conversationFor(ws, { name: '山田 太郎', country: 'JP' });
    const clean = '山田様\n\nいつもお世話になっております。ご注文の商品を発送いたしました。\n\n今後ともよろしくお願いいたします。';
    const ok = await check(ws, { text: clean, language: 'ja', conversationId });
    expect(ok.json()).toEqual({ findings: [], culture: { locale: 'ja-JP', formality: 'formal', formalitySource: 'culture' } });
    const casual = await check(ws, { text: '山田様\n\n発送したよ。\n\nよろしくお願いいたします。', language: 'ja', conversationId });
    expect(casual.json().findings.map((f: { code: string }) => f.code)).toEqual(['formality_mismatch']);
  });

  it.skipIf(!engine.available)("is 404 for another workspace's conversation and 400 for a bad language tag", async () => {
    const theirs = await conversationFor(other, { name: 'Other Customer', country: 'FR' });
    const res = await check(ws, { text: 'Bonjour', language: 'fr', conversationId: theirs });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect(res.json().error.details).toEqual([{ path: 'body/conversationId', message: 'no such conversation' }]);
    // The owner gets an answer for the same conversation.
    expect((await check(other, { text: 'Bonjour', language: 'fr', conversationId: theirs })).statusCode).toBe(200);

    const mine = await conversationFor(ws, { name: 'Mine', country: 'FR' });
    const bad = await check(ws, { text: 'Bonjour', language: 'en-US-US', conversationId: mine });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body/language');
    expect((await call(h, null, 'POST', '/api/v1/replies/check', { text: 'x', language: 'fr', conversationId: mine })).statusCode).toBe(
      401,
    );
  });
});
