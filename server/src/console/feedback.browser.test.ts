/**
 * The console's feedback page in real Chromium against a listening server with the demo workspace and
 * a dozen answered surveys on its conversations: an admin opens Feedback from the navigation, sees the
 * scores chart (an ECharts canvas) with its data table — raw and normalised averages beside each
 * other — switches the breakdown to channel, reads a comment with its translation and sentiment, and
 * finds the CSV link; axe-core over the page. Screenshot in docs/screenshots.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAgents } from '../demo/demo-data.js';
import { newId } from '../lib/ids.js';
import { axeProblems } from '../test/axe.js';
import { chromiumForTests, screenshotPath } from '../test/browser.js';
import { startConsoleFixture, type ConsoleFixture } from '../test/console-fixture.js';
import { signedInPage } from '../test/console-page.js';
import { ENGINES } from '../test/engines.js';
import { call } from '../test/harness.js';
import type { LiveHarness } from '../test/live.js';
import en from '../../../console/src/i18n/messages/en.json' with { type: 'json' };

const engine = ENGINES[0]!;

describe.skipIf(!chromiumForTests() || !engine.available)('console feedback page in Chromium', () => {
  let fixture: ConsoleFixture | undefined;
  let h: LiveHarness;
  let browser: Browser;
  let token: string;
  let workspaceId: string;

  beforeAll(async () => {
    fixture = await startConsoleFixture(engine, 'feedback test');
    ({ h, browser, token, workspaceId } = fixture);
    const { rows } = await h.db.query<{
      id: string;
      customer_id: string;
      channel: string;
      language: string | null;
      team_id: string | null;
    }>(`SELECT id, customer_id, channel, language, team_id FROM conversations WHERE workspace_id = $1 ORDER BY created_at, id LIMIT 12`, [
      workspaceId,
    ]);
    // Sent two to twelve days before the fixture's clock, inside the page's default range (30 days up to yesterday).
    for (const [i, c] of rows.entries()) {
      const surveyId = newId();
      const sentAt = new Date(h.clock().getTime() - (2 + i) * 86_400_000);
      await h.db.query(
        `INSERT INTO surveys (workspace_id, id, conversation_id, customer_id, kind, status, channel, team_id, language, decided_at, sent_at)
         VALUES ($1, $2, $3, $4, 'csat', 'answered', $5, $6, $7, $8, $8)`,
        [workspaceId, surveyId, c.id, c.customer_id, c.channel, c.team_id, c.language, sentAt],
      );
      const comment = i === 0 ? 'El agente fue muy lento.' : null;
      await h.db.query(
        `INSERT INTO survey_responses (workspace_id, id, survey_id, conversation_id, customer_id, kind, score, comment, comment_translation,
                                       comment_translation_language, sentiment, source, answered_at)
         VALUES ($1, $2, $3, $4, $5, 'csat', $6, $7, $8, $9, $10, 'link', $11)`,
        [
          workspaceId,
          newId(),
          surveyId,
          c.id,
          c.customer_id,
          (i % 5) + 1,
          comment,
          comment ? 'The agent was very slow.' : null,
          comment ? 'en' : null,
          comment ? -0.46 : null,
          new Date(sentAt.getTime() + 3_600_000),
        ],
      );
    }
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('a lead reads scores per breakdown, raw beside normalised, and comments with their translation', async () => {
    const { ctx, page, errors } = await signedInPage(browser, h.base, demoAgents.find((a) => a.role === 'admin')!.email, {
      timezoneId: 'UTC',
    });
    await page.getByRole('heading', { name: en['inbox.title'] }).waitFor();

    await page.getByRole('navigation', { name: en['shell.navLabel'] }).getByRole('link', { name: en['nav.feedback'] }).click();
    await page.getByRole('heading', { name: en['feedback.title'], level: 1 }).waitFor();
    const scores = page.locator('section[aria-labelledby="scores-h"]');
    await scores.locator('canvas').first().waitFor();
    const api = (await call(h, token, 'GET', '/api/v1/feedback/summary?by=language&tz=UTC')).json();
    expect(api.overall.answered).toBe(12);
    // The table holds the API's numbers: one row per language, its raw and normalised averages.
    const first = api.groups[0];
    const row = scores.getByRole('row', { name: new RegExp(`^${first.label ?? first.key}\\b`) });
    await expect.poll(() => row.locator('td').nth(3).textContent()).toBe(String(first.average));

    await page.getByLabel(en['reports.groupBy']).selectOption('channel');
    const byChannel = (await call(h, token, 'GET', '/api/v1/feedback/summary?by=channel&tz=UTC')).json();
    await scores.getByRole('rowheader', { name: byChannel.groups[0].key, exact: true }).waitFor();

    const comments = page.locator('section[aria-labelledby="comments-h"]');
    await comments.getByRole('cell', { name: 'El agente fue muy lento.' }).waitFor();
    await comments.getByRole('cell', { name: 'The agent was very slow.' }).waitFor();
    await comments.getByRole('cell', { name: en['feedback.sentiment.negative'] }).waitFor();
    const csv = await page.getByRole('link', { name: en['feedback.download'] }).getAttribute('href');
    expect(csv).toMatch(/^\/api\/v1\/feedback\/responses\.csv\?/);
    const download = await page.request.get(`${h.base}${csv}`);
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain('El agente fue muy lento.');

    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('console-feedback.png'), fullPage: true });
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
