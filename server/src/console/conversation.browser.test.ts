/**
 * The conversation view in real Chromium against a listening server with the demo workspace (issue 7,
 * acceptance 1's conversation part, 2 and 3): an agent opens a Portuguese conversation from the inbox,
 * reads it machine-translated beside the original, replies with a template delivered in Portuguese,
 * changes the status, and a second agent's browser sees changes arrive live; a Spanish conversation is
 * read in English; hostile e-mail HTML runs nothing. The real Apertium here has English⇄Spanish and
 * Spanish⇄Portuguese, so Portuguese reaches an agent who reads Spanish.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createToken } from '../auth/create-token.js';
import { DEMO_ADMIN_PASSWORD, DEMO_WORKSPACE, demoAgents } from '../demo/demo-data.js';
import { seedDemo } from '../demo/seed-demo.js';
import { slaOnEvents } from '../sla/evaluate.js';
import { axeProblems } from '../test/axe.js';
import { chromiumForTests, launchBrowser, screenshotPath } from '../test/browser.js';
import { ENGINES } from '../test/engines.js';
import { call } from '../test/harness.js';
import { startLiveHarness, type LiveHarness } from '../test/live.js';
import { SecretBox } from '../lib/secret-box.js';
import { ApertiumProvider } from '../translation/providers/apertium.js';
import { translateInbound } from '../translation/translate-message.js';
import { Translator } from '../translation/translator.js';
import { WorkspaceTranslation } from '../translation/workspace-translation.js';
import en from '../../../console/src/i18n/messages/en.json' with { type: 'json' };

const agentByKey = (key: string) => demoAgents.find((a) => a.key === key)!;
const engine = ENGINES[0]!;
const HOSTILE_HTML =
  '<p>Hola, mirad esto:</p><script>alert("script")</script><img src="x" onerror="alert(\'onerror\')" alt="roto">' +
  '<a href="javascript:alert(\'link\')" id="bad">pulsa aquí</a> <a href="JaVaScRiPt:alert(1)">otro</a>' +
  '<a href="https://example.com/pedido">mi pedido</a><svg onload="alert(\'svg\')"></svg>' +
  '<iframe src="javascript:alert(\'frame\')"></iframe><form action="javascript:alert(1)"><button>Enviar</button></form>';

describe.skipIf(!chromiumForTests() || !engine.available || inject('apyUrl') === '')('conversation view in Chromium', () => {
  let h: LiveHarness;
  let browser: Browser;
  let token: string;
  let berlinTeamId: string;
  let sanFranciscoTeamId: string;
  let workspaceId: string;
  const slaErrors: unknown[] = [];

  beforeAll(async () => {
    // SLA clocks follow conversation events through the outbox, as in the server.
    h = await startLiveHarness(engine, {}, [slaOnEvents((err) => slaErrors.push(err))]);
    // Server and browser share the real date, so SLA times and sessions read as they would in use.
    h.clock.set(new Date());
    const { workspace } = await seedDemo(h.db, h.clock());
    workspaceId = workspace.id;
    token = (await createToken(h.db, workspace.id, { name: 'conversation test', role: 'admin' }, h.clock())).secret;
    const teams = (await call(h, token, 'GET', '/api/v1/teams?limit=100')).json().data as { id: string; name: string }[];
    berlinTeamId = teams.find((t) => t.name === 'Berlin')!.id;
    sanFranciscoTeamId = teams.find((t) => t.name === 'San Francisco')!.id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  /**
   * A signed-in context on a conversation, opened by URL or from the inbox's language view; page
   * errors, console errors and dialogs are collected.
   */
  async function openAs(
    agentKey: string,
    conversationId: string,
    from: { inboxLanguage?: string; timezoneId?: string; stayInInbox?: boolean } = {},
  ) {
    const ctx: BrowserContext = await browser.newContext({
      locale: 'en-US',
      timezoneId: from.timezoneId ?? 'Europe/Berlin',
      viewport: { width: 1280, height: 900 },
    });
    const page: Page = await ctx.newPage();
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      // Before sign-in, GET /auth/me answers 401: expected, not an error of ours.
      if (m.type() === 'error' && !/status of 401/.test(m.text()))
        errors.push(`${m.text()} at ${m.location().url}:${m.location().lineNumber}`);
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${h.base}/`);
    await page.getByLabel(en['signIn.workspace']).fill(DEMO_WORKSPACE.slug);
    await page.getByLabel(en['signIn.email']).fill(agentByKey(agentKey).email);
    await page.getByLabel(en['signIn.password']).fill(DEMO_ADMIN_PASSWORD);
    await page.getByRole('button', { name: en['signIn.submit'] }).click();
    await page.getByRole('banner').getByText(agentByKey(agentKey).name).waitFor();
    if (from.stayInInbox) {
      await page.getByRole('heading', { name: en['inbox.title'] }).waitFor();
      return { ctx, page, errors, dialogs };
    }
    if (from.inboxLanguage) {
      await page.getByRole('heading', { name: en['inbox.title'] }).waitFor();
      await page.getByRole('navigation', { name: en['inbox.viewsLabel'] }).getByRole('link', { name: from.inboxLanguage }).click();
      await page.locator(`.inbox-table tbody tr[data-id="${conversationId}"] a`).click();
    } else {
      await page.goto(`${h.base}/conversations/${conversationId}`);
    }
    // The timeline, or the page's error (shown in the failure).
    await page.getByRole('list', { name: en['conv.timeline'] }).or(page.getByRole('alert')).first().waitFor();
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
    return { ctx, page, errors, dialogs };
  }

  async function createConversation(body: Record<string, unknown>): Promise<{ id: string; customerId: string }> {
    const res = await call(h, token, 'POST', '/api/v1/conversations', body);
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  const messagesOf = async (id: string) => (await call(h, token, 'GET', `/api/v1/conversations/${id}/messages`)).json().data as any[];

  /** The server's translate job (pg-boss, not in this harness) does this for the team's readers. */
  async function translateFirstMessage(conversationId: string): Promise<string[]> {
    const translator = new Translator(
      h.db,
      new WorkspaceTranslation(h.db, SecretBox.random(), new ApertiumProvider(inject('apyUrl'))),
      h.clock,
    );
    const [inbound] = await messagesOf(conversationId);
    return (await translateInbound({ db: h.db, translator, clock: h.clock }, workspaceId, inbound.id)).targets;
  }

  it('opens a Portuguese conversation from the inbox, reads it in Spanish, replies with a template delivered in Portuguese, and sees another agent live', async () => {
    // Tiago (demo customer, Lisbon, formal) writes in Portuguese; the San Francisco team has it.
    const conv = await createConversation({
      customer: { email: 'tiago.ferreira@example.pt' },
      channel: 'email',
      subject: 'A minha encomenda não chegou',
      language: 'pt',
      teamId: sanFranciscoTeamId,
      message: { text: 'Olá, onde está a minha encomenda? Fiz o pedido há duas semanas.', language: 'pt' },
    });
    await call(h, token, 'POST', '/api/v1/templates', {
      key: 'shipping.tomorrow',
      name: 'Envío: llega mañana',
      sourceLocale: 'es',
      variants: [{ locale: 'es', body: 'Hola, su paquete llegará mañana.' }],
    });
    h.clock.advance(60_000);
    // Daniel reads English and Spanish natively; the engine has Portuguese→Spanish, not →English.
    expect(await translateFirstMessage(conv.id)).toContain('es');
    expect((await messagesOf(conv.id))[0].translations.find((t: any) => t.language === 'es')).toMatchObject({ status: 'translated' });
    await expect
      .poll(async () => (await call(h, token, 'GET', `/api/v1/conversations/${conv.id}`)).json().sla?.clocks.length ?? 0)
      .toBeGreaterThan(0);

    // Daniel opens it from the inbox's Portuguese view and reads it in Spanish, with the original a click away.
    const a = await openAs('daniel-reyes', conv.id, { inboxLanguage: 'Portuguese', timezoneId: 'America/Los_Angeles' });
    expect(new URL(a.page.url()).pathname).toBe(`/conversations/${conv.id}`);
    const first = a.page.getByTestId('message').first();
    await expect.poll(() => first.getByTestId('message-translation').textContent()).toMatch(/pedido/i);
    expect(await first.getByTestId('message-translation').getAttribute('lang')).toBe('es');
    await first.getByRole('button', { name: en['conv.showOriginal'] }).click();
    expect(await first.getByTestId('message-original').textContent()).toContain('onde está a minha encomenda?');
    await first.getByRole('button', { name: en['conv.showTranslation'] }).click();
    await first.getByTestId('message-translation').waitFor();
    expect(await a.page.getByTestId('customer-local-time').textContent()).toMatch(/\d{2}:\d{2}/);
    expect(await a.page.getByTestId('sla-timer').textContent()).toMatch(/First reply/);

    // Routing again on request shows up live as a timeline event with its explanation.
    h.clock.advance(1000);
    expect((await call(h, token, 'POST', `/api/v1/conversations/${conv.id}/route`)).statusCode).toBe(200);
    const routed = a.page.getByTestId('routing-event');
    await routed.waitFor();
    await routed.getByText(en['conv.whyHere']).click();
    expect(await routed.getByRole('listitem').count()).toBeGreaterThan(0);

    // Megan, in her inbox, is told when Daniel mentions her.
    const b = await openAs('megan-carter', conv.id, { timezoneId: 'America/Los_Angeles', stayInInbox: true });
    const mentionsButton = b.page.getByTestId('mentions-button');
    await expect.poll(() => mentionsButton.textContent()).toBe('Mentions 0');

    // An internal note mentioning a colleague: @ offers agents, the note keeps who was mentioned.
    await a.page.getByRole('heading', { level: 1 }).click();
    await a.page.keyboard.press('n');
    const note = a.page.getByLabel(en['composer.noteLabel']);
    expect(await note.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await note.fill('Checked the carrier, @meg');
    await a.page.getByRole('button', { name: /@megancarter/ }).click();
    await a.page.getByTestId('mentioned').getByText('Megan Carter').waitFor();
    await note.press('Control+Enter');
    await expect
      .poll(async () => (await messagesOf(conv.id)).find((m) => m.direction === 'note')?.channelMeta.mentions)
      .toBe((await call(h, token, 'GET', '/api/v1/agents?limit=100')).json().data.find((x: any) => x.name === 'Megan Carter').id);
    await expect.poll(() => mentionsButton.textContent()).toBe('Mentions 1');
    expect(await b.page.getByTestId('mentions-announcement').textContent()).toBe(
      'Daniel Reyes mentioned you in “A minha encomenda não chegou”',
    );
    await a.page.getByRole('radio', { name: en['composer.reply'] }).click();

    // Template (Spanish only) → written in Spanish, delivered in Portuguese.
    await a.page.getByLabel(en['composer.template']).selectOption({ label: 'Envío: llega mañana' });
    await a.page.getByRole('button', { name: en['composer.templateInsert'] }).click();
    const reply = a.page.getByLabel(en['composer.replyLabel']);
    await expect.poll(() => reply.inputValue()).toBe('Hola, su paquete llegará mañana.');
    expect(await a.page.getByTestId('customer-receives').textContent()).toBe('The customer receives it in Portuguese.');
    await a.page.getByRole('button', { name: en['composer.toneCheck'] }).click();
    await a.page.getByTestId('tone-findings').waitFor();
    await a.page.getByRole('button', { name: en['composer.preview'] }).click();
    await expect.poll(() => a.page.getByTestId('translation-preview').textContent()).toMatch(/chegará/);
    await reply.press('Control+Enter');
    const delivered = a.page.getByTestId('message-delivered');
    await expect.poll(() => delivered.textContent()).toMatch(/^Delivered in Portuguese:.*chegará/);
    const sent = (await messagesOf(conv.id)).find((m) => m.direction === 'outbound');
    expect(sent).toMatchObject({ language: 'es', text: 'Hola, su paquete llegará mañana.' });
    expect(sent.translations.find((t: any) => t.delivered)).toMatchObject({ language: 'pt', status: 'translated' });

    // Send later, written in Spanish: scheduled for the customer's business hours, to be delivered in Portuguese.
    await reply.fill('Le escribo mañana con el número de seguimiento.');
    await a.page.getByRole('button', { name: en['composer.schedule'] }).click();
    await expect.poll(() => a.page.getByTestId('composer-status').textContent()).toBe(en['composer.scheduled']);
    expect((await call(h, token, 'GET', `/api/v1/conversations/${conv.id}/scheduled-messages`)).json().data).toEqual([
      expect.objectContaining({
        status: 'scheduled',
        language: 'es',
        translateTo: 'pt',
        text: 'Le escribo mañana con el número de seguimiento.',
      }),
    ]);

    // Status through the control; the API agrees.
    await a.page.getByLabel(en['conv.status']).selectOption('pending');
    await expect.poll(async () => (await call(h, token, 'GET', `/api/v1/conversations/${conv.id}`)).json().status).toBe('pending');

    // A second agent's browser: A's status change (the s shortcut) and a new customer message arrive without reload.
    // Megan follows the mention into the conversation; opening it marks the mention read.
    await mentionsButton.click();
    await b.page
      .getByRole('list', { name: 'Unread mentions' })
      .getByRole('link', { name: /Daniel Reyes in/ })
      .click();
    await b.page.getByRole('list', { name: en['conv.timeline'] }).waitFor();
    await expect.poll(() => mentionsButton.textContent()).toBe('Mentions 0');
    expect(await b.page.getByLabel(en['conv.status']).inputValue()).toBe('pending');
    await a.page.getByRole('heading', { level: 1 }).click();
    await a.page.keyboard.press('s');
    await expect.poll(() => b.page.getByLabel(en['conv.status']).inputValue()).toBe('solved');
    h.clock.advance(60_000);
    await call(h, token, 'POST', `/api/v1/conversations/${conv.id}/messages`, { text: 'Obrigado, fico à espera.', language: 'pt' });
    await expect.poll(() => b.page.getByTestId('message').count()).toBe(4);
    await expect.poll(() => a.page.getByTestId('message').count()).toBe(4);

    // The ? help lists the shortcuts.
    await a.page.getByRole('heading', { level: 1 }).click();
    await a.page.keyboard.press('?');
    await a.page.getByRole('dialog', { name: en['shortcuts.title'] }).getByText(en['shortcuts.solve']).waitFor();
    expect(await axeProblems(a.page)).toEqual([]);
    await a.page.keyboard.press('Escape');

    expect(await axeProblems(a.page)).toEqual([]);
    await a.page.screenshot({ path: screenshotPath('console-conversation.png'), fullPage: true });
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    expect(slaErrors).toEqual([]);
    await a.ctx.close();
    await b.ctx.close();
  });

  it('reads a Spanish message in English for an agent without Spanish', async () => {
    const conv = await createConversation({
      customer: { email: 'lucia.garcia@example.es', name: 'Lucía García', locale: 'es-ES' },
      channel: 'email',
      subject: 'Mi paquete no llega',
      language: 'es',
      teamId: berlinTeamId,
      message: { text: 'Hola, ¿dónde está mi paquete? Lo pedí hace dos semanas.', language: 'es' },
    });
    expect(
      (await call(h, token, 'PATCH', `/api/v1/customers/${conv.customerId}`, { timeZone: 'Europe/Madrid', country: 'ES' })).statusCode,
    ).toBe(200);
    // Katarzyna (Polish, German, English; no Spanish): the Berlin team's translations include English.
    expect(await translateFirstMessage(conv.id)).toContain('en');
    const a = await openAs('katarzyna-nowak', conv.id);
    const first = a.page.getByTestId('message').first();
    await expect.poll(() => first.getByTestId('message-translation').textContent()).toMatch(/package/i);
    expect(await first.getByTestId('message-translation').getAttribute('lang')).toBe('en');
    expect(await a.page.getByTestId('customer-receives').textContent()).toBe('The customer receives it in Spanish.');
    expect(a.errors).toEqual([]);
    await a.ctx.close();
  });

  it('shows hostile e-mail HTML in a sandboxed frame: no script runs, links are neutralised', async () => {
    const conv = await createConversation({
      customer: { email: 'hostile@example.es', name: 'Remitente Hostil', locale: 'es-ES' },
      channel: 'email',
      subject: 'Factura adjunta',
      language: 'es',
      teamId: berlinTeamId,
      message: { text: 'Hola, mirad esto', html: HOSTILE_HTML, language: 'es' },
    });
    // The server cleans HTML on the way in; put the raw HTML back so the console's own defences are what is tested.
    const [msg] = await messagesOf(conv.id);
    await h.db.query('UPDATE messages SET html = $1 WHERE id = $2', [HOSTILE_HTML, msg.id]);

    const a = await openAs('daniel-reyes', conv.id);
    const frame = a.page.locator('iframe.email-frame');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    const srcdoc = (await frame.getAttribute('srcdoc'))!;
    expect(srcdoc).toContain('mi pedido');
    expect(srcdoc).not.toMatch(/<script|onerror|onload|javascript:|<iframe|<form|<svg/i);
    const inner = a.page.frameLocator('iframe.email-frame');
    expect(await inner.getByText('pulsa aquí').getAttribute('href')).toBeNull();
    expect(await inner.getByText('mi pedido').getAttribute('href')).toBe('https://example.com/pedido');
    await inner.getByText('pulsa aquí').click();
    await inner.getByText('otro').click();
    // Give any script a chance to run before asserting that none did.
    await a.page.getByRole('heading', { level: 1 }).click();
    await a.page.waitForLoadState('networkidle');
    expect(a.dialogs).toEqual([]);
    expect(a.errors).toEqual([]);
    expect(await axeProblems(a.page)).toEqual([]);
    await a.ctx.close();
  });
});
