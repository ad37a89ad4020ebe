/**
 * The agent console in real Chromium (playwright-core + Debian chromium) against a listening server
 * with the demo workspace: sign-in through the form (a wrong password says so), the inbox route and
 * role-aware navigation, live events over the agent stream, the UI language from the browser and the
 * switcher, sign-out, and axe-core over the sign-in page and the shell. Screenshots land in docs/screenshots.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_PASSWORD, DEMO_WORKSPACE, demoAgents } from '../demo/demo-data.js';
import { axeProblems } from '../test/axe.js';
import { chromiumForTests, screenshotPath } from '../test/browser.js';
import { ENGINES } from '../test/engines.js';
import { call } from '../test/harness.js';
import { startConsoleFixture, type ConsoleFixture } from '../test/console-fixture.js';
import type { LiveHarness } from '../test/live.js';
import en from '../../../console/src/i18n/messages/en.json' with { type: 'json' };
import de from '../../../console/src/i18n/messages/de.json' with { type: 'json' };
import pt from '../../../console/src/i18n/messages/pt.json' with { type: 'json' };

// Code inside page.evaluate runs in the browser; the server's tsconfig has no DOM types.

declare const document: any;

const agentOf = (role: 'admin' | 'lead' | 'agent') => demoAgents.find((a) => a.role === role)!;

// The console does not depend on the engine: PGlite only.
const engine = ENGINES[0]!;

describe.skipIf(!chromiumForTests() || !engine.available)('agent console in Chromium', () => {
  let fixture: ConsoleFixture | undefined;
  let h: LiveHarness;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    fixture = await startConsoleFixture(engine, 'console test');
    ({ h, browser, token } = fixture);
  });
  afterAll(async () => {
    await fixture?.close();
  });

  /** A fresh context (own cookies and language) on the console; page errors and CSP refusals fail the test. */
  async function open(locale = 'en-US', path = '/'): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
    const ctx = await browser.newContext({ locale, timezoneId: 'Europe/Berlin', viewport: { width: 1100, height: 720 } });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      // A wrong password is a 401 the browser reports on the console: expected, not an error of ours.
      if (m.type() === 'error' && !/status of 401/.test(m.text())) errors.push(m.text());
    });
    await page.goto(`${h.base}${path}`);
    return { ctx, page, errors };
  }

  async function signIn(page: Page, email: string, password = DEMO_ADMIN_PASSWORD): Promise<void> {
    await page.getByLabel(en['signIn.workspace']).fill(DEMO_WORKSPACE.slug);
    await page.getByLabel(en['signIn.email']).fill(email);
    await page.getByLabel(en['signIn.password']).fill(password);
    await page.getByRole('button', { name: en['signIn.submit'] }).click();
  }

  const nav = (page: Page) => page.getByRole('navigation', { name: en['shell.navLabel'] });

  it('an agent signs in through the form (a wrong password says so), lands on the inbox and sees live events', async () => {
    const agent = agentOf('agent');
    const { ctx, page, errors } = await open();
    await page.getByRole('heading', { name: en['signIn.title'] }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('console-sign-in.png') });

    await signIn(page, agent.email, 'not the password');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(en['signIn.invalidCredentials']);
    expect(page.url()).toBe(`${h.base}/`);

    await page.getByLabel(en['signIn.password']).fill(DEMO_ADMIN_PASSWORD);
    await page.getByRole('button', { name: en['signIn.submit'] }).click();
    await page.getByRole('heading', { name: en['inbox.title'] }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/inbox');
    expect(await page.getByRole('banner').textContent()).toContain(agent.name);
    expect(await nav(page).getByRole('link').allTextContents()).toEqual([en['nav.inbox']]);
    expect(await nav(page).getByRole('link', { name: en['nav.inbox'] }).getAttribute('aria-current')).toBe('page');

    // The stream authenticates with the session cookie; an event committed elsewhere arrives without a reload.
    await page.getByText('Live', { exact: true }).waitFor();
    const created = await call(h, token, 'POST', '/api/v1/conversations', {
      customer: { email: 'console-live@example.pt' },
      channel: 'chat',
      message: { text: 'Olá, preciso de ajuda' },
    });
    expect(created.statusCode).toBe(201);
    await page.locator(`.inbox-table tbody tr[data-id="${(created.json() as { id: string }).id}"]`).waitFor();

    expect(await axeProblems(page)).toEqual([]);

    // An agent who types a lead's URL gets no settings page.
    await page.goto(`${h.base}/settings`);
    await page.getByRole('heading', { name: en['forbidden.title'] }).waitFor();
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('a lead sees Settings and Reports, switches the UI language and signs out', async () => {
    const lead = agentOf('lead');
    const { ctx, page, errors } = await open();
    await signIn(page, lead.email);
    await page.getByRole('heading', { name: en['inbox.title'] }).waitFor();
    expect(await nav(page).getByRole('link').allTextContents()).toEqual([
      en['nav.inbox'],
      en['nav.settings'],
      en['nav.reports'],
      en['nav.feedback'],
      en['nav.changes'],
    ]);
    await nav(page).getByRole('link', { name: en['nav.settings'] }).click();
    await page.getByRole('heading', { name: en['settings.title'] }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings');
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('console-settings.png') });

    await page.getByLabel(en['shell.language']).selectOption('de');
    await page.getByRole('heading', { name: de['settings.title'] }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await page.getByRole('navigation', { name: de['shell.navLabel'] }).getByRole('link').allTextContents()).toEqual([
      de['nav.inbox'],
      de['nav.settings'],
      de['nav.reports'],
      de['nav.feedback'],
      de['nav.changes'],
    ]);
    // The choice is kept: a reload comes back in German, on the same page (the session cookie holds).
    await page.reload();
    await page.getByRole('heading', { name: de['settings.title'] }).waitFor();

    // The choice is the lead's, not this browser's: another browser (English, nothing stored) opens in German after sign-in.
    const elsewhere = await open();
    await signIn(elsewhere.page, lead.email);
    await elsewhere.page.getByRole('heading', { name: de['inbox.title'] }).waitFor();
    expect(await elsewhere.page.evaluate(() => document.documentElement.lang)).toBe('de');
    await elsewhere.page.getByRole('banner').getByLabel(de['shell.language']).selectOption('en');
    await elsewhere.page.getByRole('heading', { name: en['inbox.title'] }).waitFor();
    await expect
      .poll(
        async () =>
          (await call(h, token, 'GET', '/api/v1/agents?limit=100')).json().data.find((a: { email: string }) => a.email === lead.email)
            .uiLocale,
      )
      .toBe('en');
    expect(elsewhere.errors).toEqual([]);
    await elsewhere.ctx.close();

    await page.getByRole('button', { name: de['shell.signOut'] }).click();
    await page.getByRole('heading', { name: de['signIn.title'] }).waitFor();
    // The session is gone on the server too, not just forgotten by the page.
    await page.reload();
    await page.getByRole('heading', { name: de['signIn.title'] }).waitFor();
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("speaks the browser's language when nothing was chosen, and opens the asked-for page after sign-in", async () => {
    const admin = agentOf('admin');
    const listed = (await call(h, token, 'GET', '/api/v1/conversations?limit=1')).json() as {
      data: { id: string; subject: string | null }[];
    };
    const target = listed.data[0]!;
    const { ctx, page, errors } = await open('pt-BR', `/conversations/${target.id}`);
    await page.getByRole('heading', { name: pt['signIn.title'] }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pt');
    await page.getByLabel(pt['signIn.workspace']).fill(DEMO_WORKSPACE.slug);
    await page.getByLabel(pt['signIn.email']).fill(admin.email);
    await page.getByLabel(pt['signIn.password']).fill(DEMO_ADMIN_PASSWORD);
    await page.getByRole('button', { name: pt['signIn.submit'] }).click();
    await page.getByRole('heading', { level: 1, name: target.subject ?? pt['conv.noSubject'] }).waitFor();
    expect(await nav(page).count()).toBe(0); // the nav is labelled in Portuguese now
    expect(await page.getByRole('navigation', { name: pt['shell.navLabel'] }).getByRole('link').count()).toBe(5);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
