/**
 * In-chat rating in real Chromium: a visitor whose chat received a survey invitation sees its scale
 * under the message (a group named in the survey's language, one button per score), answers with one
 * press, and reads the thanks; the score is stored with source 'widget'. axe-core finds nothing serious.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../lib/secret-box.js';
import { seedSurveyInvitation } from '../surveys/survey-page.test-support.js';
import { SURVEY_TEXTS } from '../surveys/survey-texts.js';
import { axeProblems } from '../test/axe.js';
import { chromiumForTests, launchBrowser, screenshotPath } from '../test/browser.js';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, type TestWorkspace } from '../test/harness.js';
import { startLiveHarness, type LiveHarness } from '../test/live.js';
import { widgetSocket } from '../test/widget-socket.js';

// The widget does not depend on the engine: PGlite only.
const engine = ENGINES[0]!;

describe.skipIf(!chromiumForTests() || !engine.available)('in-chat survey rating in Chromium', () => {
  const box = SecretBox.random();
  let h: LiveHarness;
  let ws: TestWorkspace;
  let key: string;
  let browser: Browser;

  beforeAll(async () => {
    h = await startLiveHarness(engine, { secretBox: box });
    ws = await makeWorkspace(h);
    key = (await call(h, ws.token, 'PUT', '/api/v1/widget/settings', { enabled: true })).json().publicKey;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('the visitor rates the conversation from the chat', async () => {
    // The visitor's chat, started over the socket; the browser resumes it with the same visitor token.
    const session = (await call(h, null, 'POST', '/api/v1/widget/sessions', { key, locale: 'de' })).json();
    const w = widgetSocket(h.base, key);
    await w.send({ t: 'hello', visitorToken: session.visitorToken, since: null });
    await w.until('welcome');
    const clientId = randomUUID();
    await w.send({ t: 'send', clientId, text: 'Meine Rechnung ist doppelt.' });
    const conversationId = (await w.until('ack', (f) => f.clientId === clientId)).message.conversationId;
    w.close();
    const conv = (await call(h, ws.token, 'GET', `/api/v1/conversations/${conversationId}`)).json();
    const invitation = await seedSurveyInvitation(
      h.db,
      box,
      { workspaceId: ws.id, conversationId, customerId: conv.customerId, kind: 'csat', locale: 'de' },
      h.clock(),
    );

    const ctx = await browser.newContext({ locale: 'de-DE', viewport: { width: 900, height: 760 } });
    await ctx.addInitScript(([slot, token]) => (globalThis as any).localStorage.setItem(slot, JSON.stringify(token)), [
      `meridian:${key}:token`,
      session.visitorToken,
    ] as const);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      await page.goto(`${h.base}/widget/demo?key=${key}`);
      await page.locator('button.l').click();
      const de = SURVEY_TEXTS.de!;
      const scale = page.getByRole('group', { name: de.scoreLegend });
      await scale.waitFor();
      expect(await scale.getByRole('button').allTextContents()).toEqual(['1', '2', '3', '4', '5']);
      expect(await scale.textContent()).toContain(`1 = ${de.low.csat} · 5 = ${de.high.csat}`);
      expect(await axeProblems(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath('survey-widget.png') });
      await scale.getByRole('button', { name: '4', exact: true }).click();
      await page.getByRole('status').filter({ hasText: de.thanks }).waitFor();
      const row = await h.db.query<{ score: number; source: string }>('SELECT score, source FROM survey_responses WHERE survey_id = $1', [
        invitation.id,
      ]);
      expect(row.rows).toEqual([{ score: 4, source: 'widget' }]);
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
