import { createHash } from 'node:crypto';
import { loopId } from '../acks/acknowledge.js';
import { suppression } from '../acks/suppress.js';
import { isBlocked } from '../abuse/blocks.repo.js';
import { normaliseAddress } from '../abuse/sender.js';
import { createConversation } from '../conversations/create-conversation.js';
import { findCustomerIdByIdentity } from '../customers/customers.repo.js';
import type { Db, Queryable } from '../db/types.js';
import type { Clock } from '../lib/clock.js';
import { AppError } from '../lib/errors.js';
import { htmlToText, sanitizeMailHtml } from '../lib/html.js';
import { newId } from '../lib/ids.js';
import { addMessage } from '../messages/add-message.js';
import type { BlobStore } from '../storage/blob-store.js';
import { normaliseAttachmentName, normaliseContentType } from './attachment-name.js';
import { insertAttachments, type AttachmentRow } from './attachments.repo.js';
import { clip, clipReferences, MAIL_META } from './channel-meta.js';
import { failedRecipients } from './dsn.js';
import type { InboundEnvelope, IngestOutcome, MailIngest, MailReprocess } from './ingest.types.js';
import {
  claimLedger,
  findAddress,
  findQuarantine,
  insertQuarantine,
  listAddresses,
  markFailing,
  recentMailCounts,
  releaseQuarantine,
  settleLedger,
  type LedgerRow,
} from './mail.repo.js';
import { parseMail, type InboundMail, type ParseResult } from './parse-mail.js';
import { findThread } from './thread-mail.js';
import type { ThreadTokens } from './thread-token.js';

export interface MailIngestDeps {
  db: Db;
  clock: Clock;
  blobs: BlobStore;
  tokens: ThreadTokens;
  /** After a transaction that wrote events commits (outbox kick). */
  onCommit: () => void;
}

/** Caps over the last hour: beyond them mail is quarantined (kept, reprocessable), not threaded or answered. */
export const MAIL_CAPS = { perSenderPerHour: 30, perConversationPerHour: 100 };

type Decision = Exclude<IngestOutcome, { kind: 'quarantined' }> | { kind: 'quarantine'; reason: string; detail: string };

interface StoredAttachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  blobKey: string;
  contentId: string | null;
  inline: boolean;
}

/** The plain mailbox of an address: lower case, `+tag` dropped. */
export function plainAddress(address: string): string {
  const a = address.trim().toLowerCase().replace(/^<|>$/g, '');
  const at = a.lastIndexOf('@');
  if (at <= 0) return a;
  return `${a.slice(0, at).split('+')[0]}@${a.slice(at + 1)}`;
}

