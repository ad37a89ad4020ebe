/**
 * Timing a page in Chromium: navigation start → the first inbox row in the DOM and through a frame
 * (an init script's MutationObserver, then requestAnimationFrame: the row is about to be painted),
 * on the page's own clock (performance.now() counts from navigation start). Also the JS the page
 * fetched before that moment, from Resource Timing.
 */
import type { BrowserContext } from 'playwright-core';

// The init script and evaluate bodies run in the browser; the bench's tsconfig has no DOM types.
declare const window: any;
declare const document: any;
declare const performance: any;

export const ROW_SELECTOR = '.inbox-table tbody tr';

export interface PageTiming {
  firstRowMs: number;
  fcpMs: number | null;
  /** Scripts fetched before the first row: url, bytes on the wire, decoded bytes. */
  scripts: { url: string; transfer: number; decoded: number }[];
}

/**
 * The probe as source text: a function passed to addInitScript would carry tsx's `__name` helper
 * calls into the page, where they are not defined.
 */
const PROBE = `(() => {
  const selector = ${JSON.stringify(ROW_SELECTOR)};
  const mo = new MutationObserver(() => {
    if (window.__firstRow !== undefined || !document.querySelector(selector)) return;
    window.__firstRow = null;
    mo.disconnect();
    requestAnimationFrame(() => { window.__firstRow = performance.now(); });
  });
  mo.observe(document, { childList: true, subtree: true });
})();`;

/** Registers the first-row probe on every document the context opens. */
export async function installProbe(ctx: BrowserContext): Promise<void> {
  await ctx.addInitScript(PROBE);
}

/** Opens `url` in a new page of `ctx` and times it. */
export async function timePage(ctx: BrowserContext, url: string): Promise<PageTiming> {
  const page = await ctx.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page
      .waitForFunction(() => typeof window.__firstRow === 'number', undefined, { timeout: 60_000, polling: 20 })
      .catch(async (err: unknown) => {
        const text = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '?');
        throw new Error(
          `no inbox row on ${url} within 60 s; the page says: ${text.slice(-400)}; probe: ${String(await page.evaluate(() => window.__firstRow))}`,
          { cause: err },
        );
      });
    return await page.evaluate(() => {
      const at = window.__firstRow as number;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const scripts = performance
        .getEntriesByType('resource')
        .filter((e: any) => /\.js(\?|$)/.test(e.name) && e.responseEnd <= at)
        .map((e: any) => ({ url: new URL(e.name).pathname, transfer: e.transferSize, decoded: e.decodedBodySize }));
      return { firstRowMs: at, fcpMs: fcp ? fcp.startTime : null, scripts };
    });
  } finally {
    await page.close();
  }
}
