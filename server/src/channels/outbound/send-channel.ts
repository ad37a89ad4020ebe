import type { ChannelApis } from '../../config.js';
import type { Db } from '../../db/types.js';
import { nextAttemptAt } from '../../email/outbound/backoff.js';
import { deliveredContent } from '../../email/outbound/render.js';
import { outboundFacts } from '../../email/outbound/thread.repo.js';
import { appendEvent } from '../../events/events.repo.js';
import type { Clock } from '../../lib/clock.js';
import type { SecretBox } from '../../lib/secret-box.js';
import { findMessage } from '../../messages/messages.repo.js';
import { translationsFor } from '../../translation/message-translations.repo.js';
import { findReview } from '../../translation/reviews.repo.js';
import {
  findChannelAccount,
  type ChannelAccountRow,
  type ChannelSecretsByKind,
  type SmsSettings,
  type WhatsAppSettings,
} from '../accounts.repo.js';
import { CHANNEL_META } from '../channel-meta.js';
import { openSecrets } from '../channel-secrets.js';
import { ChannelSendError, splitText, type HttpOptions, type SentPart } from '../providers/http.js';
import { sendTelegram, TELEGRAM_DEFAULT_URL, TELEGRAM_TEXT_MAX } from '../providers/telegram.js';
import { sendTwilio, TWILIO_BODY_MAX, TWILIO_DEFAULT_URL } from '../providers/twilio.js';
import { sendWhatsApp, WHATSAPP_DEFAULT_URL, WHATSAPP_TEXT_MAX, type WhatsAppTemplate } from '../providers/whatsapp.js';
import {
  claimDueChannelRows,
  outboxRef,
  recordChannelDelivery,
  settleChannelOutbox,
  type ChannelOutcome,
  type ChannelSettlement,
  type ClaimedChannelRow,
} from './outbox.repo.js';
import { channelHoldReason, outsideWhatsAppWindow } from './queue-channel-message.js';

export interface ChannelSenderDeps {
  db: Db;
  clock: Clock;
  box: SecretBox;
  /** The providers' base URLs (operator configuration); the providers' own when absent. */
  apis?: ChannelApis | undefined;
  /** Twilio's StatusCallback for an account (the server's public URL of its status webhook), when known. */
  statusCallback?: ((account: ChannelAccountRow) => string | undefined) | undefined;
  /** After events were written (sent, failed, held): the outbox processor's kick. */
  onCommit?: (() => void) | undefined;
  http?: HttpOptions;
}

/** A claim lasts this long: past it, a sender that died mid-send leaves the row due again. */
export const CHANNEL_LEASE_MS = 2 * 60_000;
/** Temporary failures in a row before a message is given up (besides its age: email/outbound/backoff.ts). */
export const CHANNEL_MAX_ATTEMPTS = 200;
const BATCH = 20;

export type ChannelPassResult = Record<'sent' | 'retrying' | 'failed' | 'held', number>;

const DEFAULT_APIS: ChannelApis = { whatsapp: WHATSAPP_DEFAULT_URL, telegram: TELEGRAM_DEFAULT_URL, twilio: TWILIO_DEFAULT_URL };
const errText = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 1000);

/** What goes out: the parts of a text (split to the provider's limit) or one WhatsApp template. */
type Outgoing = { kind: 'text'; parts: string[] } | { kind: 'template'; template: WhatsAppTemplate };

type Prepared = { account: ChannelAccountRow; recipient: string; outgoing: Outgoing } | { settle: ChannelOutcome };

const TEXT_MAX = { whatsapp: WHATSAPP_TEXT_MAX, telegram: TELEGRAM_TEXT_MAX, sms: TWILIO_BODY_MAX } as const;

