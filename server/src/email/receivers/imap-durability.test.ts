import { randomBytes } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/engines.js';
import { dovecotForTests, startDovecot, type DovecotServer } from '../../test/mail/dovecot.js';
import { rawMail } from '../../test/mail/inbound.js';
import { ensureBuilt, killSpawnedServers, runCliOk, spawnServer, type SpawnedServer } from '../../test/spawn-server.js';
import { spawnTarget, type SpawnTarget } from '../../test/spawn-target.js';

/**
 * Acceptance (IMAP durability): the real server process is killed with SIGKILL in the middle of a
 * poll. After a restart the next poll fetches the rest: every message of the mailbox is stored
 * exactly once and flagged \Seen.
 */

const TOTAL = 120;
const KILL_AFTER_UID = 30;
const USER = { user: 'support@imap-durability.meridian.test', password: 'imap-durability-password' };

beforeAll(() => {
  ensureBuilt();
});
afterAll(async () => {
  await killSpawnedServers();
});

describe.skipIf(!dovecotForTests()).each(ENGINES)('IMAP durability on $engine', (engine) => {
  let t: SpawnTarget | undefined;
  let dovecot: DovecotServer | undefined;
  afterAll(async () => {
    await killSpawnedServers();
    await t?.cleanup();
    await dovecot?.stop();
  });

  it.skipIf(!engine.available)(
    'SIGKILL mid-fetch, restart: nothing lost, nothing twice, everything \\Seen',
    async () => {
      dovecot = await startDovecot({ users: [USER] });
      const run = randomBytes(3).toString('hex');
      for (let i = 1; i <= TOTAL; i++) {
        await dovecot.append(
          USER.user,
          'INBOX',
          rawMail(
            {
              From: `customer-${run}-${i}@example.com`,
              To: USER.user,
              Subject: `imap durability ${run} #${i}`,
              'Message-ID': `<imap-dur-${run}-${i}@example.com>`,
            },
            `Message ${i}.\n`,
          ),
        );
      }
      t = await spawnTarget(engine, 'imap-durability');
      const { args: target, withDb, tdb } = t;
      await runCliOk(['workspace', 'create', ...target, '--slug', `imap-${run}`, '--name', 'IMAP']);
      const token = await runCliOk(['token', 'create', ...target, '--workspace', `imap-${run}`, '--role', 'admin', '--name', 'imap']);
      // Only on demand: the test decides when polls run.
      const env = { MERIDIAN_BLOB_DIR: t.blobDir, MERIDIAN_PROVIDER_ALLOWED_HOSTS: '127.0.0.1', MERIDIAN_IMAP_POLL_SECONDS: '0' };
      const api = (server: SpawnedServer, method: string, url: string, body?: unknown) =>
        fetch(`${server.url}${url}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });

      let server = await spawnServer(target, { env });
      const put = await api(server, 'PUT', '/api/v1/mail/imap', {
        host: '127.0.0.1',
        port: dovecot.port,
        security: 'none',
        username: USER.user,
        password: USER.password,
      });
      expect(put.status, await put.clone().text()).toBe(200);

      // ---- 1. a poll, killed once it has committed (and saved) KILL_AFTER_UID messages
      const polling = api(server, 'POST', '/api/v1/mail/imap/poll').catch((err: Error) => err);
      let lastUid = 0;
      while (lastUid < KILL_AFTER_UID) {
        const res = await api(server, 'GET', '/api/v1/mail/imap');
        lastUid = ((await res.json()) as { lastUid: number }).lastUid;
        if (lastUid >= TOTAL) break;
      }
      expect((await server.kill('SIGKILL')).signal).toBe('SIGKILL');
      expect(await polling).toBeInstanceOf(Error);
      expect(lastUid).toBeLessThan(TOTAL);

      const ledger = () =>
        withDb(async (q) => {
          const l = await q.query<{ n: number; distinct: number }>(
            `SELECT count(*)::int AS n, count(DISTINCT message_id_header)::int AS distinct FROM mail_messages WHERE message_id_header LIKE $1`,
            [`%imap-dur-${run}-%`],
          );
          const c = await q.query<{ n: number; distinct: number }>(
            `SELECT count(*)::int AS n, count(DISTINCT subject)::int AS distinct FROM conversations WHERE subject LIKE $1`,
            [`imap durability ${run} #%`],
          );
          return { ledger: l.rows[0]!, conversations: c.rows[0]! };
        });
      const atKill = await ledger();
      expect(atKill.ledger.n).toBeGreaterThanOrEqual(lastUid);
      expect(atKill.ledger.n).toBe(atKill.ledger.distinct);
      expect(atKill.conversations.n).toBe(atKill.conversations.distinct);
      // The killed process's lease would run out after two minutes; a PGlite server clears it at start
      // (only one process can open the directory), on PostgreSQL the test lets it expire now.
      if (tdb) await tdb.db.query(`UPDATE mail_imap_accounts SET lease_until = now() - interval '1 second'`);

      // ---- 2. restart and poll again
      server = await spawnServer(target, { env });
      const res = await api(server, 'POST', '/api/v1/mail/imap/poll');
      const result = (await res.json()) as { fetched: number; outcomes: Record<string, number>; lastUid: number; error: string | null };
      expect(res.status, JSON.stringify(result)).toBe(200);
      expect(result).toMatchObject({ lastUid: TOTAL, error: null });
      expect((result.outcomes.created ?? 0) + (result.outcomes.duplicate ?? 0)).toBe(result.fetched);
      expect((await server.stop()).code, server.output()).toBe(0);

      const final = await ledger();
      expect(final.ledger).toEqual({ n: TOTAL, distinct: TOTAL });
      expect(final.conversations).toEqual({ n: TOTAL, distinct: TOTAL });
      const c = new ImapFlow(dovecot.imapOptions(USER.user));
      await c.connect();
      const lock = await c.getMailboxLock('INBOX');
      const unseen = (await c.search({ seen: false }, { uid: true })) || [];
      lock.release();
      await c.logout();
      expect(unseen).toEqual([]);
      console.info(
        `[imap durability ${engine.engine}] killed after UID ${lastUid} (${atKill.ledger.n} stored); restart fetched ${result.fetched} ` +
          `(${result.outcomes.duplicate ?? 0} already stored)`,
      );
    },
    180_000,
  );
});
