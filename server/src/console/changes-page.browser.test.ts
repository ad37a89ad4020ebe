/**
 * Close the loop in the console, in real Chromium against the demo workspace: a lead records a change
 * (with their own German text), links the conversations tagged feature-request by filter, links two
 * survey comments selected on the Feedback page, unlinks one conversation, closes a confirmation with
 * Escape (nothing sent), announces after a confirmation that names how many
 * customers will be told, and reads the outcome; the API then shows every linked customer told once,
 * and a second announcement tells nobody new. On the list the announced change has no Delete; a draft is
 * edited and deleted. axe-core over both; screenshot in docs/screenshots.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_PASSWORD, DEMO_WORKSPACE, demoAgents } from '../demo/demo-data.js';
import { newId } from '../lib/ids.js';
import { axeProblems } from '../test/axe.js';
import { chromiumForTests, screenshotPath } from '../test/browser.js';
import { startConsoleFixture, type ConsoleFixture } from '../test/console-fixture.js';
import { ENGINES } from '../test/engines.js';
import { call } from '../test/harness.js';
import en from '../../../console/src/i18n/messages/en.json' with { type: 'json' };

const engine = ENGINES[0]!;
const msg = (id: keyof typeof en, values: Record<string, string | number>) => String(new IntlMessageFormat(en[id], 'en').format(values));

interface LinkRow {
  conversationId: string;
  customer: { id: string };
  responseId: string | null;
  announcedAt: string | null;
  note: { messageId: string } | null;
}

describe.skipIf(!chromiumForTests() || !engine.available)('console Changes page in Chromium', () => {
  let fixture: ConsoleFixture | undefined;
  let tagged: string[];
  const comments = ['Faltan facturas en portugués.', 'Il manque un export PDF.'];

  const api = async (method: 'GET' | 'POST', url: string) => {
    const res = await call(fixture!.h, fixture!.token, method, url);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };

  beforeAll(async () => {
    fixture = await startConsoleFixture(engine, 'changes page test');
    const { h, workspaceId } = fixture;
    const ids = await h.db.query<{ id: string }>(`SELECT id FROM conversations WHERE workspace_id = $1 AND tags @> '{feature-request}'`, [
      workspaceId,
    ]);
    tagged = ids.rows.map((r) => r.id);
    // The demo has no survey answers: two commented ones, on conversations of other customers than the tagged ones.
    const { rows } = await h.db.query<{ id: string; customer_id: string; channel: string; language: string | null }>(
      `SELECT DISTINCT ON (customer_id) id, customer_id, channel, language FROM conversations
        WHERE workspace_id = $1 AND NOT tags && '{feature-request,spam}'
          AND customer_id NOT IN (SELECT customer_id FROM conversations WHERE workspace_id = $1 AND tags @> '{feature-request}')
        ORDER BY customer_id, created_at LIMIT 2`,
      [workspaceId],
    );
    expect(rows).toHaveLength(2);
    for (const [i, c] of rows.entries()) {
      const surveyId = newId();
      const sentAt = new Date(h.clock().getTime() - (2 + i) * 86_400_000);
      await h.db.query(
        `INSERT INTO surveys (workspace_id, id, conversation_id, customer_id, kind, status, channel, language, decided_at, sent_at)
         VALUES ($1, $2, $3, $4, 'csat', 'answered', $5, $6, $7, $7)`,
        [workspaceId, surveyId, c.id, c.customer_id, c.channel, c.language, sentAt],
      );
      await h.db.query(
        `INSERT INTO survey_responses (workspace_id, id, survey_id, conversation_id, customer_id, kind, score, comment, source, answered_at)
         VALUES ($1, $2, $3, $4, $5, 'csat', 2, $6, 'link', $7)`,
        [workspaceId, newId(), surveyId, c.id, c.customer_id, comments[i], new Date(sentAt.getTime() + 3_600_000)],
      );
    }
  });
  afterAll(async () => {
    await fixture?.close();
  });

  const announce = async (page: Page, count: number) => {
    await page.getByRole('button', { name: en['changes.announce'] }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(msg('changes.confirmText', { count })).waitFor();
    await dialog.getByRole('button', { name: msg('changes.confirmAnnounce', { count }) }).click();
    await dialog.waitFor({ state: 'detached' });
  };

  it('a lead records a change, links feedback by tag and by selected comments, and announces it once', async () => {
    const { h, browser } = fixture!;
    const ctx = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => void (m.type() === 'error' && !/status of 401/.test(m.text()) && errors.push(m.text())));
    const lead = demoAgents.find((a) => a.role === 'lead')!;
    await page.goto(`${h.base}/`);
    await page.getByLabel(en['signIn.workspace']).fill(DEMO_WORKSPACE.slug);
    await page.getByLabel(en['signIn.email']).fill(lead.email);
    await page.getByLabel(en['signIn.password']).fill(DEMO_ADMIN_PASSWORD);
    await page.getByRole('button', { name: en['signIn.submit'] }).click();
    await page.getByRole('heading', { name: en['inbox.title'] }).waitFor();
    const nav = page.getByRole('navigation', { name: en['shell.navLabel'] });

    // Record the change, with the lead's own German text.
    await nav.getByRole('link', { name: en['nav.changes'] }).click();
    await page.getByRole('heading', { name: en['changes.title'], level: 1 }).waitFor();
    await page.getByRole('button', { name: msg('settings.add', { what: en['changes.listTitle'] }) }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel(en['changes.field.title']).fill('Portuguese invoices');
    await form.getByLabel(en['changes.field.description']).fill('Invoices are now available in Portuguese.');
    await form.getByLabel(en['changes.field.sourceLanguage']).selectOption('en');
    await form.getByRole('button', { name: msg('settings.widget.addLanguage', { name: en['changes.field.texts'] }) }).click();
    await form.getByLabel(en['settings.field.language'], { exact: true }).selectOption('de');
    await form.getByLabel(msg('settings.widget.textIn', { language: 'German (de)' })).fill('Rechnungen gibt es jetzt auf Portugiesisch.');
    await form.getByRole('button', { name: en['settings.save'] }).click();
    await form.waitFor({ state: 'detached' });
    const listed = (await api('GET', '/api/v1/changes')).data;
    expect(listed).toHaveLength(1);
    const change = listed[0];
    expect(change).toMatchObject({ status: 'draft', sourceLanguage: 'en', texts: { de: 'Rechnungen gibt es jetzt auf Portugiesisch.' } });

    // Link the conversations tagged feature-request by filter.
    await page.getByRole('link', { name: 'Portuguese invoices' }).click();
    await page.getByRole('heading', { name: 'Portuguese invoices', level: 1 }).waitFor();
    const filter = page.getByRole('group', { name: en['changes.linkByFilter'] });
    await filter.getByLabel(en['inbox.filter.tag']).fill('feature-request');
    await filter.getByRole('button', { name: en['changes.linkMatching'] }).click();
    await page
      .getByRole('status')
      .getByText(msg('changes.linked', { count: tagged.length, already: 0 }))
      .waitFor();
    const links = page.locator('section[aria-labelledby="links-h"]');
    await expect.poll(() => links.getByRole('row').count()).toBe(tagged.length + 1);

    // Link the two comments, selected on the Feedback page, as one group.
    await nav.getByRole('link', { name: en['nav.feedback'] }).click();
    await page.getByRole('heading', { name: en['feedback.title'], level: 1 }).waitFor();
    const commentRows = page.locator('section[aria-labelledby="comments-h"]').getByRole('row');
    for (const text of comments) await commentRows.filter({ hasText: text }).getByRole('checkbox').check();
    await page.getByLabel(en['changes.linkToChange']).selectOption({ label: `Portuguese invoices (${en['changes.status.draft']})` });
    await page.getByRole('button', { name: msg('changes.linkSelected', { count: 2 }) }).click();
    await page.getByText(msg('changes.commentsLinked', { count: 2, already: 0, title: 'Portuguese invoices' })).waitFor();

    // Announce: the confirmation names the customers not told yet; the outcome says they were told.
    await nav.getByRole('link', { name: en['nav.changes'] }).click();
    await page.getByRole('link', { name: 'Portuguese invoices' }).click();
    await expect.poll(() => links.getByRole('row').count()).toBe(tagged.length + 3);

    // Unlink one conversation; the confirmation closes with Escape and announces nothing.
    const first: LinkRow = (await api('GET', `/api/v1/changes/${change.id}/links?limit=100`)).data.find((l: LinkRow) => !l.responseId);
    const name = (await links
      .getByRole('row')
      .filter({ has: page.locator(`a[href="/conversations/${first.conversationId}"]`) })
      .getByRole('rowheader')
      .textContent())!;
    await links.getByRole('button', { name: msg('changes.unlink', { name }) }).click();
    await expect.poll(() => links.getByRole('row').count()).toBe(tagged.length + 2);
    await page.getByRole('button', { name: en['changes.announce'] }).click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const before = await api('GET', `/api/v1/changes/${change.id}`);
    expect(before.counts).toMatchObject({ links: tagged.length + 1, told: 0 });
    const customers: number = before.counts.customers;
    await announce(page, customers);
    const outcome = page.locator('.announce-outcome');
    await outcome.getByText(msg('changes.outcome', { count: customers, already: 0 })).waitFor();

    // Every linked customer told once: one note per customer, shared by their linked conversations.
    const told: LinkRow[] = (await api('GET', `/api/v1/changes/${change.id}/links?limit=100`)).data;
    expect(told).toHaveLength(tagged.length + 1);
    expect(told.map((l) => l.conversationId)).not.toContain(first.conversationId);
    expect(told.filter((l) => l.responseId).length).toBe(2);
    expect(told.every((l) => l.announcedAt && l.note)).toBe(true);
    const notes = new Map<string, Set<string>>();
    for (const l of told) notes.set(l.customer.id, (notes.get(l.customer.id) ?? new Set()).add(l.note!.messageId));
    expect(notes.size).toBe(customers);
    expect([...notes.values()].every((m) => m.size === 1)).toBe(true);
    await expect.poll(() => links.getByRole('cell', { name: en['changes.notTold'] }).count()).toBe(0);

    // A second announcement tells nobody new, and says so before and after.
    await announce(page, 0);
    await outcome.getByText(msg('changes.outcome', { count: 0, already: customers })).waitFor();
    const after = await api('GET', `/api/v1/changes/${change.id}`);
    expect(after).toMatchObject({ status: 'announced', counts: { customers, told: customers } });

    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('console-changes.png'), fullPage: true });

    // The list: the announced change with its counts and no Delete; a draft is edited, then deleted.
    await page.getByRole('link', { name: en['changes.back'] }).click();
    const row = page.getByRole('row').filter({ hasText: 'Portuguese invoices' });
    await row.getByRole('cell', { name: en['changes.status.announced'], exact: true }).waitFor();
    expect(await row.getByRole('button', { name: msg('settings.delete', { name: 'Portuguese invoices' }) }).count()).toBe(0);
    await page.getByRole('button', { name: msg('settings.add', { what: en['changes.listTitle'] }) }).click();
    await page.getByRole('dialog').getByLabel(en['changes.field.title']).fill('Dark mode');
    await page.getByRole('dialog').getByLabel(en['changes.field.description']).fill('The console has a dark mode.');
    await page.getByRole('dialog').getByRole('button', { name: en['settings.save'] }).click();
    await page.getByRole('button', { name: msg('settings.edit', { name: 'Dark mode' }) }).click();
    await page.getByRole('dialog').getByLabel(en['changes.field.title']).fill('Dark theme');
    await page.getByRole('dialog').getByRole('button', { name: en['settings.save'] }).click();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: msg('settings.delete', { name: 'Dark theme' }) }).click();
    await expect
      .poll(async () => (await api('GET', '/api/v1/changes')).data.map((c: { title: string }) => c.title))
      .toEqual(['Portuguese invoices']);
    expect(await axeProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