/** Decides what a claimed row becomes before any network: held, failed, or something to send. */
async function prepare(deps: ChannelSenderDeps, row: ClaimedChannelRow, now: Date): Promise<Prepared> {
  const ws = row.workspaceId;
  const message = await findMessage(deps.db, ws, row.messageId);
  if (!message) return { settle: { status: 'failed', reason: 'missing', lastError: 'the message no longer exists' } };
  const account = row.accountId ? await findChannelAccount(deps.db, ws, row.accountId) : undefined;
  const facts = await outboundFacts(deps.db, ws, row.messageId);
  // Checked again at send time: these can change after the row was queued.
  const template = row.bodyKind === 'template';
  const reason = channelHoldReason({
    recipient: row.recipient,
    account,
    awaitingReview: (await findReview(deps.db, ws, row.messageId))?.status === 'awaiting_review',
    outsideWindow:
      row.channel === 'whatsapp' &&
      !template &&
      !!account &&
      !!row.recipient &&
      !!facts &&
      (await outsideWhatsAppWindow(deps.db, ws, facts.customerId, account.id, row.recipient, now)),
  });
  if (reason) return { settle: { status: 'held', reason, lastError: null } };
  if (template)
    return {
      account: account!,
      recipient: row.recipient!,
      outgoing: { kind: 'template', template: row.payload as unknown as WhatsAppTemplate },
    };
  const content = deliveredContent(message, (await translationsFor(deps.db, ws, [message.id])).get(message.id) ?? []);
  const parts = splitText(content.text, TEXT_MAX[row.channel]);
  return { account: account!, recipient: row.recipient!, outgoing: { kind: 'text', parts } };
}

/** One part to one provider. */
function sendPart(deps: ChannelSenderDeps, account: ChannelAccountRow, to: string, out: Outgoing, text: string): Promise<SentPart> {
  const apis = deps.apis ?? DEFAULT_APIS;
  const opts = deps.http ?? {};
  switch (account.kind) {
    case 'whatsapp': {
      const s = account.settings as WhatsAppSettings;
      const secrets = openSecrets(deps.box, account) as ChannelSecretsByKind['whatsapp'];
      const wa = { phoneNumberId: s.phoneNumberId, graphApiVersion: s.graphApiVersion, accessToken: secrets.accessToken };
      return sendWhatsApp(apis.whatsapp, wa, to, out.kind === 'template' ? out : { kind: 'text', text }, opts);
    }
    case 'telegram':
      return sendTelegram(
        apis.telegram,
        { botToken: (openSecrets(deps.box, account) as ChannelSecretsByKind['telegram']).botToken },
        to,
        text,
        opts,
      );
    default: {
      const s = account.settings as SmsSettings;
      const { authToken } = openSecrets(deps.box, account) as ChannelSecretsByKind['sms'];
      const tw = {
        accountSid: s.accountSid,
        authToken,
        fromNumber: s.fromNumber ?? undefined,
        messagingServiceSid: s.messagingServiceSid ?? undefined,
        statusCallback: deps.statusCallback?.(account),
      };
      return sendTwilio(apis.twilio, tw, to, text, opts);
    }
  }
}

/** A temporary failure: the next try after backoff (or when the provider asked), or given up when too old or tried too often. */
function retryLater(row: ClaimedChannelRow, now: Date, lastError: string, retryAfterMs?: number): ChannelOutcome {
  const backoff = row.attempts >= CHANNEL_MAX_ATTEMPTS ? null : nextAttemptAt(row.attempts, row.createdAt, now);
  if (!backoff) return { status: 'failed', reason: 'expired', lastError };
  const asked = retryAfterMs ? new Date(now.getTime() + Math.min(retryAfterMs, 3600_000)) : backoff;
  return { status: 'queued', nextAttemptAt: asked > backoff ? asked : backoff, lastError };
}

