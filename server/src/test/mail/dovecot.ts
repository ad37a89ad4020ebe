import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';

/**
 * A real Dovecot IMAP server for tests (Debian `dovecot-imapd`), configured entirely inside a fresh
 * temp directory: its own dovecot.conf, base_dir, state_dir, log file, passwd-file and maildirs. It
 * listens on 127.0.0.1 at a free port and shares nothing with a system Dovecot (port 143, /run/dovecot).
 *
 * As root (CI), Dovecot refuses root for login processes and for mail users, so login processes run as
 * `dovenull` (or `nobody`) and mailboxes belong to `nobody`; everything else stays root. As any other
 * user everything runs as that user. Chroots are off either way (they need root and buy a test nothing).
 */

export const DOVECOT_BIN = '/usr/sbin/dovecot';
const IMAP_BIN = '/usr/lib/dovecot/imap';
const SETPRIV = '/usr/bin/setpriv';
const HOST = '127.0.0.1';

export interface MailUser {
  user: string;
  password: string;
}

export interface DovecotOptions {
  /** Mail users (passwd-file, plaintext passwords). Default: one user, {@link DEFAULT_MAIL_USER}. */
  users?: MailUser[];
  /** auth_verbose + mail_debug in the log file (see `log()`). */
  verbose?: boolean;
  /** How long to wait for the IMAP greeting. Default 20 s. */
  timeoutMs?: number;
}

export interface DovecotServer {
  host: string;
  port: number;
  users: MailUser[];
  /** The Dovecot master's pid, also the process group of all its processes. */
  pid: number;
  /** The temp directory holding config, sockets, log and mail; removed by `stop()`. */
  dir: string;
  /** Options for `new ImapFlow(...)` logged in as `user` (cleartext, no STARTTLS, no logging). */
  imapOptions(user: string): ImapFlowOptions;
  /** APPENDs a raw RFC 5322 message to `mailbox` of `user` (created when missing), with IMAP flags such as `\\Seen`. */
  append(user: string, mailbox: string, raw: Buffer | string, flags?: string[]): Promise<void>;
  /** Dovecot's log so far (for failure messages). */
  log(): string;
  /** Stops Dovecot and all its processes, then removes the temp directory. Idempotent. */
  stop(): Promise<void>;
}

export const DEFAULT_MAIL_USER: MailUser = { user: 'support@meridian.test', password: 'support-password' };

/** Whether the Dovecot binaries (Debian `dovecot-imapd`) are installed. */
export const dovecotAvailable = (): boolean => existsSync(DOVECOT_BIN) && existsSync(IMAP_BIN);

let warned = false;

/**
 * The gate for test files that need Dovecot, the same rule as APy and PostgreSQL in global-setup.ts:
 * in CI (CI=true) a missing Dovecot throws — a leg that cannot run is a failure, never a silent skip —
 * and locally it warns once and returns false so the caller can `describe.skipIf(!…)`.
 */
export function dovecotForTests(): boolean {
  if (dovecotAvailable()) return true;
  const reason = `Dovecot is not installed (${DOVECOT_BIN}, ${IMAP_BIN}; apt-get install dovecot-imapd)`;
  if (process.env.CI === 'true') throw new Error(`${reason}; in CI the IMAP tests must run.`);
  if (!warned) console.warn(`\n!! ${reason}: IMAP tests are SKIPPED (they fail in CI).\n`);
  warned = true;
  return false;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });

interface Account {
  name: string;
  uid: number;
  gid: number;
  group: string;
}

/** Looks a user up in /etc/passwd (and its primary group in /etc/group). */
function account(name: string): Account | undefined {
  const line = readLines('/etc/passwd').find((l) => l.split(':')[0] === name);
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  const group = readLines('/etc/group')
    .find((l) => l.split(':')[2] === gid)
    ?.split(':')[0];
  return group === undefined ? undefined : { name, uid: Number(uid), gid: Number(gid), group };
}

function readLines(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n');
  } catch {
    return [];
  }
}

interface Identities {
  internal: Account;
  login: Account;
  mail: Account;
}

function identities(): Identities {
  const me = os.userInfo();
  if (me.uid !== 0) {
    const self = account(me.username) ?? { name: me.username, uid: me.uid, gid: me.gid, group: String(me.gid) };
    return { internal: self, login: self, mail: self };
  }
  const root = account('root') ?? { name: 'root', uid: 0, gid: 0, group: 'root' };
  const nobody = account('nobody');
  if (!nobody) throw new Error('startDovecot as root needs the user "nobody" to own the test mailboxes');
  return { internal: root, login: account('dovenull') ?? nobody, mail: nobody };
}

function checkUsers(users: MailUser[]): void {
  if (users.length === 0) throw new Error('startDovecot: at least one user');
  const seen = new Set<string>();
  for (const { user, password } of users) {
    // passwd-file fields are ':'-separated lines; %u must not be able to walk out of the home directory.
    if (!/^[A-Za-z0-9._+@-]+$/.test(user)) throw new Error(`startDovecot: unsupported user name ${JSON.stringify(user)}`);
    if (/[:\r\n]/.test(password) || password === '') throw new Error(`startDovecot: unsupported password for ${user}`);
    if (seen.has(user)) throw new Error(`startDovecot: duplicate user ${user}`);
    seen.add(user);
  }
}

