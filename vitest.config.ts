import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/src/**/*.test.ts', 'widget/**/*.test.ts', 'console/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'console/dist/**'],
    globalSetup: ['server/src/test/global-setup.ts'],
    pool: 'forks',
    // Two cores: more workers only add PGlite start-ups competing for them.
    maxWorkers: 2,
    testTimeout: 60_000,
    // expect.poll waits for what another process or the browser does; 1 s (the default) is too short on a busy machine.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
    env: { TZ: 'UTC' },
    reporters: ['default', './server/src/test/summary-reporter.ts'],
  },
});