/** One attempt at one claimed row: the parts not yet accepted, in order, until one fails. Never throws. */
async function attempt(deps: ChannelSenderDeps, row: ClaimedChannelRow, now: Date): Promise<ChannelSettlement> {
  const done = { partsSent: row.partsSent, providerIds: [...row.providerMessageIds] };
  let prepared: Prepared;
  try {
    prepared = await prepare(deps, row, now);
  } catch (err) {
    return { ...done, ...retryLater(row, now, `preparing the message failed: ${errText(err)}`) };
  }
  if ('settle' in prepared) return { ...done, ...prepared.settle };
  const { account, recipient, outgoing } = prepared;
  const texts = outgoing.kind === 'template' ? [''] : outgoing.parts;
  for (let i = done.partsSent; i < texts.length; i++) {
    try {
      const sent = await sendPart(deps, account, recipient, outgoing, texts[i]!);
      done.partsSent = i + 1;
      done.providerIds.push(sent.providerMessageId);
    } catch (err) {
      if (!(err instanceof ChannelSendError)) return { ...done, ...retryLater(row, now, errText(err)) };
      if (err.kind === 'template_required')
        return {
          ...done,
          status: outgoing.kind === 'template' ? 'failed' : 'held',
          reason: outgoing.kind === 'template' ? 'rejected' : 'outside_24h_window',
          lastError: err.message,
        };
      if (err.kind === 'permanent') return { ...done, status: 'failed', reason: 'rejected', lastError: err.message };
      return { ...done, ...retryLater(row, now, err.message, err.retryAfterMs) };
    }
  }
  return { ...done, status: 'sent' };
}

/** The event agents see for an outcome (retries are quiet: the row says when the next try is). */
function outcomeEvent(row: ClaimedChannelRow, s: ChannelSettlement) {
  if (s.status === 'queued') return null;
  return {
    type: `channel_message.${s.status}`,
    subjectId: row.messageId,
    payload: {
      ...outboxRef(row),
      ...(s.status === 'held' || s.status === 'failed' ? { reason: s.reason, error: s.lastError } : {}),
      ...(s.status === 'sent' ? { providerMessageIds: s.providerIds } : {}),
    },
  };
}

/**
 * One pass of the sender: claims due rows of every workspace (SKIP LOCKED, under a lease), makes
 * each row's requests outside any transaction, then settles it (only if the claim is still ours)
 * with an event for agents. Until no due rows are left or `maxRows` were tried.
 */
export async function sendDueChannelMessages(deps: ChannelSenderDeps, opts: { maxRows?: number } = {}): Promise<ChannelPassResult> {
  const result: ChannelPassResult = { sent: 0, retrying: 0, failed: 0, held: 0 };
  const max = opts.maxRows ?? 500;
  let tried = 0;
  let events = false;
  while (tried < max) {
    const now = deps.clock();
    const rows = await deps.db.transaction((tx) =>
      claimDueChannelRows(tx, now, new Date(now.getTime() + CHANNEL_LEASE_MS), Math.min(BATCH, max - tried)),
    );
    if (rows.length === 0) break;
    tried += rows.length;
    for (const row of rows) {
      const settle = await attempt(deps, row, now);
      const at = deps.clock();
      await deps.db.transaction(async (tx) => {
        if (!(await settleChannelOutbox(tx, row.workspaceId, row, settle, at))) return;
        if (settle.status === 'sent' && settle.providerIds[0]) {
          await recordChannelDelivery(tx, row.workspaceId, row.messageId, {
            [CHANNEL_META.providerMessageId]: settle.providerIds[0],
            ...(row.accountId ? { [CHANNEL_META.accountId]: row.accountId } : {}),
            ...(row.recipient ? { [CHANNEL_META.to]: row.recipient } : {}),
          });
        }
        const ev = outcomeEvent(row, settle);
        if (ev) {
          await appendEvent(tx, row.workspaceId, ev, at);
          events = true;
        }
      });
      result[settle.status === 'queued' ? 'retrying' : settle.status]++;
    }
  }
  if (events) deps.onCommit?.();
  return result;
}
