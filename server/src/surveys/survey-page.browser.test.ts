/**
 * Acceptance 6 and the link half of acceptance 1 in real Chromium: the survey page in English, Japanese
 * and Arabic (right to left) passes axe-core with no serious or critical findings, a one-click link
 * (?score=4) records through the page's nonce'd script under its CSP, and the page can be answered
 * with the keyboard alone (Tab to the scale, arrows to a score, Tab to the comment, Enter). Screenshots
 * land in docs/screenshots/survey-*.png.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../lib/secret-box.js';
import { axeProblems } from '../test/axe.js';
import { chromiumForTests, launchBrowser, screenshotPath } from '../test/browser.js';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, type TestWorkspace } from '../test/harness.js';
import { startLiveHarness, type LiveHarness } from '../test/live.js';
import { seedSentSurvey, seedSurveySettings } from './survey-page.test-support.js';
import { fill, SURVEY_TEXTS } from './survey-texts.js';

// The page does not depend on the engine: PGlite only.
const engine = ENGINES[0]!;

describe.skipIf(!chromiumForTests() || !engine.available)('survey page in Chromium', () => {
  let h: LiveHarness;
  let ws: TestWorkspace;
  let browser: Browser;
  const box = SecretBox.random();
  let n = 0;

  beforeAll(async () => {
    h = await startLiveHarness(engine, { secretBox: box });
    ws = await makeWorkspace(h);
    await seedSurveySettings(
      h.db,
      ws.id,
      {
        reasons: [
          { key: 'speed', labels: { en: 'Quick answer', ja: '対応の速さ', ar: 'سرعة الرد' } },
          { key: 'clarity', labels: { en: 'Clear explanation', ja: 'わかりやすい説明', ar: 'وضوح الشرح' } },
        ],
      },
      h.clock(),
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function survey(locale: string, kind: 'csat' | 'nps' | 'ces' = 'csat') {
    const res = await call(h, ws.token, 'POST', '/api/v1/conversations', {
      customer: { email: `browser-${++n}@example.com` },
      channel: 'email',
      message: { text: `help ${n}` },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    return seedSentSurvey(h.db, box, { workspaceId: ws.id, conversationId: c.id, customerId: c.customerId, locale, kind }, h.clock());
  }
  const responseOf = async (surveyId: string) =>
    (
      await h.db.query<{ score: number; comment: string | null; source: string }>(
        'SELECT score, comment, source FROM survey_responses WHERE survey_id = $1',
        [surveyId],
      )
    ).rows[0];

  /** A fresh context on the page; script errors and CSP refusals (console errors) are collected. */
  async function open(url: string, locale: string): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
    const ctx = await browser.newContext({ locale, viewport: { width: 480, height: 900 } });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(url);
    return { ctx, page, errors };
  }

  it.each([
    ['en', 'ltr', 'csat'],
    ['ja', 'ltr', 'nps'],
    ['ar', 'rtl', 'ces'],
  ] as const)('the %s page (%s) passes axe with no serious or critical findings', async (locale, dir, kind) => {
    const s = await survey(locale, kind);
    const { ctx, page, errors } = await open(`${h.base}/s/${s.token}`, `${locale}`);
    try {
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      expect(await page.locator('html').getAttribute('dir')).toBe(dir);
      const t = SURVEY_TEXTS[locale]!;
      // The scale is a radio group named by the question; its ends are described.
      const name = (await h.db.query<{ name: string }>('SELECT name FROM workspaces WHERE id = $1', [ws.id])).rows[0]!.name;
      expect(await page.getByRole('group', { name: fill(t.question[kind], name), exact: true }).count()).toBe(1);
      expect(await page.getByRole('radio').count()).toBe(kind === 'nps' ? 11 : kind === 'ces' ? 7 : 5);
      expect(await page.getByRole('textbox', { name: t.commentLabel }).count()).toBe(1);
      expect(await axeProblems(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`survey-${locale}.png`), fullPage: true });
      // The answered state too: the thank-you, the reasons and the comment.
      await page.getByRole('radio').first().check();
      await page.getByRole('button', { name: t.submit }).click();
      await page.getByRole('status').filter({ hasText: t.thanks }).waitFor();
      expect(await axeProblems(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('a one-click link records its score through the page’s script, under the CSP', async () => {
    const s = await survey('es');
    const { ctx, page, errors } = await open(`${h.base}/s/${s.token}?score=4`, 'es-ES');
    try {
      await page.getByRole('status').filter({ hasText: SURVEY_TEXTS.es!.thanks }).waitFor();
      expect(await responseOf(s.id)).toEqual({ score: 4, comment: null, source: 'link' });
      expect(errors).toEqual([]);
      // The comment after the one click: the form that is left.
      await page.getByRole('textbox').fill('Muy amables.');
      await page.getByRole('button', { name: SURVEY_TEXTS.es!.submit }).click();
      await page.getByRole('status').filter({ hasText: SURVEY_TEXTS.es!.commentSaved }).waitFor();
      expect(await responseOf(s.id)).toEqual({ score: 4, comment: 'Muy amables.', source: 'link' });
      await page.screenshot({ path: screenshotPath('survey-es-one-click.png'), fullPage: true });
    } finally {
      await ctx.close();
    }
  });

  it('the page is answered with the keyboard alone', async () => {
    const s = await survey('en');
    const { ctx, page } = await open(`${h.base}/s/${s.token}`, 'en-GB');
    try {
      // Tab reaches the scale (its first score); arrows move the choice along it.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('name'))).toBe('score');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await page.getByRole('radio', { name: '4' }).isChecked()).toBe(true);
      // On through the reasons to the comment; a reason ticked with Space.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Typed without a mouse.');
      await page.keyboard.press('Tab');
      await page.screenshot({ path: screenshotPath('survey-keyboard.png'), fullPage: true });
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: SURVEY_TEXTS.en!.thanks }).waitFor();
      expect(await responseOf(s.id)).toEqual({ score: 4, comment: 'Typed without a mouse.', source: 'link' });
      const reasons = await h.db.query<{ reasons: string[] }>('SELECT reasons FROM survey_responses WHERE survey_id = $1', [s.id]);
      expect(reasons.rows[0]!.reasons).toEqual(['speed']);
    } finally {
      await ctx.close();
    }
  });
});
