import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { REPO_ROOT } from './spawn-server.js';

/** Debian's Chromium (`apt-get install chromium`); playwright-core cannot download its own here. */
export const CHROMIUM = '/usr/bin/chromium';

/** Where browser tests leave screenshots for the README. */
export const SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');

let warned = false;

/**
 * The gate for browser tests, the same rule as APy, PostgreSQL and Dovecot: in CI (CI=true) a missing
 * Chromium throws — a leg that cannot run is a failure, never a silent skip — and locally it warns
 * once and returns false so the caller can `describe.skipIf(!…)`.
 */
export function chromiumForTests(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const reason = `Chromium is not installed (${CHROMIUM}; apt-get install chromium)`;
  if (process.env.CI === 'true') throw new Error(`${reason}; in CI the browser tests must run.`);
  if (!warned) console.warn(`\n!! ${reason}: browser tests are SKIPPED (they fail in CI).\n`);
  warned = true;
  return false;
}

/**
 * Headless Chromium as this machine can run it: as root without a sandbox, and without the
 * background networking that a closed network refuses (many connections at every start).
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, name);
}
