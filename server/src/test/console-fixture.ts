import type { Browser } from 'playwright-core';
import { createToken } from '../auth/create-token.js';
import { seedDemo } from '../demo/seed-demo.js';
import { launchBrowser } from './browser.js';
import type { EngineCase } from './engines.js';
import { startLiveHarness, type LiveHarness } from './live.js';

export interface ConsoleFixture {
  h: LiveHarness;
  browser: Browser;
  /** An admin API token of the demo workspace, for arranging and checking through the API. */
  token: string;
  workspaceId: string;
  close(): Promise<void>;
}

/** What the console's browser tests start from: a listening Meridian with the demo workspace, an admin token and Chromium. */
export async function startConsoleFixture(engine: EngineCase, tokenName: string): Promise<ConsoleFixture> {
  // The harness clock stands in 2026-03; a session cookie must outlive the browser's real clock.
  const h = await startLiveHarness(engine, { sessionTtlMs: 20 * 365 * 86_400_000 });
  const { workspace } = await seedDemo(h.db, h.clock());
  const token = (await createToken(h.db, workspace.id, { name: tokenName, role: 'admin' }, h.clock())).secret;
  const browser = await launchBrowser();
  return {
    h,
    browser,
    token,
    workspaceId: workspace.id,
    async close() {
      await browser.close();
      await h.close();
    },
  };
}