function config(dir: string, port: number, instance: string, ids: Identities, verbose: boolean): string {
  const chrootless = ['anvil', 'imap-login', 'imap-urlauth-login', 'ipc', 'old-stats'];
  return [
    `instance_name = ${instance}`,
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    `log_path = ${dir}/dovecot.log`,
    `protocols = imap`,
    `listen = ${HOST}`,
    `ssl = no`,
    `disable_plaintext_auth = no`,
    `auth_mechanisms = plain login`,
    `auth_failure_delay = 0`,
    `default_internal_user = ${ids.internal.name}`,
    `default_internal_group = ${ids.internal.group}`,
    `default_login_user = ${ids.login.name}`,
    `first_valid_uid = ${ids.mail.uid}`,
    `last_valid_uid = ${ids.mail.uid}`,
    `first_valid_gid = ${ids.mail.gid}`,
    `last_valid_gid = ${ids.mail.gid}`,
    `mail_location = maildir:~/Maildir`,
    // Clients see '/' as the hierarchy separator ("Support/Archive"), as on most servers.
    `namespace inbox {`,
    `  inbox = yes`,
    `  separator = /`,
    `}`,
    `auth_verbose = ${verbose ? 'yes' : 'no'}`,
    `mail_debug = ${verbose ? 'yes' : 'no'}`,
    `passdb {`,
    `  driver = passwd-file`,
    `  args = scheme=PLAIN username_format=%u ${dir}/passwd`,
    `}`,
    `userdb {`,
    `  driver = passwd-file`,
    `  args = username_format=%u ${dir}/passwd`,
    `}`,
    `protocol imap {`,
    `  mail_max_userip_connections = 100`,
    // IDLE sessions learn of new mail within a second (inotify may not reach into every sandbox).
    `  mailbox_idle_check_interval = 1 secs`,
    `}`,
    `service imap-login {`,
    `  inet_listener imap {`,
    `    address = ${HOST}`,
    `    port = ${port}`,
    `  }`,
    `  inet_listener imaps {`,
    `    port = 0`,
    `  }`,
    `}`,
    // Dovecot's auth penalty (2 s doubling to 15 s per IP after a failed login) would slow every test
    // after one that checks bad credentials: with its anvil socket moved, the auth process skips it.
    `service anvil {`,
    `  unix_listener anvil-auth-penalty {`,
    `    path = anvil-auth-penalty-disabled`,
    `  }`,
    `}`,
    ...chrootless.flatMap((s) => [`service ${s} {`, `  chroot =`, `}`]),
    '',
  ].join('\n');
}

/** Waits for the IMAP greeting: the master listens before imap-login runs, so a bare connect is not enough. */
function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, HOST);
    let buf = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2_000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      if (buf.includes('\r\n')) done(buf.startsWith('* OK'));
    });
    socket.on('close', () => done(false));
  });
}

/** Live (non-zombie) processes in process group `pgid`, from /proc (Linux). */
export function groupAlive(pgid: number): number[] {
  const alive: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return alive;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      // pid (comm) state ppid pgrp …; comm may contain spaces and parentheses.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(rest[2]) === pgid && rest[0] !== 'Z') alive.push(Number(e));
    } catch {
      // gone meanwhile
    }
  }
  return alive;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // group already gone
  }
}

interface Attempt {
  child: ChildProcess;
  dir: string;
  port: number;
  stderr: () => string;
}

const DIR_PREFIX = 'meridian-dovecot-';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes temp dirs left by test processes that were killed before stop() could run (their Dovecot died with them). */
function sweepOrphans(): void {
  let entries: string[];
  try {
    entries = readdirSync(os.tmpdir()).filter((e) => e.startsWith(DIR_PREFIX));
  } catch {
    return;
  }
  for (const e of entries) {
    const dir = path.join(os.tmpdir(), e);
    try {
      const owner = Number(readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
      if (owner > 0 && !alive(owner)) rmSync(dir, { recursive: true, force: true });
    } catch {
      // no owner file yet (being set up) or not ours to judge
    }
  }
}

function launch(users: MailUser[], ids: Identities, verbose: boolean, port: number): Attempt {
  const dir = mkdtempSync(path.join(os.tmpdir(), DIR_PREFIX));
  writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
  // The mail user (nobody, when we are root) must reach its maildir below the temp dir.
  chmodSync(dir, 0o755);
  for (const sub of ['run', 'state', 'mail']) mkdirSync(path.join(dir, sub));
  const instance = `meridian-test-${randomBytes(4).toString('hex')}`;
  const passwd = users.map(({ user, password }, i) => {
    const home = path.join(dir, 'mail', `u${i}`);
    return `${user}:{PLAIN}${password}:${ids.mail.uid}:${ids.mail.gid}::${home}::`;
  });
  writeFileSync(path.join(dir, 'passwd'), passwd.join('\n') + '\n', { mode: 0o600 });
  if (os.userInfo().uid === 0) chownSync(path.join(dir, 'mail'), ids.mail.uid, ids.mail.gid);
  const conf = path.join(dir, 'dovecot.conf');
  writeFileSync(conf, config(dir, port, instance, ids, verbose));

  // Own process group: stop() (and a dying test process) can reach every Dovecot child by group. Through
  // setpriv the master gets SIGKILL should the test process itself be killed (its services then follow).
  const [cmd, args] = existsSync(SETPRIV)
    ? [SETPRIV, ['--pdeathsig', 'SIGKILL', '--', DOVECOT_BIN, '-F', '-c', conf]]
    : [DOVECOT_BIN, ['-F', '-c', conf]];
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-4000)));
  child.on('error', (err) => (stderr += `\nspawn: ${err.message}`));
  return { child, dir, port, stderr: () => stderr };
}

