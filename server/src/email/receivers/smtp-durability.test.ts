import { randomBytes } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { ENGINES } from '../../test/engines.js';
import { ensureBuilt, killSpawnedServers, runCliOk, spawnServer, type SpawnedServer } from '../../test/spawn-server.js';
import { freePort, spawnTarget, type SpawnTarget } from '../../test/spawn-target.js';
import { insertAddress } from '../mail.repo.js';

/**
 * Acceptance (durability): the real server process takes 500 messages over SMTP from concurrent
 * clients and is killed with SIGKILL mid-stream. After a restart every message that was answered
 * 250 exists exactly once (ledger row and conversation); the senders then retry what they were not
 * told 250 for, and some of what they were (a 250 lost on the way), and every message ends up
 * stored exactly once.
 */

const TOTAL = 500;
const CONNECTIONS = 8;
const ACKS_BEFORE_KILL = 150;
const MIN_ACKS = 20;
const STREAM_DEADLINE_MS = 60_000;

interface Attempt {
  i: number;
  messageId: string;
  subject: string;
  acked?: string;
  error?: string;
}

beforeAll(() => {
  ensureBuilt();
});
afterAll(async () => {
  await killSpawnedServers();
});

describe.each(ENGINES)('SMTP durability on $engine', (engine) => {
  let t: SpawnTarget | undefined;
  afterAll(async () => {
    await killSpawnedServers();
    await t?.cleanup();
  });

  it.skipIf(!engine.available)(
    'every message answered 250 before a SIGKILL exists exactly once after restart; retries add no duplicates',
    async () => {
      t = await spawnTarget(engine, 'smtp-durability');
      const { args: target, withDb } = t;
      const run = randomBytes(4).toString('hex');
      const mailbox = `support-${run}@mx.meridian.test`;
      await runCliOk(['workspace', 'create', ...target, '--slug', `mx-${run}`, '--name', 'MX']);
      const workspaceId = await withDb(async (q) => {
        const { rows } = await q.query<{ id: string }>(`SELECT id FROM workspaces WHERE slug = $1`, [`mx-${run}`]);
        const id = rows[0]!.id;
        await insertAddress(q, id, { id: newId(), address: mailbox, name: null, createdAt: new Date() });
        return id;
      });

      const port = await freePort();
      const args = (p: number) => [...target, '--smtp-port', String(p)];
      const env = { MERIDIAN_BLOB_DIR: t.blobDir };
      let server: SpawnedServer = await spawnServer(args(port), { env });

      const attempts: Attempt[] = Array.from({ length: TOTAL }, (_, i) => ({
        i,
        messageId: `<smtp-dur-${run}-${i}@example.com>`,
        subject: `smtp durability ${run} #${i}`,
      }));
      const send = (t: Transporter, a: Attempt) =>
        t.sendMail({
          // One sender per message: the ingest caps mail per sender per hour.
          from: `Customer ${a.i} <customer-${run}-${a.i}@example.com>`,
          to: mailbox,
          subject: a.subject,
          text: `Message ${a.i} of ${TOTAL}.\nIt should be stored exactly once.\n`,
          messageId: a.messageId,
        });

      // ---- 1. deliver concurrently; SIGKILL once enough were answered 250
      let acks = 0;
      let killed: Promise<unknown> | undefined;
      let inFlightAtKill = 0;
      let inFlight = 0;
      const kill = () => {
        if (killed) return;
        inFlightAtKill = inFlight;
        killed = server.kill('SIGKILL');
      };
      const deadline = setTimeout(kill, STREAM_DEADLINE_MS);
      const pool = nodemailer.createTransport({ host: '127.0.0.1', port, pool: true, maxConnections: CONNECTIONS, maxMessages: Infinity });
      let next = 0;
      await Promise.all(
        Array.from({ length: CONNECTIONS * 2 }, async () => {
          while (!killed && next < TOTAL) {
            const a = attempts[next++]!;
            inFlight++;
            try {
              const info = await send(pool, a);
              a.acked = info.response;
              acks++;
            } catch (err) {
              a.error = (err as Error).message;
            } finally {
              inFlight--;
            }
            if (acks >= ACKS_BEFORE_KILL) kill();
          }
        }),
      );
      clearTimeout(deadline);
      kill();
      expect(((await killed) as { signal: string | null }).signal).toBe('SIGKILL');
      pool.close();

      const acked = attempts.filter((a) => a.acked);
      expect(acked.length).toBeGreaterThanOrEqual(MIN_ACKS);
      expect(acked.every((a) => a.acked!.startsWith('250 '))).toBe(true);
      expect(inFlightAtKill).toBeGreaterThan(0);

      // ---- 2. restart: every acknowledged message is there exactly once
      const counts = () =>
        withDb(async (q) => {
          const ledger = await q.query<{ h: string; n: number }>(
            `SELECT message_id_header AS h, count(*)::int AS n FROM mail_messages
              WHERE workspace_id = $1 AND message_id_header LIKE $2 GROUP BY message_id_header`,
            [workspaceId, `%smtp-dur-${run}-%`],
          );
          const conv = await q.query<{ subject: string; n: number }>(
            `SELECT subject, count(*)::int AS n FROM conversations WHERE workspace_id = $1 AND subject LIKE $2 GROUP BY subject`,
            [workspaceId, `smtp durability ${run} #%`],
          );
          const id = (h: string) => Number(/-(\d+)@/.exec(h)![1]);
          return {
            ledger: new Map(ledger.rows.map((r) => [id(r.h), r.n])),
            conversations: new Map(conv.rows.map((r) => [Number(r.subject.split('#')[1]), r.n])),
          };
        });
      const afterKill = await counts();
      for (const a of acked) {
        expect(afterKill.ledger.get(a.i), a.messageId).toBe(1);
        expect(afterKill.conversations.get(a.i), a.subject).toBe(1);
      }
      // A fresh port: the killed one may have been taken by another test file meanwhile.
      const port2 = await freePort();
      server = await spawnServer(args(port2), { env });

      // ---- 3. the senders retry: everything not answered 250, and the first 20 that were (lost 250s)
      const retry = [...attempts.filter((a) => !a.acked), ...acked.slice(0, 20)];
      const again = nodemailer.createTransport({
        host: '127.0.0.1',
        port: port2,
        pool: true,
        maxConnections: CONNECTIONS,
        maxMessages: Infinity,
      });
      let r = 0;
      await Promise.all(
        Array.from({ length: CONNECTIONS * 2 }, async () => {
          while (r < retry.length) {
            const a = retry[r++]!;
            const info = await send(again, a);
            expect(info.response, a.messageId).toMatch(/^250 /);
          }
        }),
      );
      again.close();
      const stopped = await server.stop();
      expect(stopped.code, server.output()).toBe(0);

      // ---- 4. every message exactly once: one ledger row and one conversation each
      const final = await counts();
      expect(final.ledger.size).toBe(TOTAL);
      expect(final.conversations.size).toBe(TOTAL);
      for (const a of attempts) {
        expect(final.ledger.get(a.i), a.messageId).toBe(1);
        expect(final.conversations.get(a.i), a.subject).toBe(1);
      }
      console.info(
        `[smtp durability ${engine.engine}] ${acked.length} of ${TOTAL} answered 250 before SIGKILL, ${inFlightAtKill} in flight at the kill, ` +
          `${retry.length} sent again after restart`,
      );
    },
    180_000,
  );
});
