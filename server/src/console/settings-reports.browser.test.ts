/**
 * The console's settings and reports pages in real Chromium against a listening server with the demo
 * workspace: an admin creates a team through the form (a bad time zone is shown next to its field),
 * sees it listed and in the API, adds a calendar and reads its next openings, then opens the reports
 * (an ECharts canvas and its data table); axe-core over both pages. Screenshots land in docs/screenshots.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_PASSWORD, DEMO_WORKSPACE, demoAgents } from '../demo/demo-data.js';
import { chromiumForTests, screenshotPath } from '../test/browser.js';
import { axeProblems } from '../test/axe.js';
import { ENGINES } from '../test/engines.js';
import { call } from '../test/harness.js';
import { startConsoleFixture, type ConsoleFixture } from '../test/console-fixture.js';
import { signedInPage } from '../test/console-page.js';
import type { LiveHarness } from '../test/live.js';
import en from '../../../console/src/i18n/messages/en.json' with { type: 'json' };

const engine = ENGINES[0]!;

describe.skipIf(!chromiumForTests() || !engine.available)('console settings and reports in Chromium', () => {
  let fixture: ConsoleFixture | undefined;
  let h: LiveHarness;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    fixture = await startConsoleFixture(engine, 'settings test');
    ({ h, browser, token } = fixture);
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('an admin creates a team and a calendar through the forms, sees a validation error, and reads the reports', async () => {
    const { ctx, page, errors } = await signedInPage(browser, h.base, demoAgents.find((a) => a.role === 'admin')!.email);
    await page.getByRole('heading', { name: en['inbox.title'] }).waitFor();

    // Settings opens on its first section, teams, listing the demo's teams.
    await page.getByRole('navigation', { name: en['shell.navLabel'] }).getByRole('link', { name: en['nav.settings'] }).click();
    await page.getByRole('heading', { name: en['settings.title'], level: 1 }).waitFor();
    const teams = page.getByRole('table');
    await teams.getByRole('cell', { name: 'São Paulo', exact: true }).waitFor();

    // A time zone that does not exist: the server refuses it and the form says so beside the field.
    await page.getByRole('button', { name: 'Add to Teams' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add to Teams' });
    await dialog.getByLabel(en['settings.field.name']).fill('Manila night shift');
    await dialog.getByLabel(en['settings.field.timeZone']).fill('Asia/Atlantis');
    await dialog.getByLabel(en['settings.field.languages']).fill('tl, en');
    await dialog.getByRole('button', { name: en['settings.save'] }).click();
    const zone = dialog.getByLabel(en['settings.field.timeZone']);
    await expect.poll(() => zone.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await zone.getAttribute('aria-describedby'))!.split(' ');
    const zoneError = page.locator(`[id="${describedBy[describedBy.length - 1]}"]`);
    expect(await zoneError.textContent()).toBe('not an IANA time zone');
    expect(await axeProblems(page)).toEqual([]);

    await zone.fill('Asia/Manila');
    await dialog.getByRole('button', { name: en['settings.save'] }).click();
    await teams.getByRole('cell', { name: 'Manila night shift', exact: true }).waitFor();
    expect(await dialog.count()).toBe(0);
    const listed = (await call(h, token, 'GET', '/api/v1/teams?limit=100')).json();
    expect(listed.data.find((t: { name: string }) => t.name === 'Manila night shift')).toMatchObject({
      timeZone: 'Asia/Manila',
      languages: ['tl', 'en'],
    });

    // A calendar from weekly-hours lines and a holiday country; its next openings come from the server.
    await page
      .getByRole('navigation', { name: en['settings.sectionsLabel'] })
      .getByRole('link', { name: en['settings.calendars.title'] })
      .click();
    expect(new URL(page.url()).pathname).toBe('/settings/calendars');
    await page.getByRole('button', { name: 'Add to Business calendars' }).click();
    const calDialog = page.getByRole('dialog');
    await calDialog.getByLabel(en['settings.field.name']).fill('Manila office');
    await calDialog.getByLabel(en['settings.field.timeZone']).fill('Asia/Manila');
    await calDialog.getByLabel(en['settings.field.weekly']).fill('1-5 08:00-17:00\n6 09:00-12:00');
    await calDialog.getByLabel(en['settings.field.holidayCountry']).fill('PH');
    await calDialog.getByRole('button', { name: en['settings.save'] }).click();
    await page.getByRole('cell', { name: 'Manila office', exact: true }).waitFor();
    const calendars = (await call(h, token, 'GET', '/api/v1/calendars?limit=100')).json();
    expect(calendars.data.find((c: { name: string }) => c.name === 'Manila office').definition).toMatchObject({
      timeZone: 'Asia/Manila',
      weekly: [
        { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' },
        { days: [6], start: '09:00', end: '12:00' },
      ],
      holidays: { country: 'PH' },
    });
    await page.getByRole('button', { name: 'Details of Manila office' }).click();
    await page.getByRole('heading', { name: 'Next openings (Asia/Manila)' }).waitFor();
    expect(await page.locator('.openings li').count()).toBeGreaterThan(0);
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('console-settings.png'), fullPage: true });

    // Every other section loads from its API without an error and passes axe.
    const sections = page.getByRole('navigation', { name: en['settings.sectionsLabel'] });
    for (const [slug, title] of [
      ['sla', en['settings.sla.title']],
      ['routing', en['settings.routing.title']],
      ['channels', en['settings.widget.title']],
      ['translation', en['settings.glossary.title']],
      ['acknowledgements', en['settings.acks.title']],
      ['surveys', en['settings.surveys.title']],
      ['agents', en['settings.agents.title']],
    ] as const) {
      await sections.getByRole('link', { name: en[`settings.${slug === 'acknowledgements' ? 'acks' : slug}.title`] }).click();
      await page.getByRole('heading', { name: title, level: 2 }).waitFor();
      await page.getByRole('button', { name: en['settings.save'] }).or(page.getByRole('table')).first().waitFor();
      expect(await page.getByRole('alert').allTextContents(), slug).toEqual([]);
      expect(await axeProblems(page), slug).toEqual([]);
    }
    // The demo has no widget yet: saving the form sets it up, and its embed snippet is there to copy.
    await sections.getByRole('link', { name: en['settings.channels.title'] }).click();
    await page.getByText(en['settings.widget.notSetUp']).waitFor();
    await page.getByLabel(en['settings.field.enabled'], { exact: true }).check();
    await page.getByRole('button', { name: en['settings.save'] }).click();
    await page.getByLabel(en['settings.widget.snippet']).waitFor();
    expect((await call(h, token, 'GET', '/api/v1/widget/settings')).json()).toMatchObject({ enabled: true });
    expect(await page.getByLabel(en['settings.widget.snippet']).inputValue()).toContain('widget.js');

    // Reports: ECharts draws on a canvas; each chart's numbers are in a table for screen readers.
    await page.getByRole('navigation', { name: en['shell.navLabel'] }).getByRole('link', { name: en['nav.reports'] }).click();
    await page.getByRole('heading', { name: en['reports.title'], level: 1 }).waitFor();
    const volume = page.getByRole('img', { name: 'Volume by Language' });
    await volume.locator('canvas').first().waitFor();
    const table = page.getByRole('table', { name: 'Data: Volume by Language' });
    expect(await table.getByRole('row').count()).toBeGreaterThan(1);
    const api = (await call(h, token, 'GET', '/api/v1/reports/volume?by=language')).json();
    expect(api.groups.length).toBeGreaterThan(0);
    const first = api.groups[0];
    const row = table.getByRole('row', { name: new RegExp(`^${first.label}\\b`) });
    expect(await row.getByRole('cell').first().textContent()).toBe(new Intl.NumberFormat('en-US').format(first.conversations));
    await page
      .getByRole('img', { name: /^Coverage: demand by language/ })
      .locator('canvas')
      .first()
      .waitFor();

    // Grouping by team asks the server again.
    await page.getByLabel(en['reports.groupBy']).selectOption('team');
    await page.getByRole('table', { name: 'Data: Volume by Team' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('console-reports.png'), fullPage: true });
    // What the browser reports: the bad time zone's refusal, and the widget's 404 (not set up) on both visits.
    const status = (n: number) => expect.stringContaining(`status of ${n}`);
    expect(errors).toEqual([status(400), status(404), status(404)]);
    await ctx.close();
  });

  it('a lead gets the settings sections their role may change, without the admin-only ones', async () => {
    const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${h.base}/settings/sla`);
    await page.getByLabel(en['signIn.workspace']).fill(DEMO_WORKSPACE.slug);
    await page.getByLabel(en['signIn.email']).fill(demoAgents.find((a) => a.role === 'lead')!.email);
    await page.getByLabel(en['signIn.password']).fill(DEMO_ADMIN_PASSWORD);
    await page.getByRole('button', { name: en['signIn.submit'] }).click();
    await page.getByRole('heading', { name: en['settings.sla.title'], level: 2 }).waitFor();
    const sections = page.getByRole('navigation', { name: en['settings.sectionsLabel'] });
    expect(await sections.getByRole('link').allTextContents()).toEqual([
      en['settings.teams.title'],
      en['settings.calendars.title'],
      en['settings.sla.title'],
      en['settings.routing.title'],
      en['settings.translation.title'],
      en['settings.surveys.title'],
      en['settings.agents.title'],
    ]);
    // Translation: the glossary only (the engine and its keys are the admin's).
    await sections.getByRole('link', { name: en['settings.translation.title'] }).click();
    await page.getByRole('heading', { name: en['settings.glossary.title'], level: 2 }).waitFor();
    expect(await page.getByLabel(en['settings.field.provider']).count()).toBe(0);
    await page.goto(`${h.base}/settings/channels`);
    await page.getByRole('heading', { name: en['notFound.title'] }).waitFor();
    await ctx.close();
  });
});