function readLog(dir: string): string {
  try {
    return readFileSync(path.join(dir, 'dovecot.log'), 'utf8');
  } catch {
    return '';
  }
}

async function shutdown(child: ChildProcess, dir: string): Promise<void> {
  const pgid = child.pid;
  if (pgid !== undefined) {
    // The server and its mail are thrown away, so there is nothing to stop gracefully: SIGKILL the
    // whole process group (on SIGTERM the master spends about a second waiting for its services).
    const running = child.exitCode === null && child.signalCode === null;
    const exited = running ? new Promise<void>((r) => child.once('exit', () => r())) : Promise.resolve();
    if (running || groupAlive(pgid).length > 0) killGroup(pgid, 'SIGKILL');
    await Promise.race([exited, sleep(5_000)]);
    const end = Date.now() + 5_000;
    while (groupAlive(pgid).length > 0 && Date.now() < end) await sleep(20);
  }
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}

/** Starts a real Dovecot IMAP server on 127.0.0.1 and waits until it greets. */
export async function startDovecot(opts: DovecotOptions = {}): Promise<DovecotServer> {
  if (!dovecotAvailable()) throw new Error(`Dovecot is not installed (${DOVECOT_BIN}); apt-get install dovecot-imapd`);
  const users = (opts.users ?? [DEFAULT_MAIL_USER]).map((u) => ({ ...u }));
  checkUsers(users);
  const ids = identities();
  sweepOrphans();
  const timeoutMs = opts.timeoutMs ?? 20_000;

  let attempt: Attempt | undefined;
  let lastError = '';
  // A free port can be taken between probing and Dovecot's bind: try again with another one.
  for (let tries = 0; tries < 3 && !attempt; tries++) {
    const a = launch(users, ids, opts.verbose ?? false, await freePort());
    const end = Date.now() + timeoutMs;
    let ready = false;
    while (!ready && a.child.exitCode === null && a.child.signalCode === null && Date.now() < end) {
      ready = await greets(a.port);
      if (!ready) await sleep(50);
    }
    if (ready) {
      attempt = a;
      break;
    }
    const log = readLog(a.dir);
    lastError =
      a.child.exitCode !== null || a.child.signalCode !== null
        ? `Dovecot exited (${a.child.exitCode ?? a.child.signalCode}):\n${a.stderr()}\n${log}`
        : `Dovecot did not greet on ${HOST}:${a.port} within ${timeoutMs} ms:\n${a.stderr()}\n${log}`;
    await shutdown(a.child, a.dir);
    if (!/Address already in use/.test(lastError)) break;
  }
  if (!attempt) throw new Error(lastError);

  const { child, dir, port } = attempt;
  // If the test process ends without stop(), take Dovecot down with it.
  const onExit = () => {
    if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);

  const imapOptions = (user: string): ImapFlowOptions => {
    const account = users.find((u) => u.user === user);
    if (!account) throw new Error(`no Dovecot user ${user} (have ${users.map((u) => u.user).join(', ')})`);
    return { host: HOST, port, secure: false, doSTARTTLS: false, auth: { user, pass: account.password }, logger: false };
  };

  let stopping: Promise<void> | undefined;
  return {
    host: HOST,
    port,
    users,
    pid: child.pid!,
    dir,
    imapOptions,
    async append(user, mailbox, raw, flags = []) {
      const client = new ImapFlow(imapOptions(user));
      await client.connect();
      try {
        if (mailbox.toUpperCase() !== 'INBOX') await client.mailboxCreate(mailbox);
        const res = await client.append(mailbox, typeof raw === 'string' ? Buffer.from(raw) : raw, flags);
        if (!res) throw new Error(`APPEND to ${user}/${mailbox} failed`);
      } finally {
        await client.logout().catch(() => client.close());
      }
    },
    log: () => readLog(dir),
    stop() {
      stopping ??= (async () => {
        process.off('exit', onExit);
        await shutdown(child, dir);
      })();
      return stopping;
    },
  };
}
