/**
 * The console's inbox in real Chromium against a listening server with the demo workspace: the list
 * shows the demo conversations, the unassigned and language views and search filter it (checked
 * against the API's answer for the same query), a conversation created through the API appears
 * without a reload, a bulk close removes rows, j/k/Enter open a conversation, `?` shows the shortcuts,
 * and axe-core finds no serious issue. Writes docs/screenshots/console-inbox.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_PASSWORD, DEMO_WORKSPACE, demoAgents, demoConversations, demoCustomers } from '../demo/demo-data.js';
import { axeProblems } from '../test/axe.js';
import { chromiumForTests, screenshotPath } from '../test/browser.js';
import { ENGINES } from '../test/engines.js';
import { call } from '../test/harness.js';
import { startConsoleFixture, type ConsoleFixture } from '../test/console-fixture.js';
import type { LiveHarness } from '../test/live.js';
import en from '../../../console/src/i18n/messages/en.json' with { type: 'json' };

const UNRESOLVED = 'status=new&status=open&status=pending&status=on_hold';
const engine = ENGINES[0]!;

describe.skipIf(!chromiumForTests() || !engine.available)('console inbox in Chromium', () => {
  let fixture: ConsoleFixture | undefined;
  let h: LiveHarness;
  let browser: Browser;
  let token: string;
  let page: Page;
  const errors: string[] = [];

  /** The API's ids for an inbox query, newest first, as the admin token sees them. */
  const apiIds = async (query: string): Promise<string[]> => {
    const res = await call(h, token, 'GET', `/api/v1/conversations?${UNRESOLVED}&limit=100&${query}`);
    expect(res.statusCode).toBe(200);
    return (res.json() as { data: { id: string }[] }).data.map((c) => c.id);
  };
  const rowIds = (): Promise<string[]> => page.locator('.inbox-table tbody tr').evaluateAll((trs: any[]) => trs.map((tr) => tr.dataset.id));
  const row = (id: string) => page.locator(`.inbox-table tbody tr[data-id="${id}"]`);
  const views = () => page.getByRole('navigation', { name: en['inbox.viewsLabel'] });

  beforeAll(async () => {
    fixture = await startConsoleFixture(engine, 'inbox test');
    ({ h, browser, token } = fixture);
    const ctx = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 800 } });
    page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    // Opening /inbox signed out asks /auth/me first: a 401 the browser logs, expected.
    page.on('console', (m) => void (m.type() === 'error' && !/status of 401/.test(m.text()) && errors.push(m.text())));
    await page.goto(`${h.base}/inbox`);
    const agent = demoAgents.find((a) => a.role === 'agent')!;
    await page.getByLabel(en['signIn.workspace']).fill(DEMO_WORKSPACE.slug);
    await page.getByLabel(en['signIn.email']).fill(agent.email);
    await page.getByLabel(en['signIn.password']).fill(DEMO_ADMIN_PASSWORD);
    await page.getByRole('button', { name: en['signIn.submit'] }).click();
    await page.locator('.inbox-table tbody tr').first().waitFor();
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('lists the demo conversations with customer, language and counts, and is axe-clean', async () => {
    expect(await rowIds()).toEqual(await apiIds('view=all'));
    const open = demoConversations.filter((c) => ['new', 'open', 'pending', 'on_hold'].includes(c.status));
    expect(open.length).toBeGreaterThan(2);
    const customerNames = await page.locator('.inbox-table tbody th').allTextContents();
    for (const c of open) expect(customerNames).toContain(demoCustomers.find((x) => x.key === c.customerKey)!.name);
    // The "All" view carries the open count.
    expect(
      await views()
        .getByRole('link', { name: new RegExp(`^${en['inbox.view.all']}`) })
        .textContent(),
    ).toBe(`${en['inbox.view.all']}${open.length}`);
    await page.getByText('Live', { exact: true }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('console-inbox.png') });
  });

  it('the unassigned view, a language view and search filter the list, each in the URL', async () => {
    await views()
      .getByRole('link', { name: new RegExp(`^${en['inbox.view.unassigned']}`) })
      .click();
    await expect.poll(() => new URL(page.url()).search).toBe('?view=unassigned');
    const unassigned = await apiIds('view=unassigned');
    expect(unassigned.length).toBeLessThan((await apiIds('view=all')).length);
    await expect.poll(rowIds).toEqual(unassigned);

    await views()
      .getByRole('link', { name: /^Portuguese/ })
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get('language')).toBe('pt');
    const pt = await apiIds('language=pt');
    expect(pt.length).toBeGreaterThan(0);
    await expect.poll(rowIds).toEqual(pt);
    expect(new Set(await page.locator('.inbox-table tbody .badge').allTextContents())).toEqual(new Set(['pt']));

    const customer = demoCustomers.find((c) => c.key === demoConversations.find((d) => d.status === 'open')!.customerKey)!;
    await page.goto(`${h.base}/inbox`);
    await page.getByLabel(en['inbox.search']).fill(customer.name.split(' ')[0]!);
    await page.getByLabel(en['inbox.search']).press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(customer.name.split(' ')[0]);
    const found = await apiIds(`q=${encodeURIComponent(customer.name.split(' ')[0]!)}`);
    expect(found.length).toBeGreaterThan(0);
    await expect.poll(rowIds).toEqual(found);
    expect(await page.locator('.inbox-table tbody th').allTextContents()).toContain(customer.name);
  });

  it('a conversation created through the API appears live; a bulk close removes the selected rows', async () => {
    await page.goto(`${h.base}/inbox`);
    await page.getByText('Live', { exact: true }).waitFor();
    await page.locator('.inbox-table tbody tr').first().waitFor();
    const before = await rowIds();
    const created = await call(h, token, 'POST', '/api/v1/conversations', {
      customer: { email: 'inbox-live@example.pt', name: 'Inês Live' },
      channel: 'chat',
      message: { text: 'Olá, a minha encomenda não chegou' },
    });
    expect(created.statusCode).toBe(201);
    const id = (created.json() as { id: string }).id;
    await row(id).waitFor();
    expect(await row(id).locator('th').textContent()).toBe('Inês Live');

    // Select the new row and the next one with a shift-click range, then close both.
    await row(id).getByRole('checkbox').click();
    await row(before[0]!)
      .getByRole('checkbox')
      .click({ modifiers: ['Shift'] });
    await page.getByRole('toolbar', { name: en['inbox.bulk.label'] }).getByText('2 selected').waitFor();
    await page.getByRole('button', { name: en['inbox.bulk.close'], exact: true }).click();
    await expect.poll(rowIds).toEqual(before.slice(1));
    for (const c of [id, before[0]!]) {
      expect((await call(h, token, 'GET', `/api/v1/conversations/${c}`)).json()).toMatchObject({ status: 'closed' });
    }
  });

  it('j/k move through the list, Enter opens a conversation, g i returns, ? lists the shortcuts', async () => {
    await page.goto(`${h.base}/inbox`);
    await page.locator('.inbox-table tbody tr').first().waitFor();
    const ids = await rowIds();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: en['shortcuts.title'] });
    await help.waitFor();
    expect(await help.textContent()).toContain(en['shortcuts.assignToMe']);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    await page.locator('body').click({ position: { x: 5, y: 700 } });
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expect.poll(() => page.locator('.inbox-table tbody tr.active').getAttribute('data-id')).toBe(ids[1]);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/conversations/${ids[1]}`);
    // g then i: back to the inbox from any page.
    await page.locator('body').click({ position: { x: 5, y: 700 } });
    await page.keyboard.press('g');
    await page.keyboard.press('i');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/inbox');
    expect(errors).toEqual([]);
  });
});
