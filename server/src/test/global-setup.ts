import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { PGlite } from '@electric-sql/pglite';
import { migrate } from '../db/migrate.js';
import { openPostgres } from '../db/postgres.js';
import { fromPglite } from '../db/pglite.js';
import { apyInstalled, startApy } from './apy.js';
import { ensureBuilt } from './spawn-server.js';
import { adminQuery, PG_ADMIN_URL, postgresReachable, urlFor } from './pg-admin.js';

/**
 * Migrates once per run: a PGlite data-dir dump every test file loads (0.6 s instead of a
 * 7 s initdb + migrate), and a PostgreSQL template database every test database is copied from.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  // Build dist/ once, before workers start, so tests that spawn the real CLI never race a build.
  ensureBuilt();
  const dir = path.resolve('.tmp');
  mkdirSync(dir, { recursive: true });

  const lite = await PGlite.create();
  await migrate(fromPglite(lite));
  const dump = await lite.dumpDataDir('none');
  await lite.close();
  const templateFile = path.join(dir, `pglite-template-${runId}.tar`);
  writeFileSync(templateFile, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', templateFile);

  let pgTemplate = '';
  if (await postgresReachable()) {
    pgTemplate = `meridian_tpl_${runId}`;
    await adminQuery(`CREATE DATABASE ${pgTemplate}`);
    const db = await openPostgres(urlFor(pgTemplate), { max: 1 });
    await migrate(db);
    await db.close();
  } else if (process.env.CI === 'true') {
    throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL}; in CI that leg must run.`);
  } else {
    console.warn(`\n!! PostgreSQL not reachable at ${PG_ADMIN_URL}: PostgreSQL tests are SKIPPED (they fail in CI).\n`);
  }
  project.provide('pgTemplate', pgTemplate);

  // One real Apertium APy for the whole run (machine-translation tests talk to it).
  let apy: Awaited<ReturnType<typeof startApy>> | undefined;
  if (apyInstalled()) {
    apy = await startApy();
  } else if (process.env.CI === 'true') {
    throw new Error(
      'Apertium APy is not installed (apt-get install apertium-apy apertium-eng-spa apertium-es-pt); in CI that leg must run.',
    );
  } else {
    console.warn('\n!! Apertium APy not installed: machine-translation tests are SKIPPED (they fail in CI).\n');
  }
  project.provide('apyUrl', apy?.url ?? '');

  return async () => {
    apy?.stop();
    if (pgTemplate) await adminQuery(`DROP DATABASE IF EXISTS ${pgTemplate} WITH (FORCE)`).catch(() => undefined);
    const { rmSync } = await import('node:fs');
    rmSync(templateFile, { force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
    apyUrl: string;
  }
}
