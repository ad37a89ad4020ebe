/**
 * The settings editors that replaced JSON text areas, in real Chromium against the demo workspace: a
 * lead adds a routing rule (Portuguese from Brazil → São Paulo) through the form and finds it in the
 * API, moves it up and reorders a follow-the-sun chain, sees the server's refusal of a bad language
 * tag beside that field, and axe finds nothing serious with the editors open. An admin adds a Telegram
 * account through its own labelled fields (secrets write-only: an edit with them blank keeps them) and
 * sets the widget's greeting per language and a pre-chat field as rows; then the translation engine's own
 * fields and the critical keywords, one per line per language.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_PASSWORD, DEMO_WORKSPACE, demoAgents } from '../demo/demo-data.js';
import { axeProblems } from '../test/axe.js';
import { chromiumForTests, screenshotPath } from '../test/browser.js';
import { startConsoleFixture, type ConsoleFixture } from '../test/console-fixture.js';
import { ENGINES } from '../test/engines.js';
import { call } from '../test/harness.js';
import type { LiveHarness } from '../test/live.js';
import en from '../../../console/src/i18n/messages/en.json' with { type: 'json' };

const engine = ENGINES[0]!;
const fill = (msg: string, values: Record<string, string | number>) => msg.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));

interface Routing {
  rules: { id: string; name: string; when: Record<string, string[]>; teamId: string }[];
  chains: { id: string; name: string; teamIds: string[] }[];
}

describe.skipIf(!chromiumForTests() || !engine.available)('settings editors in Chromium', () => {
  let fixture: ConsoleFixture | undefined;
  let h: LiveHarness;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    fixture = await startConsoleFixture(engine, 'settings forms test');
    ({ h, browser, token } = fixture);
  });
  afterAll(async () => {
    await fixture?.close();
  });

  const routing = async (): Promise<Routing> => (await call(h, token, 'GET', '/api/v1/routing')).json();

  async function signIn(page: Page, path: string, role: 'lead' | 'admin') {
    await page.goto(`${h.base}${path}`);
    await page.getByLabel(en['signIn.workspace']).fill(DEMO_WORKSPACE.slug);
    await page.getByLabel(en['signIn.email']).fill(demoAgents.find((a) => a.role === role)!.email);
    await page.getByLabel(en['signIn.password']).fill(DEMO_ADMIN_PASSWORD);
    await page.getByRole('button', { name: en['signIn.submit'] }).click();
  }

  it('a lead adds, reorders and fixes routing rules and reorders a chain through the form', async () => {
    const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await signIn(page, '/settings/routing', 'lead');
    const rules = page.getByRole('group', { name: en['settings.field.rules'] });
    await rules.getByRole('group', { name: /^Rule 1: / }).waitFor();
    const before = await routing();
    const n = before.rules.length;
    const teams = (await call(h, token, 'GET', '/api/v1/teams?limit=100')).json().data as { id: string; name: string }[];
    const saoPaulo = teams.find((t) => t.name === 'São Paulo')!.id;

    // Add a rule: name, conditions as inputs and checkboxes, the team from a list of names.
    await rules.getByRole('button', { name: en['settings.routing.addRule'] }).click();
    const added = rules.getByRole('group', {
      name: fill(en['settings.routing.ruleLegend'], { position: n + 1, name: en['settings.routing.newRule'] }),
    });
    await added.getByLabel(en['settings.field.name']).fill('Portuguese from Brazil');
    const rule = rules.getByRole('group', { name: `Rule ${n + 1}: Portuguese from Brazil` });
    await rule.getByLabel(en['settings.field.languages']).fill('pt');
    await rule.getByLabel(en['settings.field.countries']).fill('BR');
    await rule.getByRole('group', { name: en['settings.field.channels'] }).getByLabel(en['inbox.channel.whatsapp']).check();
    await rule.getByLabel(en['settings.routing.ruleTeam']).selectOption({ label: 'São Paulo' });
    await page.getByRole('button', { name: en['settings.save'] }).click();
    await page.getByRole('status').filter({ hasText: en['settings.saved'] }).waitFor();
    const saved = await routing();
    expect(saved.rules.slice(0, n)).toEqual(before.rules);
    expect(saved.rules[n]).toMatchObject({
      name: 'Portuguese from Brazil',
      when: { languages: ['pt'], countries: ['BR'], channels: ['whatsapp'] },
      teamId: saoPaulo,
    });
    const id = saved.rules[n]!.id;

    // Move it above the rule before it: same rules, same ids, new order.
    await rules.getByRole('button', { name: fill(en['settings.editor.moveUp'], { name: 'Portuguese from Brazil' }) }).click();
    await rules.getByRole('group', { name: `Rule ${n}: Portuguese from Brazil` }).waitFor();
    // The chain: Tokyo → … → San Francisco; its second team goes first.
    const chain = page.getByRole('group', { name: en['settings.field.chains'] }).getByRole('group', { name: /^Chain 1: / });
    const firstTwo = before.chains[0]!.teamIds.slice(0, 2);
    const second = teams.find((t) => t.id === firstTwo[1])!.name;
    await chain.getByRole('button', { name: fill(en['settings.editor.moveUp'], { name: second }) }).click();
    expect(await chain.getByLabel(fill(en['settings.routing.chainStep'], { position: 1 })).inputValue()).toBe(firstTwo[1]);
    await page.getByRole('button', { name: en['settings.save'] }).click();
    await expect
      .poll(async () => (await routing()).rules.map((r) => r.id))
      .toEqual([...before.rules.slice(0, n - 1).map((r) => r.id), id, before.rules[n - 1]!.id]);
    expect((await routing()).chains[0]!.teamIds).toEqual([firstTwo[1], firstTwo[0], ...before.chains[0]!.teamIds.slice(2)]);

    // A language that is not a tag: the server refuses it and the form says so beside that field.
    const moved = rules.getByRole('group', { name: `Rule ${n}: Portuguese from Brazil` });
    const languages = moved.getByLabel(en['settings.field.languages']);
    await languages.fill('pt, português!');
    await page.getByRole('button', { name: en['settings.save'] }).click();
    await expect.poll(() => languages.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await languages.getAttribute('aria-describedby'))!.split(' ');
    expect(await page.locator(`[id="${describedBy[describedBy.length - 1]}"]`).textContent()).toMatch(/^português!: must match pattern/);
    expect(await page.getByRole('alert').allTextContents()).toEqual([en['settings.fixErrors']]);
    expect((await routing()).rules.find((r) => r.id === id)!.when.languages).toEqual(['pt']);

    // The team settings: selects per team, and a fallback row added to one of them.
    const teamRouting = page.getByRole('group', { name: en['settings.field.teamRouting'] });
    await teamRouting.getByRole('button', { name: fill(en['settings.routing.addFallback'], { name: 'São Paulo' }) }).click();
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('console-settings-routing.png'), fullPage: true });
    await ctx.close();
  });

  it('an admin adds a Telegram account through its fields and sets the widget greeting per language', async () => {
    const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await signIn(page, '/settings/channels', 'admin');
    await page.getByRole('heading', { name: en['settings.accounts.title'], level: 2 }).waitFor();
    const addAccount = fill(en['settings.add'], { what: en['settings.accounts.title'] });
    await page.getByRole('button', { name: addAccount }).click();
    const dialog = page.getByRole('dialog', { name: addAccount });
    await dialog.getByLabel(en['settings.field.name'], { exact: true }).fill('Support bot');
    await dialog.getByLabel(en['settings.field.kind']).selectOption('telegram');
    await dialog.getByLabel(en['settings.account.botUsername']).fill('meridian_help_bot');
    const botToken = dialog.getByLabel(en['settings.account.botToken']);
    expect(await botToken.getAttribute('type')).toBe('password');
    await botToken.fill('not-a-token');
    await dialog.getByLabel(en['settings.account.secretToken']).fill('s3cret_token');
    await dialog.getByRole('button', { name: en['settings.save'] }).click();
    await expect.poll(() => botToken.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await botToken.getAttribute('aria-describedby'))!.split(' ');
    expect(await page.locator(`[id="${describedBy[describedBy.length - 1]}"]`).textContent()).toMatch(/^must match pattern/);
    // Only that: not how the body fails the WhatsApp and SMS shapes of the union.
    expect(await dialog.locator('.field-errors li').allTextContents()).toEqual([expect.stringMatching(/^must match pattern/)]);
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('console-settings-account.png') });

    await botToken.fill('123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    await dialog.getByRole('button', { name: en['settings.save'] }).click();
    await page.getByRole('cell', { name: 'Support bot', exact: true }).waitFor();
    const listed = async () =>
      ((await call(h, token, 'GET', '/api/v1/channels')).json().data as { name: string; settings: object; secretsSet: string[] }[]).find(
        (a) => a.name === 'Support bot',
      );
    expect(await listed()).toMatchObject({
      kind: 'telegram',
      settings: { botUsername: 'meridian_help_bot' },
      secretsSet: ['botToken', 'secretToken'],
    });

    // Editing: the secrets start empty and, left so, stay stored.
    await page.getByRole('button', { name: fill(en['settings.edit'], { name: 'Support bot' }) }).click();
    const edit = page.getByRole('dialog');
    expect(await edit.getByLabel(en['settings.account.botToken']).inputValue()).toBe('');
    await edit.getByLabel(en['settings.account.botUsername']).fill('meridian_desk_bot');
    await edit.getByRole('button', { name: en['settings.save'] }).click();
    await expect.poll(async () => (await listed())?.settings).toEqual({ botUsername: 'meridian_desk_bot' });
    expect((await listed())!.secretsSet).toEqual(['botToken', 'secretToken']);

    // The widget: a greeting per language as rows, and a required pre-chat e-mail field with a German label.
    const greeting = page.getByRole('group', { name: en['settings.field.greeting'] });
    const addGreeting = greeting.getByRole('button', {
      name: fill(en['settings.widget.addLanguage'], { name: en['settings.field.greeting'] }),
    });
    await addGreeting.click();
    await greeting.getByLabel(fill(en['settings.widget.textIn'], { language: 'English (en)' })).fill('Hi! How can we help?');
    await addGreeting.click();
    await greeting.getByLabel(en['settings.field.language']).nth(1).selectOption('pt');
    await greeting.getByLabel(fill(en['settings.widget.textIn'], { language: 'Portuguese (pt)' })).fill('Olá! Como podemos ajudar?');
    const preChat = page.getByRole('group', { name: en['settings.field.preChatFields'] });
    await preChat.getByRole('button', { name: en['settings.widget.addField'] }).click();
    const field = preChat.getByRole('group', {
      name: fill(en['settings.widget.fieldLegend'], { position: 1, name: en['settings.widget.newField'] }),
    });
    await field.getByLabel(en['settings.widget.fieldName']).fill('email');
    const emailField = preChat.getByRole('group', { name: fill(en['settings.widget.fieldLegend'], { position: 1, name: 'email' }) });
    await emailField.getByLabel(en['settings.widget.fieldRequired']).check();
    await emailField
      .getByRole('button', {
        name: fill(en['settings.widget.addLanguage'], { name: fill(en['settings.widget.fieldLabel'], { name: 'email' }) }),
      })
      .click();
    await emailField.getByLabel(en['settings.field.language']).selectOption('de');
    await emailField.getByLabel(fill(en['settings.widget.textIn'], { language: 'German (de)' })).fill('E-Mail-Adresse');
    await page.getByLabel(en['settings.field.enabled'], { exact: true }).last().check();
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('button', { name: en['settings.save'] }).last().click();
    await page.getByLabel(en['settings.widget.snippet']).waitFor();
    expect((await call(h, token, 'GET', '/api/v1/widget/settings')).json()).toMatchObject({
      enabled: true,
      greeting: { en: 'Hi! How can we help?', pt: 'Olá! Como podemos ajudar?' },
      preChatFields: [{ name: 'email', required: true, label: { de: 'E-Mail-Adresse' } }],
    });
    await page.screenshot({ path: screenshotPath('console-settings-channels.png'), fullPage: true });
    await ctx.close();
  });

  it('an admin picks DeepL with its key and edits critical keywords per language, one per line', async () => {
    const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await signIn(page, '/settings/translation', 'admin');
    const engine = page.getByRole('group', { name: en['settings.field.provider'] });
    await engine.getByLabel(en['settings.provider.kind']).selectOption({ label: 'DeepL' });
    const key = engine.getByLabel(en['settings.provider.apiKey']);
    expect(await key.getAttribute('type')).toBe('password');
    await key.fill('dl-0123456789:fx');
    await engine.getByLabel(en['settings.provider.english']).selectOption('EN-GB');

    const keywords = page.getByRole('group', { name: en['settings.field.criticalKeywords'] });
    const refunds = keywords.getByRole('group', { name: en['settings.keywords.refund'] });
    const pt = refunds.getByLabel(fill(en['settings.keywords.lines'], { name: en['settings.keywords.refund'], language: 'pt' }));
    await pt.fill(`${await pt.inputValue()}\ndevolver o dinheiro\n`);
    await keywords.getByRole('button', { name: en['settings.keywords.addCategory'] }).click();
    const added = keywords.getByRole('group', { name: en['settings.keywords.newCategory'] });
    await added.getByLabel(en['settings.keywords.category']).fill('data_loss');
    const dataLoss = keywords.getByRole('group', { name: 'data_loss' });
    await dataLoss.getByRole('button', { name: fill(en['settings.keywords.addLanguage'], { name: 'data_loss' }) }).click();
    await dataLoss.getByLabel(fill(en['settings.keywords.language'], { name: 'data_loss' })).fill('en');
    await dataLoss
      .getByLabel(fill(en['settings.keywords.lines'], { name: 'data_loss', language: 'en' }))
      .fill('lost my data\ndeleted everything');
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('button', { name: en['settings.save'] }).first().click();
    await page.getByRole('status').filter({ hasText: en['settings.saved'] }).waitFor();

    const saved = (await call(h, token, 'GET', '/api/v1/settings/translation')).json();
    expect(saved).toMatchObject({
      provider: { kind: 'deepl', english: 'EN-GB' },
      secretsSet: ['apiKey'],
      criticalKeywordsCustomized: true,
    });
    expect(saved.criticalKeywords.refund.pt).toContain('devolver o dinheiro');
    expect(saved.criticalKeywords.data_loss).toEqual({ en: ['lost my data', 'deleted everything'] });
    // After the save the key field is empty again and says a key is stored.
    expect(await key.inputValue()).toBe('');
    await page.screenshot({ path: screenshotPath('console-settings-translation.png'), fullPage: true });

    // Back to the built-in lists: the custom category goes, the engine and its key stay.
    await page.getByLabel(en['settings.field.keywordsBuiltIn']).check();
    await page.getByRole('button', { name: en['settings.save'] }).first().click();
    await expect
      .poll(async () => (await call(h, token, 'GET', '/api/v1/settings/translation')).json().criticalKeywordsCustomized)
      .toBe(false);
    const reset = (await call(h, token, 'GET', '/api/v1/settings/translation')).json();
    expect(reset.criticalKeywords.data_loss).toBeUndefined();
    expect(reset).toMatchObject({ provider: { kind: 'deepl' }, secretsSet: ['apiKey'] });
    // The form reloads the saved document after the API has it: wait for the page, not just the server.
    await keywords.getByRole('group', { name: en['settings.keywords.refund'] }).waitFor();
    await expect.poll(() => keywords.getByRole('group', { name: 'data_loss' }).count()).toBe(0);
    await expect.poll(() => page.getByLabel(en['settings.field.keywordsBuiltIn']).isChecked()).toBe(false);
    await ctx.close();
  });
});
