import { hostname } from 'node:os';
import type { Db } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import { PrivateAddressError, type Resolver } from '../../lib/safe-fetch.js';
import type { SecretBox } from '../../lib/secret-box.js';
import { findMessage } from '../../messages/messages.repo.js';
import { translationsFor } from '../../translation/message-translations.repo.js';
import { findReview } from '../../translation/reviews.repo.js';
import { MAIL_META } from '../channel-meta.js';
import type { ThreadTokens } from '../thread-token.js';
import { classifyFailure, nextAttemptAt, NOT_CONFIGURED_RECHECK_MS } from './backoff.js';
import { cleanAddress, messageIds } from './headers.js';
import { findMailSettings, workspaceAddresses } from './mail-settings.repo.js';
import { claimDue, recordSentMessageId, settleOutbox, type ClaimedRow, type Settlement } from './outbox.repo.js';
import { connectAddress, relayFor, transportFor } from './relay.js';
import { deliveredContent, mailOptions, type OutboundMail } from './render.js';
import { isFailingAddress, lastInboundMeta, outboundFacts } from './thread.repo.js';

export interface MailSenderDeps {
  db: Db;
  clock: Clock;
  box: SecretBox;
  tokens: ThreadTokens;
  /** The server's relay (--smtp-relay): operator configuration, so it may be loopback. */
  serverRelay?: string | undefined;
  /** Hosts a workspace relay may resolve privately anyway (MERIDIAN_PROVIDER_ALLOWED_HOSTS). */
  allowedHosts: readonly string[];
  /** DNS for workspace relays (tests pass their own). */
  resolve?: Resolver;
  /** Our name in EHLO. */
  heloName?: string;
}

/** A claim lasts this long: past it, a sender that died mid-send leaves the row due again. */
export const LEASE_MS = 5 * 60_000;
/** Temporary failures in a row before a message is given up (besides its age: backoff.ts). */
export const MAX_ATTEMPTS = 200;
const BATCH = 20;

export type PassResult = Record<'sent' | 'retrying' | 'failed' | 'held' | 'waiting', number>;

type Prepared = { mail: OutboundMail; workspaceId: string } | { settle: Settlement };

const errText = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 1000);

/** Decides what a claimed row becomes before any network: held, waiting for configuration, or a mail to send. */
async function prepare(deps: MailSenderDeps, row: ClaimedRow, now: Date): Promise<Prepared> {
  const ws = row.workspaceId;
  const settings = await findMailSettings(deps.db, ws);
  const message = await findMessage(deps.db, ws, row.messageId);
  if (!message) return { settle: { status: 'failed', reason: 'missing', lastError: 'the message no longer exists' } };
  // Checked again at send time: these can change after the row was queued.
  if (!settings.enabled) return { settle: { status: 'held', reason: 'disabled', lastError: null } };
  if ((await findReview(deps.db, ws, row.messageId))?.status === 'awaiting_review') {
    return { settle: { status: 'held', reason: 'awaiting_review', lastError: null } };
  }
  const to = cleanAddress(row.recipient);
  if (!to) return { settle: { status: 'held', reason: 'no_recipient', lastError: null } };
  if (!row.forced && (await isFailingAddress(deps.db, ws, to)))
    return { settle: { status: 'held', reason: 'address_failing', lastError: null } };

  const facts = await outboundFacts(deps.db, ws, row.messageId);
  const addresses = await workspaceAddresses(deps.db, ws);
  const meta = await lastInboundMeta(deps.db, ws, row.conversationId, { createdAt: message.createdAt, id: message.id });
  const wroteTo = addresses.find((a) => a.address === cleanAddress(meta?.[MAIL_META.mailbox]));
  const fromAddress = cleanAddress(settings.fromAddress) ?? wroteTo?.address ?? addresses[0]?.address ?? null;
  const wait = (why: string): Prepared => ({
    settle: {
      status: 'queued',
      nextAttemptAt: new Date(now.getTime() + NOT_CONFIGURED_RECHECK_MS),
      lastError: why,
      countsAsAttempt: false,
    },
  });
  if (!fromAddress) return wait('no sender address: the workspace receives mail at no address yet');
  const content = deliveredContent(message, (await translationsFor(deps.db, ws, [message.id])).get(message.id) ?? []);
  const fromName = settings.fromName ?? addresses.find((a) => a.address === fromAddress)?.name ?? null;
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1);
  return {
    workspaceId: ws,
    mail: {
      from: { name: fromName, address: fromAddress },
      to,
      toName: facts?.customerName ?? null,
      subject: row.subject,
      messageId: deps.tokens.messageId(ws, row.conversationId, row.messageId, domain),
      inReplyTo: messageIds(row.inReplyTo)[0] ?? null,
      references: messageIds(row.references),
      replyTo: deps.tokens.replyAddress(ws, row.conversationId, fromAddress),
      text: content.text,
      html: content.html,
      language: content.language,
      automatic: message.authorType === 'system',
      loop: fromAddress,
      date: now,
    },
  };
}

