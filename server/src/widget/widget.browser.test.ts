/**
 * The chat widget in real Chromium (playwright-core + Debian chromium) against a listening server:
 * languages and times (acceptance 2), a slow widget.js never holds the host page's load (acceptance 5),
 * and a visitor and an agent chatting across a dropped socket with nothing lost or doubled (acceptance 1).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S, TABLE } from '../../../widget/src/strings.js';
import { chromiumForTests, launchBrowser, screenshotPath } from '../test/browser.js';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, type TestWorkspace } from '../test/harness.js';
import { startLiveHarness, type LiveHarness } from '../test/live.js';
import type { WidgetConfig } from './protocol.js';

// Code inside page.evaluate runs in the browser; the server's tsconfig has no DOM types.
declare const window: any;
declare const document: any;

const text = (lang: string, k: S) => TABLE[lang]!.split('|')[k]!;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Mon–Fri 09:00–17:00 in Berlin: open at the harness's T0 (Monday 10:00 there). */
const BERLIN = { timeZone: 'Europe/Berlin', weekly: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }] };
/** Mon–Fri 09:00–17:00 in Tokyo: closed at T0 (18:00 there). */
const TOKYO = { timeZone: 'Asia/Tokyo', weekly: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }] };

describe.skipIf(!chromiumForTests()).each(ENGINES)('chat widget in Chromium on $engine', (engine) => {
  let h: LiveHarness;
  let browser: Browser;
  let open: { ws: TestWorkspace; key: string };
  let closed: { ws: TestWorkspace; key: string };

  const ok = async (ws: TestWorkspace, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => {
    const r = await call(h, ws.token, method, url, body);
    if (r.statusCode >= 300) throw new Error(`${method} ${url} → ${r.statusCode} ${r.body}`);
    return r.json();
  };

  async function widgetWorkspace(definition: object): Promise<{ ws: TestWorkspace; key: string }> {
    const ws = await makeWorkspace(h);
    const calendar = await ok(ws, 'POST', '/api/v1/calendars', { name: 'hours', definition });
    const agent = await ok(ws, 'POST', '/api/v1/agents', { email: `ana-${ws.slug}@example.com`, name: 'Ana' });
    const team = await ok(ws, 'POST', '/api/v1/teams', {
      name: 'Support',
      timeZone: (definition as { timeZone: string }).timeZone,
      calendarId: calendar.id,
      memberIds: [agent.id],
    });
    const settings = await ok(ws, 'PUT', '/api/v1/widget/settings', { enabled: true, teamId: team.id });
    return { ws, key: settings.publicKey };
  }

  const config = async (key: string, lang: string): Promise<WidgetConfig> =>
    (await call(h, null, 'GET', `/api/v1/widget/config?key=${key}`, undefined, { 'accept-language': lang })).json();

  /** The demo page of a workspace in a fresh context (own storage, language and zone). */
  async function visit(key: string, opts: { locale?: string; timezoneId?: string } = {}): Promise<{ ctx: BrowserContext; page: Page }> {
    const ctx = await browser.newContext({
      locale: opts.locale ?? 'en-US',
      timezoneId: opts.timezoneId ?? 'UTC',
      viewport: { width: 900, height: 720 },
    });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${h.base}/widget/demo?key=${key}`);
    await page.locator('button.l').waitFor();
    expect(errors).toEqual([]);
    return { ctx, page };
  }

  /** Instants formatted as the widget must: the visitor's language and zone (computed here with an explicit zone). */
  const expectedTime = (page: Page, iso: string, locale: string, timeZone: string) =>
    page.evaluate(
      ([iso, locale, timeZone]) => new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date(iso!)),
      [iso, locale, timeZone],
    );

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startLiveHarness(engine, {
      // The harness clock is fixed, so buckets never refill: room for every request of this file.
      widgetLimits: {
        ipRequests: { capacity: 10_000, refillPerSecond: 1 },
        ipSockets: { capacity: 10_000, refillPerSecond: 1 },
        visitorMessages: { capacity: 10_000, refillPerSecond: 1 },
      },
    });
    open = await widgetWorkspace(BERLIN);
    closed = await widgetWorkspace(TOKYO);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it.skipIf(!engine.available).each([
    { lang: 'ja', locale: 'ja-JP', timezoneId: 'Asia/Tokyo', dir: 'ltr' },
    { lang: 'ar', locale: 'ar-EG', timezoneId: 'Africa/Cairo', dir: 'rtl' },
    { lang: 'pt-BR', locale: 'pt-BR', timezoneId: 'America/Sao_Paulo', dir: 'ltr' },
  ])(
    "speaks $lang from the browser's language and shows the expected reply and hours in $timezoneId",
    async ({ lang, locale, timezoneId, dir }) => {
      const cfg = await config(open.key, locale);
      expect(cfg.open).toBe(true);
      expect(cfg.expectedReplyAt).not.toBeNull();
      const { ctx, page } = await visit(open.key, { locale, timezoneId });
      const launcher = page.locator('button.l');
      expect(await launcher.getAttribute('aria-label')).toBe(text(lang, S.title));
      await launcher.click();
      const panel = page.locator('section.p');
      await panel.waitFor();
      expect(await panel.getAttribute('dir')).toBe(dir);
      expect(await panel.getAttribute('lang')).toBe(lang);
      expect(await page.locator('button.x').getAttribute('aria-label')).toBe(text(lang, S.close));
      expect(await page.locator('textarea').getAttribute('placeholder')).toBe(text(lang, S.input));

      const header = await page.locator('header').innerText();
      expect(header).toContain(text(lang, S.online));
      const reply = await expectedTime(page, cfg.expectedReplyAt!, lang, timezoneId);
      // The visitor's zone, not UTC or the team's: the test could not pass if the widget used either.
      expect(reply).not.toBe(await expectedTime(page, cfg.expectedReplyAt!, lang, 'UTC'));
      expect(reply).not.toBe(await expectedTime(page, cfg.expectedReplyAt!, lang, 'Europe/Berlin'));
      const [before, after] = text(lang, S.replyBy).split('{t}');
      expect(header).toContain(before!.trim());
      expect(header).toContain(reply);
      expect(header.indexOf(reply)).toBeGreaterThan(header.indexOf(before!.trim()) - 1);
      if (after!.trim()) expect(header).toContain(after!.trim());
      const opening = await expectedTime(page, cfg.hoursToday[0]!.start, lang, timezoneId);
      expect(header).toContain(opening);
      await page.screenshot({ path: screenshotPath(`widget-${lang}.png`) });
      await ctx.close();
    },
  );

  it.skipIf(!engine.available)('data-locale and the JS API override the browser language', async () => {
    const { ctx, page } = await visit(open.key, { locale: 'de-DE' });
    expect(await page.locator('button.l').getAttribute('aria-label')).toBe(text('de', S.title));
    await page.evaluate(() => window.MeridianWidget('locale', 'zh-TW'));
    expect(await page.locator('button.l').getAttribute('aria-label')).toBe(text('zh-Hant', S.title));
    await page.goto(`${h.base}/widget/demo?key=${open.key}&locale=fa`);
    await page.locator('button.l').click();
    expect(await page.locator('section.p').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('button.l').getAttribute('aria-label')).toBe(text('fa', S.title));
    await ctx.close();
  });

  it.skipIf(!engine.available)("a slow widget.js does not hold back the host page's load; calls queued before it arrive", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const DELAY = 3000;
    let served = 0;
    await page.route('**/widget.js', async (route) => {
      await new Promise((r) => setTimeout(r, DELAY));
      served = Date.now();
      await route.continue();
    });
    const started = Date.now();
    await page.goto(`${h.base}/widget/demo?key=${open.key}`, { waitUntil: 'load' });
    const loaded = Date.now();
    expect(loaded - started).toBeLessThan(DELAY);
    expect(served).toBe(0);
    // The page's own script can already talk to the widget: the stub queues the call.
    const queued = await page.evaluate(() => {
      window.MeridianWidget('open');
      return window.MeridianWidget.q?.length;
    });
    expect(queued).toBe(1);
    expect(await page.locator('[data-meridian-widget]').count()).toBe(0);
    // When the bundle arrives it replays the queue: the panel opens by itself.
    await page.locator('section.p').waitFor({ timeout: 15_000 });
    expect(served).toBeGreaterThan(loaded);
    expect(await page.evaluate(() => document.readyState)).toBe('complete');
    await ctx.close();
  });

  it.skipIf(!engine.available)(
    'is accessible: axe finds nothing; Esc closes and returns focus; Enter sends, Shift+Enter is a new line',
    async () => {
      const { ctx, page } = await visit(open.key);
      await page.locator('button.l').focus();
      await page.keyboard.press('Enter');
      await page.locator('section.p').waitFor();
      // Focus moved into the panel's text box.
      expect(await page.evaluate(() => document.querySelector('[data-meridian-widget]')!.shadowRoot!.activeElement?.tagName)).toBe(
        'TEXTAREA',
      );
      expect(await page.locator('[role=log]').getAttribute('aria-live')).toBe('polite');
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
        return r.violations.map((v: any) => `${v.id}: ${JSON.stringify(v.nodes.map((n: any) => n.target))}`);
      });
      expect(violations).toEqual([]);
      await page.keyboard.type('line one');
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.type('line two');
      expect(await page.locator('textarea').inputValue()).toBe('line one\nline two');
      await page.keyboard.press('Escape');
      expect(await page.locator('section.p').isHidden()).toBe(true);
      expect(await page.evaluate(() => document.querySelector('[data-meridian-widget]')!.shadowRoot!.activeElement?.className)).toBe('l');
      expect(await page.locator('button.l').getAttribute('aria-expanded')).toBe('false');
      await ctx.close();
    },
  );

  it.skipIf(!engine.available)(
    'visitor and agent chat; across a dropped socket every message arrives exactly once (acceptance 1)',
    async () => {
      const { ctx, page } = await visit(open.key);
      // Every widget socket goes through this route: passed to the real server, or refused while it is "down".
      let down = false;
      let refused = 0;
      await page.routeWebSocket(/\/api\/v1\/widget\/socket/, (ws) => {
        if (!down) return void ws.connectToServer();
        refused++;
        void ws.close();
      });
      await page.locator('button.l').click();
      const input = page.locator('textarea');
      const bubbles = (s: string) => page.locator('.m', { hasText: s });
      const send = async (s: string) => {
        await input.fill(s);
        await input.press('Enter');
      };

      await send('Hello, my invoice is wrong.');
      await page.locator('.m.v:not(.q)', { hasText: 'my invoice' }).waitFor();
      const conversations = (await ok(open.ws, 'GET', '/api/v1/conversations?channel=chat')).data;
      expect(conversations).toHaveLength(1);
      const conversationId = conversations[0].id as string;
      const messages = async () => (await ok(open.ws, 'GET', `/api/v1/conversations/${conversationId}/messages?limit=100`)).data;
      expect((await messages()).map((m: { text: string }) => m.text)).toEqual(['Hello, my invoice is wrong.']);

      const agent = await open.ws.tokenFor('agent');
      const reply = async (s: string) => {
        const r = await call(h, agent, 'POST', `/api/v1/conversations/${conversationId}/messages`, { direction: 'outbound', text: s });
        expect(r.statusCode, r.body).toBe(201);
      };
      await call(h, agent, 'POST', `/api/v1/conversations/${conversationId}/typing`, { on: true });
      await page.locator('.t', { hasText: text('en', S.typing) }).waitFor();
      await reply('Sorry about that, checking now.');
      await bubbles('checking now').waitFor();

      // The server drops the socket and refuses new ones for a while; both sides keep writing.
      down = true;
      for (const client of h.app.websocketServer.clients) client.terminate();
      await page.locator('.n', { hasText: text('en', S.reconnect) }).waitFor();
      await send('Are you still there?');
      await reply('Found it: a double charge.');
      await send('Great, thanks!');
      await reply('Refund is on its way.');
      await expect.poll(() => refused, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await bubbles('Found it').count(), 'no socket, no live delivery').toBe(0);
      expect(await page.locator('.q').count(), 'both sends wait for their ack').toBe(2);
      down = false;

      await bubbles('Refund is on its way').waitFor({ timeout: 20_000 });
      await page.locator('.m.v:not(.q)', { hasText: 'Great, thanks!' }).waitFor({ timeout: 20_000 });
      expect(await page.locator('.q').count(), 'every send acknowledged').toBe(0);

      // A send whose socket dies right after it: stored or not, it ends up there once.
      await send('One more question.');
      for (const client of h.app.websocketServer.clients) client.terminate();
      await page.locator('.m.v:not(.q)', { hasText: 'One more question.' }).waitFor({ timeout: 20_000 });

      const all = [
        'Hello, my invoice is wrong.',
        'Sorry about that, checking now.',
        'Are you still there?',
        'Found it: a double charge.',
        'Great, thanks!',
        'Refund is on its way.',
        'One more question.',
      ];
      for (const s of all) expect(await bubbles(s).count(), s).toBe(1);
      const stored = (await messages()).map((m: { text: string }) => m.text);
      expect([...stored].sort()).toEqual([...all].sort());
      expect(await page.locator('.m.v').count()).toBe(4);
      expect(await page.locator('.m.a').count()).toBe(3);
      await page.screenshot({ path: screenshotPath('widget-chat.png') });

      // A reload (same visitor in localStorage) shows the same history once.
      await page.reload();
      await page.locator('button.l').click();
      await bubbles('One more question.').waitFor();
      for (const s of all) expect(await bubbles(s).count(), `after reload: ${s}`).toBe(1);
      await ctx.close();
    },
    90_000,
  );

  it.skipIf(!engine.available)('attaches a file: uploaded, shown on the message, stored with the conversation', async () => {
    const { ctx, page } = await visit(open.key);
    await page.locator('button.l').click();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'receipt.txt', mimeType: 'text/plain', buffer: Buffer.from('paid twice') });
    await page.getByRole('button', { name: 'receipt.txt ×' }).waitFor();
    await page.locator('textarea').fill('Here is the receipt.');
    await page.locator('textarea').press('Enter');
    const sent = page.locator('.m.v:not(.q)', { hasText: 'Here is the receipt.' });
    await sent.waitFor();
    expect(await sent.innerText()).toContain('receipt.txt');
    expect(await page.getByRole('button', { name: 'receipt.txt ×' }).count()).toBe(0);
    const list = (await ok(open.ws, 'GET', '/api/v1/conversations?channel=chat')).data as { id: string }[];
    const names = [];
    for (const c of list)
      names.push(...(await ok(open.ws, 'GET', `/api/v1/conversations/${c.id}/attachments`)).data.map((a: { name: string }) => a.name));
    expect(names).toContain('receipt.txt');
    await ctx.close();
  });

  it.skipIf(!engine.available)('when nobody is on shift: an e-mail form, a confirmation, and an e-mail conversation', async () => {
    const cfg = await config(closed.key, 'en');
    expect(cfg.open).toBe(false);
    const { ctx, page } = await visit(closed.key, { timezoneId: 'America/New_York' });
    await page.locator('button.l').click();
    const header = await page.locator('header').innerText();
    expect(header).toContain(text('en', S.away));
    expect(header).toContain(await expectedTime(page, cfg.nextOpenAt!, 'en', 'America/New_York'));
    await page.getByLabel(text('en', S.email)).fill('visitor@example.org');
    await page.getByLabel(text('en', S.name)).fill('Vera Visitor');
    await page.getByLabel(text('en', S.message)).fill('Please call me back tomorrow.');
    await page.screenshot({ path: screenshotPath('widget-offline.png') });
    await page.getByRole('button', { name: text('en', S.send) }).click();
    await page.locator('[role=status]', { hasText: text('en', S.thanks) }).waitFor();
    const list = (await ok(closed.ws, 'GET', '/api/v1/conversations?channel=email')).data;
    expect(list).toHaveLength(1);
    const msgs = (await ok(closed.ws, 'GET', `/api/v1/conversations/${list[0].id}/messages`)).data;
    expect(msgs.map((m: { text: string }) => m.text)).toEqual(['Please call me back tomorrow.']);
    await ctx.close();
  });
});
