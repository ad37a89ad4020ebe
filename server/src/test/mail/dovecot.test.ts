import { existsSync } from 'node:fs';
import net from 'node:net';
import { ImapFlow } from 'imapflow';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MAIL_USER, dovecotForTests, groupAlive, startDovecot, type DovecotServer } from './dovecot.js';

// In CI a missing Dovecot throws here (the file fails); locally the tests are skipped with a warning.
const DOVECOT = dovecotForTests();

const ALICE = { user: 'alice@support.test', password: 'alice "quoted" secret' };
const BOB = { user: 'bob', password: 'b0b pass' };

const message = (n: number) =>
  [
    'From: Customer <customer@example.test>',
    'To: alice@support.test',
    `Subject: Order ${n} has not arrived`,
    `Message-ID: <order-${n}@example.test>`,
    'Date: Mon, 04 May 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    `Hallo, meine Bestellung ${n} ist noch nicht da. Grüße`,
    '',
  ].join('\r\n');

async function fetchAll(server: DovecotServer, user: string, mailbox = 'INBOX') {
  const client = new ImapFlow(server.imapOptions(user));
  await client.connect();
  try {
    const lock = await client.getMailboxLock(mailbox);
    try {
      const out: { uid: number; flags: string[]; messageId?: string; source: Buffer }[] = [];
      const status = await client.status(mailbox, { messages: true });
      if (!status || !status.messages) return out;
      for await (const m of client.fetch('1:*', { uid: true, flags: true, envelope: true, source: true })) {
        out.push({ uid: m.uid, flags: [...(m.flags ?? [])].sort(), messageId: m.envelope?.messageId, source: m.source! });
      }
      return out;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(true));
  });

describe.skipIf(!DOVECOT)('Dovecot test server (real IMAP on loopback)', () => {
  const servers: DovecotServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });

  it('starts, takes an APPEND, serves it back over IMAP, and stops without leaving anything', async () => {
    const server = await startDovecot({ users: [ALICE, BOB] });
    servers.push(server);
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).not.toBe(143);
    expect(server.users.map((u) => u.user)).toEqual([ALICE.user, BOB.user]);

    const raw = message(1);
    await server.append(ALICE.user, 'INBOX', raw);
    await server.append(ALICE.user, 'INBOX', Buffer.from(message(2)), ['\\Seen']);
    await server.append(BOB.user, 'Support/Archive', message(3));

    const inbox = await fetchAll(server, ALICE.user);
    expect(inbox.map((m) => m.messageId)).toEqual(['<order-1@example.test>', '<order-2@example.test>']);
    expect(inbox[0]!.source.equals(Buffer.from(raw))).toBe(true); // byte for byte, 8-bit UTF-8 included
    expect(inbox[0]!.flags).not.toContain('\\Seen');
    expect(inbox[1]!.flags).toContain('\\Seen');
    expect(inbox[1]!.uid).toBeGreaterThan(inbox[0]!.uid);

    // Mailboxes are per user; other folders are created on demand.
    expect(await fetchAll(server, BOB.user)).toEqual([]);
    expect((await fetchAll(server, BOB.user, 'Support/Archive')).map((m) => m.messageId)).toEqual(['<order-3@example.test>']);

    expect(server.log()).toContain('starting up for imap');
    expect(server.log()).not.toMatch(/Fatal|Error|Panic/);

    const { dir, pid, port } = server;
    expect(existsSync(dir)).toBe(true);
    expect(groupAlive(pid).length).toBeGreaterThan(0);
    await server.stop();
    await server.stop(); // idempotent
    expect(existsSync(dir)).toBe(false);
    expect(groupAlive(pid)).toEqual([]);
    expect(await refused(port)).toBe(true);
  });

  it('rejects a wrong password at once (no auth penalty slowing later tests)', async () => {
    const server = await startDovecot();
    servers.push(server);
    expect(server.users).toEqual([DEFAULT_MAIL_USER]);
    // With Dovecot's auth penalty these four logins took over 12 s (2 s doubling per failure); without it about 2 s.
    const started = Date.now();
    for (let i = 0; i < 3; i++) {
      const bad = new ImapFlow({ ...server.imapOptions(DEFAULT_MAIL_USER.user), auth: { user: DEFAULT_MAIL_USER.user, pass: 'wrong' } });
      await expect(bad.connect()).rejects.toMatchObject({ authenticationFailed: true });
    }
    const good = new ImapFlow(server.imapOptions(DEFAULT_MAIL_USER.user));
    await good.connect();
    await good.logout();
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(() => server.imapOptions('nobody@nowhere.test')).toThrow(/no Dovecot user/);
  });

  it('a restart keeps nothing: every start is a fresh server', async () => {
    const first = await startDovecot({ users: [ALICE] });
    servers.push(first);
    await first.append(ALICE.user, 'INBOX', message(4));
    expect(await fetchAll(first, ALICE.user)).toHaveLength(1);
    await first.stop();

    const second = await startDovecot({ users: [ALICE] });
    servers.push(second);
    expect(second.dir).not.toBe(first.dir);
    expect(await fetchAll(second, ALICE.user)).toEqual([]);
  });

  it('runs side by side with other instances on their own ports', async () => {
    const [a, b] = await Promise.all([startDovecot(), startDovecot()]);
    servers.push(a!, b!);
    expect(a!.port).not.toBe(b!.port);
    await a!.append(DEFAULT_MAIL_USER.user, 'INBOX', message(5));
    expect(await fetchAll(a!, DEFAULT_MAIL_USER.user)).toHaveLength(1);
    expect(await fetchAll(b!, DEFAULT_MAIL_USER.user)).toHaveLength(0);
  });

  it('refuses users it could not write into a passwd-file', async () => {
    await expect(startDovecot({ users: [{ user: 'a', password: 'x:y' }] })).rejects.toThrow(/unsupported password/);
    await expect(startDovecot({ users: [{ user: '../a', password: 'x' }] })).rejects.toThrow(/unsupported user/);
    await expect(startDovecot({ users: [] })).rejects.toThrow(/at least one user/);
  });
});
