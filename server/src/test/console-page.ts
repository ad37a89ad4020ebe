import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_ADMIN_PASSWORD, DEMO_WORKSPACE } from '../demo/demo-data.js';
import en from '../../../console/src/i18n/messages/en.json' with { type: 'json' };

export interface ConsolePage {
  ctx: BrowserContext;
  page: Page;
  /** Page errors and console errors, but the signed-out GET /auth/me's 401 (expected before sign-in). */
  errors: string[];
}

/**
 * A fresh browser context (its own cookies, language and zone) on the console at `path`, signed in
 * through the form as a demo agent; it resolves once the console shows the agent's name.
 */
export async function signedInPage(
  browser: Browser,
  base: string,
  email: string,
  opts: { locale?: string; timezoneId?: string; viewport?: { width: number; height: number }; path?: string } = {},
): Promise<ConsolePage> {
  const ctx = await browser.newContext({
    locale: opts.locale ?? 'en-US',
    timezoneId: opts.timezoneId ?? 'Europe/Berlin',
    viewport: opts.viewport ?? { width: 1280, height: 900 },
  });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => void (m.type() === 'error' && !/status of 401/.test(m.text()) && errors.push(m.text())));
  await page.goto(`${base}${opts.path ?? '/'}`);
  await page.getByLabel(en['signIn.workspace']).fill(DEMO_WORKSPACE.slug);
  await page.getByLabel(en['signIn.email']).fill(email);
  await page.getByLabel(en['signIn.password']).fill(DEMO_ADMIN_PASSWORD);
  await page.getByRole('button', { name: en['signIn.submit'] }).click();
  await page.getByTestId('agent-name').waitFor();
  return { ctx, page, errors };
}
