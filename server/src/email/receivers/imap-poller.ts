import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { Db } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import type { SecretBox } from '../../lib/secret-box.js';
import type { IngestOutcome, MailIngest } from '../ingest.types.js';
import { imapFlowOptions } from './imap-connect.js';
import { finishImapPoll, leaseImapAccount, listPollableImapAccounts, saveImapPosition, type ImapAccountRow } from './imap.repo.js';

/**
 * Fetches workspaces' IMAP mailboxes into the ingest. Per poll of a mailbox: the UNSEEN messages
 * above the last UID done, in UID order; each is ingested, and only after ingest resolved (the
 * message is committed) is it flagged \Seen and the position saved. A crash anywhere in between
 * leaves the message unseen and above the saved UID, so the next poll fetches it again and ingest
 * recognises it (dedupe by Message-ID): nothing lost, nothing twice. A new UIDVALIDITY (the folder
 * was recreated) starts again from UID 0, with the same dedupe. An ingest failure (ours) stops the
 * poll there; the next one retries from that message.
 */

export interface ImapPollerDeps {
  db: Db;
  clock: Clock;
  ingest: MailIngest;
  secretBox: SecretBox;
  /** Hosts allowed despite being private (MERIDIAN_PROVIDER_ALLOWED_HOSTS). */
  allowedHosts: readonly string[];
  /** Background polling interval; 0: only pollNow(). */
  intervalMs: number;
  /** Only one process uses the database (PGlite): leases left by a killed process can be dropped at start. */
  singleProcess?: boolean;
  onError?: (err: unknown, workspaceId: string) => void;
  /** Test hook: after a message's ingest committed, before it is flagged \Seen. */
  afterIngest?: (uid: number, outcome: IngestOutcome) => void | Promise<void>;
  /** Test hook: connection options (e.g. a resolver), default imapFlowOptions. */
  connectOptions?: typeof imapFlowOptions;
}

export interface PollResult {
  /** Messages fetched and ingested in this poll, by outcome. */
  fetched: number;
  outcomes: Partial<Record<IngestOutcome['kind'], number>>;
  uidValidity: string | null;
  lastUid: number;
  /** Set when the poll stopped early: connection, login or ingest trouble. */
  error: string | null;
}

/** How long a poll may hold a mailbox before another process may take it over; renewed per message. */
const LEASE_MS = 2 * 60_000;

export class ImapBusyError extends Error {}

export class ImapPoller {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  private stopping = false;
  /** Workspaces whose mailbox had news while a poll of it was running (see trigger). */
  private readonly wanted = new Set<string>();
  private readonly watchers = new Map<string, ImapFlow>();

  constructor(private readonly deps: ImapPollerDeps) {}

