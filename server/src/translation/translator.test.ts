import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { fixedClock } from '../lib/clock.js';
import { ENGINES, type TestDb } from '../test/engines.js';
import type { ProviderRequest, TranslationProvider } from './provider.js';
import { ApertiumProvider } from './providers/apertium.js';
import { Translator } from './translator.js';

const APY = inject('apyUrl');
const WS = '0190a0a0-0000-7000-8000-0000000000bb';

/** Records what a real provider was sent: the test inspects what left the server. */
function spy(inner: TranslationProvider): TranslationProvider & { sent: ProviderRequest[] } {
  const sent: ProviderRequest[] = [];
  return {
    name: inner.name,
    sent,
    pairs: () => inner.pairs(),
    translate: (req, signal) => {
      sent.push(req);
      return inner.translate(req, signal);
    },
  };
}

/** A local HTTP server that misbehaves the way a broken provider does. */
async function faultyServer(mode: 'slow' | 'garbage'): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/listPairs')) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ responseData: [{ sourceLanguage: 'spa', targetLanguage: 'eng' }], responseStatus: 200 }));
      return;
    }
    if (mode === 'garbage') {
      res.setHeader('content-type', 'text/html');
      res.end('<html><body>502 Bad Gateway</body></html>');
      return;
    }
    setTimeout(() => res.end('{}'), 1500).unref();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

describe.each(ENGINES)('translation through a real Apertium APy on $engine', (engine) => {
  const available = engine.available && APY !== '';
  let tdb: TestDb;
  const clock = fixedClock('2026-05-04T10:00:00Z');

  beforeAll(async () => {
    if (!available) return;
    tdb = await engine.create();
    await tdb.db.query(`INSERT INTO workspaces (id, slug, name, created_at, updated_at) VALUES ($1, 'mt', 'MT', $2, $2)`, [WS, clock()]);
  });
  afterAll(async () => tdb?.cleanup());

  it.skipIf(!available)('translates Spanish to English and back, and marks it machine-translated', async () => {
    const t = new Translator(tdb.db, new ApertiumProvider(APY), clock);
    const es = await t.translate(WS, { text: 'Hola, mi pedido no ha llegado todavía.', source: 'es', target: 'en' });
    expect(es.status).toBe('translated');
    expect(es.text).toMatch(/Hello/);
    expect(es.text).toMatch(/arrived/);
    expect(es.flags).toContain('machine_translated');
    const en = await t.translate(WS, { text: 'Thank you, we will send a new package today.', source: 'en', target: 'es-MX' });
    expect(en.text).toMatch(/Gracias/i);
    expect(en.target).toBe('es');
  });

  it.skipIf(!available)('never sends emails, phone numbers, cards or IBANs to the engine, and restores them', async () => {
    const provider = spy(new ApertiumProvider(APY));
    const t = new Translator(tdb.db, provider, clock);
    const pii = ['ana.souza@example.com', '+34 612 345 678', '4111 1111 1111 1111', 'DE89 3704 0044 0532 0130 00'];
    const text = `Mi correo es ${pii[0]} y mi teléfono ${pii[1]}.\nPagué con la tarjeta ${pii[2]}, devuélvanlo a ${pii[3]} por favor.`;
    const out = await t.translate(WS, { text, source: 'es', target: 'en' });
    const sent = provider.sent.map((r) => r.text).join('\n');
    expect(provider.sent.length).toBeGreaterThan(0);
    for (const p of pii) {
      expect(sent).not.toContain(p);
      expect(out.text).toContain(p);
    }
    expect(sent).not.toMatch(/\d{4} \d{4}/);
    expect(out.protected).toMatchObject({ email: 1, phone: 1, card: 1, iban: 1 });
    expect(out.flags).not.toContain('protected_term_lost');
  });

  it.skipIf(!available)('keeps glossary and do-not-translate terms verbatim, and HTML structure', async () => {
    const provider = spy(new ApertiumProvider(APY));
    const t = new Translator(tdb.db, provider, clock);
    const out = await t.translate(WS, {
      text: '<p>Su <b>Meridian Cloud</b> está listo. Use el <a href="https://meridian.example/ayuda">pedido</a> en <code>{orderId}</code>.</p>',
      source: 'es',
      target: 'en',
      format: 'html',
      glossary: [{ term: 'Meridian Cloud' }, { term: 'pedido', translation: 'order' }],
    });
    expect(out.text).toContain('<b>Meridian Cloud</b>');
    expect(out.text).toContain('<a href="https://meridian.example/ayuda">order</a>');
    expect(out.text).toContain('{orderId}');
    expect(out.text).toMatch(/^<p>.*<\/p>$/);
    expect(provider.sent.map((r) => r.text).join()).not.toContain('Meridian Cloud');
  });

  it.skipIf(!available)('serves repeated segments from translation memory without calling the engine', async () => {
    const provider = spy(new ApertiumProvider(APY));
    const t = new Translator(tdb.db, provider, clock);
    const text = 'Buenos días.\nNecesito ayuda con mi factura.';
    const first = await t.translate(WS, { text, source: 'es', target: 'en' });
    const calls = provider.sent.length;
    expect(calls).toBe(2);
    const second = await t.translate(WS, { text, source: 'es', target: 'en' });
    expect(provider.sent.length).toBe(calls);
    expect(second.text).toBe(first.text);
    expect(second.flags).toContain('from_memory');
    // One new line costs one call; the known one comes from memory.
    await t.translate(WS, { text: 'Buenos días.\nGracias por todo.', source: 'es', target: 'en' });
    expect(provider.sent.length).toBe(calls + 1);
    const { rows } = await tdb.db.query<{ hits: number }>(`SELECT hits FROM translation_memory WHERE source_text = 'Buenos días.'`);
    expect(rows[0]!.hits).toBe(2);
  });

  it.skipIf(!available)('degrades to untranslated-and-flagged when the engine is down, slow or talks nonsense', async () => {
    const down = new Translator(tdb.db, new ApertiumProvider('http://127.0.0.1:9'), clock);
    expect(await down.translate(WS, { text: 'Hola', source: 'es', target: 'en' })).toMatchObject({
      status: 'untranslated',
      text: null,
      flags: ['provider_unavailable'],
    });
    const slowSrv = await faultyServer('slow');
    const garbageSrv = await faultyServer('garbage');
    try {
      const slow = new Translator(tdb.db, new ApertiumProvider(slowSrv.url, { timeoutMs: 300 }), clock);
      expect(await slow.translate(WS, { text: 'Hola otra vez', source: 'es', target: 'en' })).toMatchObject({
        status: 'untranslated',
        flags: ['provider_timeout'],
      });
      const garbage = new Translator(tdb.db, new ApertiumProvider(garbageSrv.url), clock);
      expect(await garbage.translate(WS, { text: 'Hola de nuevo', source: 'es', target: 'en' })).toMatchObject({
        status: 'untranslated',
        flags: ['provider_bad_response'],
      });
    } finally {
      await slowSrv.close();
      await garbageSrv.close();
    }
    const apertium = new Translator(tdb.db, new ApertiumProvider(APY), clock);
    expect(await apertium.translate(WS, { text: 'こんにちは', source: 'ja', target: 'en' })).toMatchObject({
      status: 'untranslated',
      flags: ['unsupported_pair'],
    });
    expect(await new Translator(tdb.db, null, clock).translate(WS, { text: 'Hola', source: 'es', target: 'en' })).toMatchObject({
      flags: ['no_provider'],
    });
  });
});