export function createMailIngest(deps: MailIngestDeps): MailIngest & MailReprocess {
  const { db, clock, blobs } = deps;

  async function storeAttachments(workspaceId: string, parsed: ParseResult): Promise<StoredAttachment[]> {
    if (!parsed.ok || parsed.mail.dsn) return [];
    const out: StoredAttachment[] = [];
    for (const a of parsed.mail.attachments) {
      const contentType = normaliseContentType(a.contentType);
      const put = await blobs.put(workspaceId, a.content);
      out.push({
        id: newId(),
        name: normaliseAttachmentName(a.name, contentType),
        contentType,
        size: put.size,
        sha256: put.sha256,
        blobKey: put.key,
        contentId: a.contentId ? a.contentId.slice(0, 250) : null,
        inline: a.inline,
      });
    }
    return out;
  }

  async function decide(
    tx: Queryable,
    workspaceId: string,
    parsed: ParseResult,
    envelope: InboundEnvelope,
    stored: StoredAttachment[],
    at: Date,
    opts: { caps: boolean },
  ): Promise<Decision> {
    if (!parsed.ok) return { kind: 'quarantine', reason: parsed.reason, detail: parsed.detail };
    const mail = parsed.mail;
    if (mail.dsn) {
      const failed = failedRecipients(mail.dsn);
      for (const f of failed) await markFailing(tx, workspaceId, f, at);
      if (failed.length) return { kind: 'bounce', workspaceId, failedAddresses: failed.map((f) => f.address) };
      return { kind: 'suppressed', workspaceId, conversationId: null, reason: 'delivery_report' };
    }
    const sender = mail.from?.address ?? (envelope.mailFrom ? plainAddress(envelope.mailFrom) : null);
    if (!sender) return { kind: 'quarantine', reason: 'no_sender', detail: 'neither From nor the envelope names a sender' };
    if (await isBlocked(tx, workspaceId, 'email', sender))
      return { kind: 'blocked', workspaceId, sender: normaliseAddress('email', sender) };
    const mailboxes = (await listAddresses(tx, workspaceId)).map((a) => a.address);
    if (mailboxes.includes(plainAddress(sender))) {
      return { kind: 'quarantine', reason: 'loop', detail: `mail from this workspace's own address ${sender}` };
    }
    const meta: Record<string, string> = { ...mail.headers, from: sender };
    if (envelope.mailFrom === null) meta['return-path'] = '<>';
    // X-Loop on what we send names a mailbox (outbound mail) or the workspace's loop id (acknowledgements).
    const auto = suppression(meta, { selfIds: [...mailboxes, loopId(workspaceId)] });
    if (auto?.reason === 'loop') return { kind: 'quarantine', reason: 'loop', detail: auto.detail };

    const customerId = (await findCustomerIdByIdentity(tx, workspaceId, 'email', sender)) ?? null;
    const thread = await findThread(tx, workspaceId, deps.tokens, mail, envelope.rcptTo, customerId);
    if (opts.caps) {
      const counts = await recentMailCounts(tx, workspaceId, sender, thread?.conversation.id ?? null, new Date(at.getTime() - 3600_000));
      // bySender includes this message (its ledger row is claimed, with the sender, before deciding);
      // byConversation does not (the row gets its conversation when settled).
      if (counts.bySender > MAIL_CAPS.perSenderPerHour) {
        return {
          kind: 'quarantine',
          reason: 'sender_flood',
          detail: `more than ${MAIL_CAPS.perSenderPerHour} messages from ${sender} in an hour`,
        };
      }
      if (thread && counts.byConversation >= MAIL_CAPS.perConversationPerHour) {
        return {
          kind: 'quarantine',
          reason: 'conversation_flood',
          detail: `more than ${MAIL_CAPS.perConversationPerHour} messages in an hour`,
        };
      }
    }

    // An empty text/plain beside real HTML (some clients send that) reads as the HTML's text.
    const htmlText = mail.html ? htmlToText(mail.html) : '';
    const text = mail.text.trim() ? mail.text : htmlText.trim() ? htmlText : stored.length ? '' : mail.subject;
    if (!text.trim() && !stored.length) return { kind: 'quarantine', reason: 'empty', detail: 'no text, subject or attachment' };
    const message = {
      direction: 'inbound' as const,
      ...(text.trim() ? { text } : {}),
      ...(mail.html ? { html: sanitizeMailHtml(mail.html) } : {}),
      attachments: stored.map((a) => ({ name: a.name, contentType: a.contentType, size: a.size, url: `/api/v1/attachments/${a.id}` })),
      channelMeta: channelMeta(mail, sender, envelope, mailboxes),
    };
    let conversationId: string;
    let messageId: string;
    if (thread) {
      const r = await addMessage(tx, workspaceId, { agentId: null }, thread.conversation, message, at, { automated: auto !== null });
      conversationId = thread.conversation.id;
      messageId = r.message.id;
    } else {
      const created = await createConversation(
        tx,
        workspaceId,
        { agentId: null },
        { actorType: 'system', actorId: null },
        {
          customer: { email: sender, ...(mail.from?.name ? { name: mail.from.name } : {}) },
          channel: 'email',
          ...(mail.subject ? { subject: mail.subject.slice(0, 500) } : {}),
          message,
        },
        at,
      );
      conversationId = created.id;
      messageId = created.messages[0]!.id;
    }
    await insertAttachments(
      tx,
      workspaceId,
      stored.map((a): AttachmentRow => ({ ...a, conversationId, messageId, createdAt: at })),
    );
    if (auto) return { kind: 'suppressed', workspaceId, conversationId, reason: auto.reason };
    return { kind: thread ? 'continued' : 'created', workspaceId, conversationId, messageId };
  }

  /**
   * decide() in a savepoint: what our own validation refuses (a customer address or text the
   * conversation model will not take) quarantines the mail instead of failing the delivery, which
   * would only make the sender retry the same bytes forever.
   */
  async function decideSafely(
    tx: Queryable,
    ...args: Parameters<typeof decide> extends [Queryable, ...infer R] ? R : never
  ): Promise<Decision> {
    await tx.query('SAVEPOINT mail_ingest');
    try {
      const d = await decide(tx, ...args);
      await tx.query('RELEASE SAVEPOINT mail_ingest');
      return d;
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      await tx.query('ROLLBACK TO SAVEPOINT mail_ingest');
      return { kind: 'quarantine', reason: 'rejected', detail: `${err.code}: ${err.message}`.slice(0, 500) };
    }
  }

  /** Writes what the decision means for the ledger row (and the quarantine row, when new). */
  async function settle(
    tx: Queryable,
    workspaceId: string,
    ledger: LedgerRow,
    d: Decision,
    parsed: ParseResult,
    at: Date,
    quarantine: boolean,
  ) {
    if (d.kind === 'quarantine') {
      await settleLedger(tx, workspaceId, ledger.id, { outcome: 'quarantined', reason: d.reason, conversationId: null, messageId: null });
      const id = newId();
      if (quarantine) {
        const mail = parsed.ok ? parsed.mail : null;
        await insertQuarantine(tx, workspaceId, {
          id,
          mailMessageId: ledger.id,
          reason: d.reason,
          detail: d.detail,
          subject: mail?.subject ?? null,
          sender: ledger.sender,
          createdAt: at,
        });
      }
      return { kind: 'quarantined' as const, workspaceId, quarantineId: id, reason: d.reason };
    }
    const conversationId = 'conversationId' in d ? d.conversationId : null;
    await settleLedger(tx, workspaceId, ledger.id, {
      outcome: d.kind,
      reason: d.kind === 'suppressed' ? d.reason : null,
      conversationId,
      messageId: d.kind === 'created' || d.kind === 'continued' ? d.messageId : null,
    });
    return d;
  }

  return {
    async resolveRecipient(address) {
      const row = await findAddress(db, plainAddress(address));
      return row ? { workspaceId: row.workspaceId } : null;
    },

    async ingest(raw, envelope) {
      const { workspaceId } = envelope;
      const parsed = await parseMail(raw);
      const sender = parsed.ok && parsed.mail.from ? parsed.mail.from.address : envelope.mailFrom ? plainAddress(envelope.mailFrom) : null;
      // The same message delivered again (SMTP retry after a lost 250, an IMAP refetch) has the same id
      // from the same sender; mail without an id is recognised by its bytes.
      const dedupeKey =
        parsed.ok && parsed.mail.messageId
          ? `mid:${parsed.mail.messageId}|${sender ?? ''}`
          : `sha256:${createHash('sha256').update(raw).digest('hex')}`;
      // Bytes reach the disk before the rows that name them commit.
      const rawBlob = await blobs.put(workspaceId, raw);
      const stored = await storeAttachments(workspaceId, parsed).catch(async (err: unknown) => {
        await blobs.delete(rawBlob.key);
        throw err;
      });
      const unused = (keep: boolean) => [...(keep ? [] : [rawBlob.key]), ...stored.map((a) => a.blobKey)];
      const at = clock();
      const ledger: LedgerRow = {
        id: newId(),
        dedupeKey,
        messageIdHeader: parsed.ok ? parsed.mail.messageId : null,
        sender,
        receivedVia: envelope.receivedVia,
        mailFrom: envelope.mailFrom,
        rcptTo: envelope.rcptTo.map((r) => r.toLowerCase()).slice(0, 100),
        rawKey: rawBlob.key,
        size: raw.length,
        createdAt: at,
      };
      let outcome: IngestOutcome;
      try {
        outcome = await db.transaction(async (tx) => {
          const claim = await claimLedger(tx, workspaceId, ledger);
          if (!claim.claimed) return { kind: 'duplicate' as const, workspaceId, conversationId: claim.conversationId };
          const d = await decideSafely(tx, workspaceId, parsed, envelope, stored, at, { caps: true });
          return settle(tx, workspaceId, ledger, d, parsed, at, true);
        });
      } catch (err) {
        await Promise.all(unused(false).map((k) => blobs.delete(k)));
        throw err;
      }
      if (outcome.kind === 'duplicate') await Promise.all(unused(false).map((k) => blobs.delete(k)));
      else if (outcome.kind === 'quarantined' || outcome.kind === 'bounce' || outcome.kind === 'blocked')
        await Promise.all(unused(true).map((k) => blobs.delete(k)));
      deps.onCommit();
      return outcome;
    },

    async reprocess(workspaceId, quarantineId) {
      const found = await findQuarantine(db, workspaceId, quarantineId);
      if (!found) throw new AppError('not_found', 'quarantined message not found');
      if (found.releasedAt) throw new AppError('conflict', 'this message was already reprocessed');
      const raw = await blobs.get(found.ledger.rawKey);
      const parsed = await parseMail(raw);
      const stored = await storeAttachments(workspaceId, parsed);
      const at = clock();
      const envelope: InboundEnvelope = {
        mailFrom: found.ledger.mailFrom,
        rcptTo: found.ledger.rcptTo,
        receivedVia: found.ledger.receivedVia,
      };
      let outcome: IngestOutcome;
      try {
        outcome = await db.transaction(async (tx) => {
          const q = await findQuarantine(tx, workspaceId, quarantineId, true);
          if (!q || q.releasedAt) throw new AppError('conflict', 'this message was already reprocessed');
          // An admin asked for it: the flood caps that held it back do not apply again.
          const d = await decideSafely(tx, workspaceId, parsed, envelope, stored, at, { caps: false });
          const result = await settle(tx, workspaceId, found.ledger, d, parsed, at, false);
          if (result.kind === 'quarantined') return { ...result, quarantineId };
          await releaseQuarantine(tx, workspaceId, quarantineId, result.kind, at);
          return result;
        });
      } catch (err) {
        await Promise.all(stored.map((a) => blobs.delete(a.blobKey)));
        throw err;
      }
      if (outcome.kind === 'quarantined') await Promise.all(stored.map((a) => blobs.delete(a.blobKey)));
      deps.onCommit();
      return outcome;
    },
  };
}