/** A temporary failure: the next try after backoff, or given up when the row is too old or tried too often. */
function retryLater(row: ClaimedRow, now: Date, lastError: string): Settlement {
  // An admin's retry starts a fresh run: only the attempt count limits it, not the original age.
  const next = row.attempts >= MAX_ATTEMPTS ? null : nextAttemptAt(row.attempts, row.forced ? now : row.createdAt, now);
  return next
    ? { status: 'queued', nextAttemptAt: next, lastError, countsAsAttempt: true }
    : { status: 'failed', reason: 'expired', lastError };
}

/** One attempt at one claimed row: what it came to. Never throws. */
async function attempt(deps: MailSenderDeps, row: ClaimedRow, now: Date): Promise<{ settle: Settlement; header: string | null }> {
  let prepared: Prepared;
  try {
    prepared = await prepare(deps, row, now);
  } catch (err) {
    return { settle: retryLater(row, now, `preparing the mail failed: ${errText(err)}`), header: null };
  }
  if ('settle' in prepared) return { settle: prepared.settle, header: null };
  const { mail } = prepared;
  const settings = await findMailSettings(deps.db, row.workspaceId);
  const relay = relayFor(settings, deps.box, row.workspaceId, deps.serverRelay);
  if (!relay) {
    const why = settings.relayUrl
      ? 'the workspace relay URL cannot be read'
      : 'no relay: set one in mail settings or start with --smtp-relay';
    const expired = now.getTime() - row.createdAt.getTime() > 2 * 24 * 3600_000;
    return expired
      ? { settle: { status: 'failed', reason: 'expired', lastError: why }, header: null }
      : {
          settle: {
            status: 'queued',
            nextAttemptAt: new Date(now.getTime() + NOT_CONFIGURED_RECHECK_MS),
            lastError: why,
            countsAsAttempt: false,
          },
          header: null,
        };
  }
  try {
    const address = await connectAddress(relay, deps.allowedHosts, deps.resolve);
    const transport = transportFor(relay, address, deps.heloName ?? hostname());
    try {
      const info = await transport.sendMail(mailOptions(mail));
      return { settle: { status: 'sent', smtpResponse: String(info.response ?? '').slice(0, 1000) }, header: mail.messageId };
    } finally {
      transport.close();
    }
  } catch (err) {
    if (err instanceof PrivateAddressError)
      return { settle: retryLater(row, now, `relay refused: ${err.message}`), header: mail.messageId };
    const e = err as { responseCode?: number; code?: string; response?: string };
    if (classifyFailure(e) === 'permanent') {
      return {
        settle: {
          status: 'failed',
          reason: 'rejected',
          lastError: errText(err),
          smtpResponse: (e.response ?? errText(err)).slice(0, 1000),
        },
        header: mail.messageId,
      };
    }
    return { settle: retryLater(row, now, errText(err)), header: mail.messageId };
  }
}

/**
 * One pass of the sender: claims due rows of every workspace (SKIP LOCKED, under a lease) and
 * hands each to its relay, one SMTP conversation per row outside any transaction, then settles it
 * (only if the claim is still ours). Until no due rows are left or `maxRows` were tried.
 */
export async function sendDueMail(deps: MailSenderDeps, opts: { maxRows?: number } = {}): Promise<PassResult> {
  const result: PassResult = { sent: 0, retrying: 0, failed: 0, held: 0, waiting: 0 };
  const max = opts.maxRows ?? 500;
  let tried = 0;
  while (tried < max) {
    const now = deps.clock();
    const rows = await deps.db.transaction((tx) => claimDue(tx, now, new Date(now.getTime() + LEASE_MS), Math.min(BATCH, max - tried)));
    if (rows.length === 0) break;
    tried += rows.length;
    for (const row of rows) {
      const { settle, header } = await attempt(deps, row, now);
      const at = deps.clock();
      await deps.db.transaction(async (tx) => {
        const ok = await settleOutbox(tx, row.workspaceId, row, settle, header, at);
        if (ok && settle.status === 'sent' && header) await recordSentMessageId(tx, row.workspaceId, row.messageId, header);
      });
      if (settle.status === 'queued') result[settle.countsAsAttempt ? 'retrying' : 'waiting']++;
      else result[settle.status]++;
    }
  }
  return result;
}