  async start(): Promise<void> {
    if (this.deps.singleProcess) {
      await this.deps.db.query(`UPDATE mail_imap_accounts SET lease_until = NULL WHERE lease_until IS NOT NULL`);
    }
    if (this.deps.intervalMs > 0) this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.round = this.pollAll().finally(() => {
        this.round = undefined;
        this.schedule(this.deps.intervalMs);
      });
    }, ms);
  }

  /** Stops background polling; a running poll finishes the message it is on and stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    await this.round;
  }

  private async pollAll(): Promise<void> {
    let ids: string[] = [];
    try {
      ids = await listPollableImapAccounts(this.deps.db, this.deps.clock());
    } catch (err) {
      this.deps.onError?.(err, '');
    }
    for (const ws of ids) {
      if (this.stopping) return;
      await this.poll(ws).catch((err: unknown) => (err instanceof ImapBusyError ? undefined : this.deps.onError?.(err, ws)));
    }
  }

  /** Polls one workspace's mailbox now. Throws ImapBusyError when another poll holds it. */
  async poll(workspaceId: string): Promise<PollResult> {
    const { db, clock } = this.deps;
    const lease = () => new Date(clock().getTime() + LEASE_MS);
    const account = await leaseImapAccount(db, workspaceId, clock(), lease());
    if (!account) throw new ImapBusyError('this mailbox is being polled (or is not enabled)');
    this.wanted.delete(workspaceId);
    const result: PollResult = { fetched: 0, outcomes: {}, uidValidity: account.uidValidity, lastUid: account.lastUid, error: null };
    try {
      await this.fetchInto(account, result, () => leaseImapAccount(db, workspaceId, clock(), lease()));
    } catch (err) {
      result.error = err instanceof Error ? err.message : String(err);
      this.deps.onError?.(err, workspaceId);
    } finally {
      await finishImapPoll(db, workspaceId, clock(), result.error);
    }
    if (account.idle && !this.stopping) this.watch(account);
    if (this.wanted.has(workspaceId)) this.trigger(workspaceId);
    return result;
  }

  private async connect(account: ImapAccountRow): Promise<ImapFlow> {
    const password = this.deps.secretBox.open(account.passwordSealed, account.workspaceId);
    if (typeof password !== 'string') throw new Error('the stored password cannot be opened (was the server key changed?)');
    const opts: ImapFlowOptions = await (this.deps.connectOptions ?? imapFlowOptions)(account, password, this.deps.allowedHosts);
    const client = new ImapFlow(opts);
    client.on('error', () => undefined); // surfaced by the failing command
    await client.connect();
    return client;
  }

  private async fetchInto(account: ImapAccountRow, result: PollResult, renew: () => Promise<unknown>): Promise<void> {
    const client = await this.connect(account);
    try {
      const lock = await client.getMailboxLock(account.mailbox);
      try {
        const mailbox = client.mailbox;
        if (!mailbox) throw new Error(`cannot open ${account.mailbox}`);
        const uidValidity = String(mailbox.uidValidity);
        let lastUid = uidValidity === account.uidValidity ? account.lastUid : 0;
        result.uidValidity = uidValidity;
        result.lastUid = lastUid;
        if (uidValidity !== account.uidValidity) await saveImapPosition(this.deps.db, account.workspaceId, uidValidity, 0);
        const found = (await client.search({ seen: false }, { uid: true })) || [];
        const uids = found.filter((u) => u > lastUid).sort((a, b) => a - b);
        for (const uid of uids) {
          if (this.stopping) break;
          const msg = await client.fetchOne(String(uid), { source: true, envelope: true }, { uid: true });
          if (!msg || !msg.source) continue; // expunged meanwhile
          // The Return-Path the delivering server stored (null for `<>`, a bounce); without one, the From.
          const rp = returnPath(msg.source);
          const outcome = await this.deps.ingest.ingest(msg.source, {
            mailFrom: rp !== undefined ? rp : (msg.envelope?.from?.[0]?.address ?? null),
            rcptTo: [account.address ?? account.username],
            receivedVia: 'imap',
            workspaceId: account.workspaceId,
          });
          result.fetched++;
          result.outcomes[outcome.kind] = (result.outcomes[outcome.kind] ?? 0) + 1;
          await this.deps.afterIngest?.(uid, outcome);
          await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
          lastUid = uid;
          result.lastUid = uid;
          await saveImapPosition(this.deps.db, account.workspaceId, uidValidity, uid);
          await renew();
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  /**
   * A poll asked for by IDLE. When one is running here already, new mail may have arrived after its
   * search: `wanted` makes that one run again when it ends.
   */
  private trigger(ws: string): void {
    if (this.stopping) return;
    this.wanted.add(ws);
    this.poll(ws).catch((err: unknown) => (err instanceof ImapBusyError ? undefined : this.deps.onError?.(err, ws)));
  }

  /** IDLE: a connection that waits for new mail in the folder and polls when some arrives. */
  private watch(account: ImapAccountRow): void {
    const ws = account.workspaceId;
    if (this.watchers.has(ws)) return;
    void (async () => {
      let client: ImapFlow | undefined;
      try {
        client = await this.connect(account);
        if (this.stopping) return client.close();
        this.watchers.set(ws, client);
        client.on('exists', () => this.trigger(ws));
        client.on('close', () => {
          if (this.watchers.get(ws) === client) this.watchers.delete(ws);
        });
        await client.mailboxOpen(account.mailbox, { readOnly: true });
        // Mail that arrived while the watcher connected raised no EXISTS on it: one poll picks it up.
        this.trigger(ws);
        // Straight into IDLE: imapflow would otherwise wait 15 s of quiet before it starts on its own.
        void client.idle().catch((err: unknown) => this.deps.onError?.(err, ws));
      } catch (err) {
        if (client && this.watchers.get(ws) === client) this.watchers.delete(ws);
        client?.close();
        this.deps.onError?.(err, ws);
      }
    })();
  }
}

/** The Return-Path of a stored message: its address, '' → null (the null sender), absent → undefined. */
export function returnPath(raw: Buffer): string | null | undefined {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, end === -1 ? Math.min(raw.length, 64 * 1024) : end).toString('latin1');
  const m = /^Return-Path:[ \t]*<([^>]*)>/im.exec(head);
  if (!m) return undefined;
  return m[1]!.trim() === '' ? null : m[1]!.trim();
}
