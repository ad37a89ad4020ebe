import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./data on port 3000', () => {
    const c = loadConfig({}, {});
    expect(c.db).toEqual({ kind: 'pglite', dataDir: path.resolve('./data') });
    expect(c.port).toBe(3000);
    expect(c.bodyLimit).toBe(1024 * 1024);
  });

  it('takes DATABASE_URL from the environment, but an explicit flag wins', () => {
    const env = { DATABASE_URL: 'postgres://u@h:5432/env' };
    expect(loadConfig({}, env).db).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/env' });
    expect(loadConfig({ data: '/tmp/x' }, env).db).toEqual({ kind: 'pglite', dataDir: '/tmp/x' });
    expect(loadConfig({ databaseUrl: 'postgresql://u@h/flag' }, env).db).toEqual({ kind: 'postgres', url: 'postgresql://u@h/flag' });
  });

  it('refuses bad values with a message naming the setting', () => {
    expect(() => loadConfig({ port: '70000' }, {})).toThrow(/PORT/);
    expect(() => loadConfig({ databaseUrl: 'mysql://x' }, {})).toThrow(ConfigError);
    expect(() => loadConfig({ data: 'd', databaseUrl: 'postgres://x' }, {})).toThrow(/either/);
    expect(() => loadConfig({}, { MERIDIAN_BODY_LIMIT: 'lots' })).toThrow(/MERIDIAN_BODY_LIMIT/);
    expect(() => loadConfig({}, { LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
