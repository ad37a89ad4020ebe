import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPglite } from '../db/pglite.js';
import type { Queryable } from '../db/types.js';
import type { EngineCase, TestDb } from './engines.js';

/** A free TCP port on 127.0.0.1 (for a listener a spawned server must open on a known port). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });

export interface SpawnTarget {
  /** `--data DIR` or `--database-url URL`, for spawnServer / runCli. */
  args: string[];
  /** A temp directory for blobs (MERIDIAN_BLOB_DIR), so nothing lands in the repository. */
  blobDir: string;
  /** Direct database access: PostgreSQL any time, PGlite only while no server holds the directory. */
  withDb<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** Lets the test database expire what a killed process left (PostgreSQL only; PGlite has one process). */
  tdb: TestDb | undefined;
  cleanup(): Promise<void>;
}

/** A fresh database of the engine for a spawned server: a PGlite directory or a PostgreSQL database. */
export async function spawnTarget(engine: EngineCase, label: string): Promise<SpawnTarget> {
  const dirs = [mkdtempSync(path.join(tmpdir(), `meridian-${label}-blobs-`))];
  let tdb: TestDb | undefined;
  let dataDir: string | undefined;
  if (engine.engine === 'pglite') {
    dataDir = mkdtempSync(path.join(tmpdir(), `meridian-${label}-`));
    dirs.push(dataDir);
  } else {
    tdb = await engine.create();
  }
  return {
    args: dataDir ? ['--data', dataDir] : ['--database-url', tdb!.url!],
    blobDir: dirs[0]!,
    tdb,
    async withDb(fn) {
      if (tdb) return fn(tdb.db);
      const db = await openPglite(dataDir);
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    },
    async cleanup() {
      await tdb?.cleanup();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}
