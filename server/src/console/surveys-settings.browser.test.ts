/**
 * Settings → Surveys in real Chromium (issue 8: leads configure surveys without the API). A lead
 * switches the kind to NPS, adds a reason labelled in Spanish and sets quiet hours 21→8; the settings
 * read back through the API are exactly that, with every other field as it was (the PUT replaces the
 * document, so the form must carry what it was not asked to change). A duplicate reason key and an
 * unknown placeholder are refused beside their fields and change nothing; axe finds nothing serious.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAgents } from '../demo/demo-data.js';
import { axeProblems } from '../test/axe.js';
import { chromiumForTests, screenshotPath } from '../test/browser.js';
import { startConsoleFixture, type ConsoleFixture } from '../test/console-fixture.js';
import { signedInPage } from '../test/console-page.js';
import { ENGINES } from '../test/engines.js';
import { call } from '../test/harness.js';
import type { LiveHarness } from '../test/live.js';
import en from '../../../console/src/i18n/messages/en.json' with { type: 'json' };

const engine = ENGINES[0]!;
const fill = (msg: string, values: Record<string, string | number>) => msg.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));

describe.skipIf(!chromiumForTests() || !engine.available)('survey settings in Chromium', () => {
  let fixture: ConsoleFixture | undefined;
  let h: LiveHarness;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    fixture = await startConsoleFixture(engine, 'survey settings test');
    ({ h, browser, token } = fixture);
  });
  afterAll(async () => {
    await fixture?.close();
  });

  const settings = async (): Promise<Record<string, unknown>> => (await call(h, token, 'GET', '/api/v1/surveys/settings')).json();

  it('a lead switches to NPS, adds a Spanish reason and sets quiet hours; the rest stays as it was', async () => {
    // Not the defaults, so a field the form dropped would show as changed.
    const arranged = {
      kind: 'csat',
      askComment: false,
      reasons: [{ key: 'slow', labels: { en: 'Too slow', de: 'Zu langsam' } }],
      delayMinutes: 30,
      throttleDays: 14,
      linkTtlHours: 72,
      channels: ['email', 'whatsapp'],
      texts: { de: { subject: 'Wie war es bei {workspace}?' } },
    };
    expect((await call(h, token, 'PUT', '/api/v1/surveys/settings', arranged)).statusCode).toBe(200);
    const before = await settings();

    const lead = demoAgents.find((a) => a.role === 'lead')!;
    const { ctx, page, errors } = await signedInPage(browser, h.base, lead.email, { path: '/settings/surveys' });
    await page.getByRole('link', { name: en['settings.surveys.title'] }).waitFor();
    await page.getByRole('heading', { name: en['settings.surveys.title'], level: 2 }).waitFor();
    const nps = page.getByRole('radio', { name: en['settings.surveys.kind.nps'] });
    const csat = page.getByRole('radio', { name: en['settings.surveys.kind.csat'] });
    expect(await csat.isChecked()).toBe(true);
    // The kind by keyboard: the radio group's arrow keys.
    await csat.focus();
    await page.keyboard.press('ArrowDown');
    expect(await nps.isChecked()).toBe(true);

    const reasons = page.getByRole('group', { name: en['settings.surveys.reasons'], exact: true });
    await reasons.getByRole('button', { name: en['settings.surveys.addReason'] }).click();
    const added = reasons.getByRole('group', {
      name: fill(en['settings.surveys.reasonLegend'], { position: 2, name: en['settings.surveys.newReason'] }),
    });
    await added.getByLabel(en['settings.surveys.reasonKey']).fill('price');
    const price = reasons.getByRole('group', { name: fill(en['settings.surveys.reasonLegend'], { position: 2, name: 'price' }) });
    const labelsOfPrice = fill(en['settings.surveys.reasonLabels'], { name: 'price' });
    await price.getByRole('button', { name: fill(en['settings.widget.addLanguage'], { name: labelsOfPrice }) }).click();
    await price.getByLabel(en['settings.field.language']).selectOption('es');
    await price.getByLabel(fill(en['settings.widget.textIn'], { language: 'Spanish (es)' })).fill('Precio');

    await page.getByLabel(en['settings.surveys.quietStart']).selectOption('21');
    await page.getByLabel(en['settings.surveys.quietEnd']).selectOption('8');
    await page.getByRole('button', { name: en['settings.save'] }).click();
    await page.getByRole('status').filter({ hasText: en['settings.saved'] }).waitFor();

    const saved = await settings();
    expect(saved).toEqual({
      ...before,
      kind: 'nps',
      reasons: [...arranged.reasons, { key: 'price', labels: { es: 'Precio' } }],
      quietStart: 21,
      quietEnd: 8,
      updatedAt: expect.any(String),
    });

    // A second reason keyed 'slow' and a placeholder the server does not fill: each refused beside its field.
    await reasons.getByRole('button', { name: en['settings.surveys.addReason'] }).click();
    const third = reasons.getByRole('group', {
      name: fill(en['settings.surveys.reasonLegend'], { position: 3, name: en['settings.surveys.newReason'] }),
    });
    await third.getByLabel(en['settings.surveys.reasonKey']).fill('slow');
    const slow = reasons.getByRole('group', { name: fill(en['settings.surveys.reasonLegend'], { position: 3, name: 'slow' }) });
    await slow
      .getByRole('button', {
        name: fill(en['settings.widget.addLanguage'], { name: fill(en['settings.surveys.reasonLabels'], { name: 'slow' }) }),
      })
      .click();
    await slow.getByLabel(fill(en['settings.widget.textIn'], { language: 'English (en)' })).fill('Slow again');
    const german = page.getByRole('group', { name: fill(en['settings.surveys.textsLegend'], { language: 'German (de)' }) });
    await german.getByLabel(en['settings.surveys.text.question']).fill('Wie fanden Sie {agent}?');
    await page.getByRole('button', { name: en['settings.save'] }).click();

    const key = slow.getByLabel(en['settings.surveys.reasonKey']);
    await expect.poll(() => key.getAttribute('aria-invalid')).toBe('true');
    const errorOf = async (input: typeof key) => {
      const ids = (await input.getAttribute('aria-describedby'))!.split(' ');
      return page.locator(`[id="${ids[ids.length - 1]}"]`).textContent();
    };
    expect(await errorOf(key)).toBe("duplicate reason key 'slow'");
    const question = german.getByLabel(en['settings.surveys.text.question']);
    expect(await question.getAttribute('aria-invalid')).toBe('true');
    expect(await errorOf(question)).toBe('unknown placeholder {agent}; only {workspace} is filled in');
    // Only those two, each at its field; the first key and the other texts are not blamed.
    expect(await page.locator('.field-errors li').count()).toBe(2);
    expect(await page.getByRole('alert').allTextContents()).toEqual([en['settings.fixErrors']]);
    expect(await settings()).toEqual(saved);

    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('console-settings-surveys.png'), fullPage: true });
    // The refused save's 400 is the only thing the browser logged.
    expect(errors).toEqual([expect.stringMatching(/status of 400/)]);
    await ctx.close();
  });
});
