import { randomBytes } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../../lib/secret-box.js';
import { dovecotForTests, startDovecot, type DovecotServer } from '../../test/mail/dovecot.js';
import { addMailbox, ingestFor, rawMail } from '../../test/mail/inbound.js';
import { ENGINES } from '../../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../../test/harness.js';
import { ImapPoller, type ImapPollerDeps } from './imap-poller.js';

/**
 * The IMAP poller against a real Dovecot and the real ingest, through the API: settings, a poll
 * into conversations, \Seen only after commit, and a crash between commit and \Seen that the next
 * process recovers from without losing or doubling anything.
 */

const USER = { user: 'support@imap.meridian.test', password: 'imap-test-password' };

describe.skipIf(!dovecotForTests()).each(ENGINES)('IMAP poller on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let dovecot: DovecotServer;
  let mail: ReturnType<typeof ingestFor>;
  let poller: ImapPoller;
  const box = SecretBox.random();
  const run = randomBytes(3).toString('hex');

  const pollerWith = (extra: Partial<ImapPollerDeps> = {}) =>
    new ImapPoller({ db: h.db, clock: h.clock, ingest: mail.ingest, secretBox: box, allowedHosts: ['127.0.0.1'], intervalMs: 0, ...extra });

  /** A message with its own sender (the ingest caps mail per sender per hour). */
  const message = (i: number, folder: string) =>
    rawMail(
      {
        From: `Customer ${i} <imap-${run}-${folder}-${i}@example.com>`,
        To: USER.user,
        Subject: `imap ${run} ${folder} #${i}`,
        'Message-ID': `<imap-${run}-${folder}-${i}@example.com>`,
        Date: 'Mon, 02 Mar 2026 08:00:00 +0000',
      },
      `Message ${i} in ${folder}.\n`,
    );

  /** UIDs of the folder's messages without \Seen. */
  async function unseen(folder: string): Promise<number[]> {
    const c = new ImapFlow(dovecot.imapOptions(USER.user));
    await c.connect();
    try {
      const lock = await c.getMailboxLock(folder);
      try {
        return ((await c.search({ seen: false }, { uid: true })) || []).sort((a, b) => a - b);
      } finally {
        lock.release();
      }
    } finally {
      await c.logout();
    }
  }

  /** How many conversations each subject of a folder has. */
  async function stored(folder: string) {
    const { rows } = await h.db.query<{ subject: string; conversations: number }>(
      `SELECT c.subject, count(*)::int AS conversations
         FROM conversations c WHERE c.workspace_id = $1 AND c.subject LIKE $2 GROUP BY c.subject ORDER BY c.subject`,
      [ws.id, `imap ${run} ${folder} #%`],
    );
    return rows;
  }

  const ledgerCount = async (folder: string) =>
    (
      await h.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM mail_messages WHERE workspace_id = $1 AND message_id_header LIKE $2`,
        [ws.id, `%imap-${run}-${folder}-%`],
      )
    ).rows[0]!.n;

  beforeAll(async () => {
    if (!engine.available) return;
    dovecot = await startDovecot({ users: [USER] });
    h = await startHarness(engine, {
      secretBox: box,
      providerAllowedHosts: ['127.0.0.1'],
      imapPoller: { poll: (w: string) => poller.poll(w) },
    });
    ws = await makeWorkspace(h);
    mail = ingestFor(h, box);
    await addMailbox(h, ws.id, USER.user);
    poller = pollerWith();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    mail?.close();
    await dovecot?.stop();
  });

  it.skipIf(!engine.available)(
    'settings through the API: the password is sealed and never shown, private hosts need the operator',
    async () => {
      const body = { host: '127.0.0.1', port: dovecot.port, security: 'none', username: USER.user, password: USER.password };
      const put = await call(h, ws.token, 'PUT', '/api/v1/mail/imap', { ...body, mailbox: 'Support' });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json()).toMatchObject({
        configured: true,
        host: '127.0.0.1',
        passwordSet: true,
        mailbox: 'Support',
        enabled: true,
        lastUid: 0,
      });
      expect(put.body).not.toContain(USER.password);
      const stored = await h.db.query<{ p: string }>(`SELECT password_sealed AS p FROM mail_imap_accounts WHERE workspace_id = $1`, [
        ws.id,
      ]);
      expect(stored.rows[0]!.p).not.toContain(USER.password);
      expect(box.open(stored.rows[0]!.p, ws.id)).toBe(USER.password);
      // Re-saved without the password for the same login: kept.
      const again = await call(h, ws.token, 'PUT', '/api/v1/mail/imap', { ...body, password: undefined, mailbox: 'Support' });
      expect(again.statusCode, again.body).toBe(200);
      expect(box.open((await h.db.query<{ p: string }>(`SELECT password_sealed AS p FROM mail_imap_accounts`)).rows[0]!.p, ws.id)).toBe(
        USER.password,
      );
      const get = await call(h, ws.token, 'GET', '/api/v1/mail/imap');
      expect(get.body).not.toContain(USER.password);
      expect(get.json()).not.toHaveProperty('password');
    },
  );

  it.skipIf(!engine.available)('a poll turns unseen mail into conversations, flags it \\Seen and leaves seen mail alone', async () => {
    for (let i = 1; i <= 3; i++) await dovecot.append(USER.user, 'Support', message(i, 'Support'));
    // Already read by someone in a mail client: not ours to fetch.
    await dovecot.append(USER.user, 'Support', message(9, 'Support'), ['\\Seen']);
    const res = await call(h, ws.token, 'POST', '/api/v1/mail/imap/poll');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ fetched: 3, outcomes: { created: 3 }, lastUid: 3, error: null });
    expect(await unseen('Support')).toEqual([]);
    expect((await stored('Support')).map((r) => [r.subject, r.conversations])).toEqual([
      [`imap ${run} Support #1`, 1],
      [`imap ${run} Support #2`, 1],
      [`imap ${run} Support #3`, 1],
    ]);
    const conv = await call(h, ws.token, 'GET', '/api/v1/conversations?limit=100');
    const first = conv.json().data.find((c: { subject: string }) => c.subject === `imap ${run} Support #1`);
    expect(first).toMatchObject({ channel: 'email' });
    // Nothing new: nothing fetched.
    expect((await call(h, ws.token, 'POST', '/api/v1/mail/imap/poll')).json()).toMatchObject({ fetched: 0, lastUid: 3 });
    expect((await call(h, ws.token, 'GET', '/api/v1/mail/imap')).json()).toMatchObject({ lastUid: 3, lastError: null });
  });

  it.skipIf(!engine.available)('a crash after commit and before \\Seen loses nothing and doubles nothing on restart', async () => {
    for (let i = 1; i <= 6; i++) await dovecot.append(USER.user, 'Support', message(i, 'Crash'));
    let ingested = 0;
    // The process "dies" right after the third message committed, before it could flag it \Seen.
    const crashing = pollerWith({
      afterIngest: () => {
        if (++ingested === 3) throw new Error('simulated crash');
      },
    });
    const first = await crashing.poll(ws.id);
    expect(first).toMatchObject({ fetched: 3, error: 'simulated crash' });
    expect(await ledgerCount('Crash')).toBe(3);
    // Two were flagged before the crash; the third is committed but still unseen.
    expect((await unseen('Support')).length).toBe(4);

    const restarted = await pollerWith().poll(ws.id);
    expect(restarted).toMatchObject({ fetched: 4, outcomes: { duplicate: 1, created: 3 }, error: null });
    expect(await unseen('Support')).toEqual([]);
    expect(await ledgerCount('Crash')).toBe(6);
    const rows = await stored('Crash');
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.conversations === 1)).toBe(true);
  });

  it.skipIf(!engine.available)('an ingest failure (ours) stops the poll at that message; the next poll takes it', async () => {
    await dovecot.append(USER.user, 'Support', message(1, 'Down'));
    await dovecot.append(USER.user, 'Support', message(2, 'Down'));
    const down = pollerWith({
      ingest: {
        resolveRecipient: mail.ingest.resolveRecipient,
        ingest: () => Promise.reject(new Error('database is down')),
      },
    });
    expect(await down.poll(ws.id)).toMatchObject({ fetched: 0, error: 'database is down' });
    expect((await unseen('Support')).length).toBe(2);
    expect((await call(h, ws.token, 'GET', '/api/v1/mail/imap')).json().lastError).toBe('database is down');
    expect(await pollerWith().poll(ws.id)).toMatchObject({ fetched: 2, outcomes: { created: 2 }, error: null });
    expect(await ledgerCount('Down')).toBe(2);
  });

  it.skipIf(!engine.available)('a recreated folder (new UIDVALIDITY) is read from the start, and ingest dedupes what it had', async () => {
    const before = (await call(h, ws.token, 'GET', '/api/v1/mail/imap')).json();
    const c = new ImapFlow(dovecot.imapOptions(USER.user));
    await c.connect();
    await c.mailboxDelete('Support');
    await c.logout();
    // The same three messages again in a new folder of the same name (UIDs start at 1 again).
    for (let i = 1; i <= 3; i++) await dovecot.append(USER.user, 'Support', message(i, 'Support'));
    await dovecot.append(USER.user, 'Support', message(4, 'Support'));
    const res = await poller.poll(ws.id);
    expect(res.uidValidity).not.toBe(before.uidValidity);
    expect(res).toMatchObject({ fetched: 4, outcomes: { duplicate: 3, created: 1 }, lastUid: 4 });
    expect((await stored('Support')).every((r) => r.conversations === 1)).toBe(true);
    expect(await unseen('Support')).toEqual([]);
  });

  it.skipIf(!engine.available)('with IDLE, new mail is fetched when it arrives, without waiting for the interval', async () => {
    const body = {
      host: '127.0.0.1',
      port: dovecot.port,
      security: 'none',
      username: USER.user,
      password: USER.password,
      mailbox: 'Support',
      idle: true,
    };
    expect((await call(h, ws.token, 'PUT', '/api/v1/mail/imap', body)).statusCode).toBe(200);
    // No interval: only the IDLE watcher the first poll opens can fetch what arrives later.
    const idler = pollerWith();
    try {
      // (Something in the folder first, so it exists when this test runs alone.)
      await dovecot.append(USER.user, 'Support', message(0, 'IdleFirst'));
      expect(await idler.poll(ws.id)).toMatchObject({ error: null });
      await dovecot.append(USER.user, 'Support', message(1, 'Idle'));
      const deadline = Date.now() + 30_000;
      while ((await stored('Idle')).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect((await stored('Idle')).map((r) => r.conversations)).toEqual([1]);
      expect(await unseen('Support')).toEqual([]);
    } finally {
      await idler.stop();
    }
  });

  it.skipIf(!engine.available)('a disabled mailbox is not polled', async () => {
    const body = { host: '127.0.0.1', port: dovecot.port, security: 'none', username: USER.user, mailbox: 'Support', enabled: false };
    expect((await call(h, ws.token, 'PUT', '/api/v1/mail/imap', body)).statusCode).toBe(200);
    const res = await call(h, ws.token, 'POST', '/api/v1/mail/imap/poll');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
  });
});