function channelMeta(mail: InboundMail, sender: string, envelope: InboundEnvelope, mailboxes: string[]): Record<string, string> {
  const meta: Record<string, string> = {};
  const set = (k: string, v: string | null | undefined) => {
    if (v) meta[k] = clip(v);
  };
  set(MAIL_META.messageId, mail.messageId);
  set(MAIL_META.inReplyTo, mail.inReplyTo.join(' '));
  set(MAIL_META.references, clipReferences(mail.references));
  set(MAIL_META.from, sender);
  set(MAIL_META.fromName, mail.from?.name);
  set(MAIL_META.mailbox, envelope.rcptTo.map(plainAddress).find((r) => mailboxes.includes(r)) ?? envelope.rcptTo[0]);
  set(MAIL_META.subject, mail.subject);
  set(MAIL_META.receivedVia, envelope.receivedVia);
  set(MAIL_META.flags, mail.flags.join(','));
  set(MAIL_META.quoted, mail.quoted);
  set(MAIL_META.signature, mail.signature);
  for (const [k, v] of Object.entries(mail.headers)) set(k, v);
  // The null sender lives in the envelope, not the headers: recorded so the acknowledgement, which
  // reads only the stored message, does not answer a bounce or an autoresponder.
  if (envelope.mailFrom === null) meta['return-path'] = '<>';
  return meta;
}
