/**
 * Acceptance 4's "visible on each conversation" in the console, in real Chromium: a customer with two
 * linked conversations is told of a change once; the conversation the note went out on shows the note
 * and "Customer told about the change", the other shows that they were told in another conversation.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAgents } from '../demo/demo-data.js';
import { chromiumForTests } from '../test/browser.js';
import { startConsoleFixture, type ConsoleFixture } from '../test/console-fixture.js';
import { signedInPage } from '../test/console-page.js';
import { ENGINES } from '../test/engines.js';
import { call } from '../test/harness.js';
import { CHANGE_FRAMES } from './change-texts.js';
import en from '../../../console/src/i18n/messages/en.json' with { type: 'json' };

const engine = ENGINES[0]!;

describe.skipIf(!chromiumForTests() || !engine.available)('linked changes on the console timeline', () => {
  let fixture: ConsoleFixture | undefined;
  let page: Page;
  let errors: string[] = [];

  const ok = async (method: 'POST' | 'GET', url: string, body?: unknown) => {
    const res = await call(fixture!.h, fixture!.token, method, url, body);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };

  beforeAll(async () => {
    fixture = await startConsoleFixture(engine, 'changes test');
    ({ page, errors } = await signedInPage(fixture.browser, fixture.h.base, demoAgents.find((a) => a.role === 'agent')!.email));
  });
  afterAll(async () => {
    await fixture?.close();
  });

  const open = async (conversationId: string) => {
    await page.goto(`${fixture!.h.base}/conversations/${conversationId}`);
    await page.getByRole('list', { name: en['conv.timeline'] }).or(page.getByRole('alert')).first().waitFor();
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
  };

  it('shows where the customer was told, on both linked conversations', async () => {
    const customer = await ok('POST', '/api/v1/customers', { name: 'Marta Ruiz', emails: ['marta.ruiz@example.es'], locale: 'es-ES' });
    const conversation = (text: string) =>
      ok('POST', '/api/v1/conversations', {
        customer: { id: customer.id },
        channel: 'email',
        language: 'es',
        message: { text, language: 'es' },
      });
    const first = await conversation('¿Podéis enviar las facturas en portugués?');
    fixture!.h.clock.advance(60_000);
    const second = await conversation('¿Hay novedades sobre las facturas?');
    const change = await ok('POST', '/api/v1/changes', {
      title: 'Portuguese invoices',
      description: 'Las facturas ya están disponibles en portugués.',
      sourceLanguage: 'es',
    });
    await ok('POST', `/api/v1/changes/${change.id}/links`, { conversationIds: [first.id, second.id] });
    fixture!.h.clock.advance(60_000);
    expect((await ok('POST', `/api/v1/changes/${change.id}/announce`)).sent).toBe(1);

    await open(second.id);
    await expect
      .poll(() => page.getByTestId('change-event').allTextContents())
      .toEqual([expect.stringContaining('Customer told about the change “Portuguese invoices”')]);
    expect(await page.getByTestId('message').allTextContents()).toContainEqual(expect.stringContaining(CHANGE_FRAMES.es!));

    await open(first.id);
    await expect
      .poll(() => page.getByTestId('change-event').allTextContents())
      .toEqual([expect.stringContaining('Customer told about the change “Portuguese invoices” in another conversation')]);
    expect(await page.getByTestId('message').allTextContents()).not.toContainEqual(expect.stringContaining(CHANGE_FRAMES.es!));
    expect(errors).toEqual([]);
  });
});
