import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killSpawnedServers, REPO_ROOT, spawnServer } from './test/spawn-server.js';

/** Acceptance 1: `npm start` on an empty data directory serves health and the demo; a second start reuses it. */
describe('npm start on the embedded database', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'meridian-start-'));
  afterAll(async () => {
    await killSpawnedServers();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is what the start script runs', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toBe('node bin/meridian.js start');
    expect(pkg.bin.meridian).toBe('bin/meridian.js');
  });

  it('seeds the demo once, serves it, and reuses the data on the next start', async () => {
    const data = path.join(dir, 'data');
    const login = async (url: string) => {
      const res = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ workspace: 'demo', email: 'admin@demo.meridian.local', password: 'meridian-demo' }),
      });
      expect(res.status).toBe(200);
      return res.headers.get('set-cookie')!.split(';')[0]!;
    };
    const conversations = async (url: string, cookie: string) => {
      const res = await fetch(`${url}/api/v1/conversations?limit=100&sort=created`, { headers: { cookie } });
      expect(res.status).toBe(200);
      return ((await res.json()) as { data: { id: string }[] }).data.map((c) => c.id);
    };

    const first = await spawnServer(['--data', data], { viaBin: true });
    expect(first.output()).toMatch(/Seeded the demo workspace/);
    const health = await fetch(`${first.url}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', engine: 'pglite' });
    const cookie = await login(first.url);
    const ids = await conversations(first.url, cookie);
    expect(ids.length).toBeGreaterThanOrEqual(25);
    // The five demo teams each point at a business calendar of their own.
    const teams = (await (await fetch(`${first.url}/api/v1/teams`, { headers: { cookie } })).json()) as {
      data: { calendarId: string | null }[];
    };
    expect(teams.data).toHaveLength(5);
    expect(new Set(teams.data.map((t) => t.calendarId)).size).toBe(5);
    expect(teams.data.every((t) => t.calendarId !== null)).toBe(true);
    // SLA policies are tried in order, the default last.
    const policies = (await (await fetch(`${first.url}/api/v1/sla/policies`, { headers: { cookie } })).json()) as {
      data: { name: string }[];
    };
    expect(policies.data.map((p) => p.name)).toEqual(['Urgent', 'Premium and enterprise', 'Standard']);
    expect((await first.stop()).code).toBe(0);

    const second = await spawnServer(['--data', data], { viaBin: true });
    expect(second.output()).not.toMatch(/Seeded/);
    expect(await conversations(second.url, await login(second.url))).toEqual(ids);

    // A second process on the same embedded database is refused with a clear message.
    await expect(spawnServer(['--data', data], { timeoutMs: 30_000 })).rejects.toThrow(/in use by process/);
    expect((await second.stop()).code).toBe(0);
  });
});
