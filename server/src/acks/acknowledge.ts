import { compiledCalendars } from '../calendars/compiled-cache.js';
import type { Queryable } from '../db/types.js';
import { recordChange } from '../events/events.repo.js';
import { newId } from '../lib/ids.js';
import { primaryLanguage } from '../lib/language-tag.js';
import { addSystemMessage } from '../messages/system-message.js';
import { ackFacts, claimAck, findAckSettings, lastSentTo, lockRecipient, type AckLogRow } from './acks.repo.js';
import { composeAck } from './compose.js';
import { rateLimit, senderKey } from './rate-limit.js';
import { ackFormality, ackLocale, customerZone } from './recipient.js';
import { headerReader, suppression } from './suppress.js';
import { teamEta } from './team-eta.js';

/** The value channels put into X-Loop on what we send, and look for on what arrives. */
export const loopId = (workspaceId: string): string => `meridian-${workspaceId}`;

/** Marks on the stored acknowledgement for the channel that delivers it (Auto-Submitted: auto-replied, X-Loop). */
export const ackChannelMeta = (workspaceId: string): Record<string, string> => ({
  autoSubmitted: 'auto-replied',
  xLoop: loopId(workspaceId),
});

/** Compiled team calendars: the process-wide cache routing and the calendar routes use too. */
const ackCalendars = compiledCalendars;

export type AckOutcome =
  | { kind: 'sent'; messageId: string; promisedAt: Date; text: string }
  | { kind: 'suppressed'; reason: string }
  | { kind: 'skipped'; why: 'missing' | 'not_inbound' | 'closed' | 'disabled' | 'decided' };

/**
 * Acknowledges a new customer conversation once, in the caller's transaction: decides whether it
 * may (settings, RFC 3834 headers, the per-sender window, not answered already), promises a reply
 * time from the team calendar and queue, and stores the text as an outbound system message with
 * `conversation.acknowledged`. Every decision about an inbound conversation is logged, sent or
 * suppressed with the reason; a conversation already decided is left alone.
 */
export async function acknowledgeConversation(tx: Queryable, workspaceId: string, conversationId: string, now: Date): Promise<AckOutcome> {
  const facts = await ackFacts(tx, workspaceId, conversationId);
  if (!facts) return { kind: 'skipped', why: 'missing' };
  if (facts.logged) return { kind: 'skipped', why: 'decided' };
  if (facts.firstDirection !== 'inbound') return { kind: 'skipped', why: 'not_inbound' };
  // Imported history may arrive solved or closed.
  if (facts.status === 'solved' || facts.status === 'closed') return { kind: 'skipped', why: 'closed' };
  const settings = await findAckSettings(tx, workspaceId);
  if (!settings.enabled) return { kind: 'skipped', why: 'disabled' };

  const recipient = senderKey(headerReader(facts.channelMeta)('from'), { id: facts.customerId, emails: facts.customer.emails });
  const log: AckLogRow = {
    conversationId,
    recipient,
    decidedAt: now,
    sentAt: null,
    promisedAt: null,
    language: null,
    text: null,
    messageId: null,
    suppressed: null,
    detail: null,
    basis: {},
  };
  const suppress = async (reason: string, detail: string | null): Promise<AckOutcome> => {
    await claimAck(tx, workspaceId, { ...log, suppressed: reason, detail });
    return { kind: 'suppressed', reason };
  };

  const rfc = suppression(facts.channelMeta, { sender: facts.customer.emails[0] ?? null, selfIds: [loopId(workspaceId)] });
  if (rfc) return suppress(rfc.reason, rfc.detail);
  await lockRecipient(tx, workspaceId, recipient);
  const window = rateLimit(await lastSentTo(tx, workspaceId, recipient), now, settings.windowMinutes);
  if (!window.allowed) {
    return suppress('rate_limited', `last sent ${window.lastSentAt.toISOString()}, next from ${window.nextAllowedAt.toISOString()}`);
  }
  if (facts.answered) return suppress('already_answered', null);

  const calendar = facts.calendar ? ackCalendars.get(facts.calendar, now, [now]) : null;
  const locale = ackLocale(facts.language, facts.customer);
  const timeZone = customerZone(facts.customer, now);
  const {
    eta,
    samples,
    queueAhead: queue,
    agents,
    readers,
  } = await teamEta(tx, workspaceId, {
    teamId: facts.teamId,
    calendar,
    language: locale ? primaryLanguage(locale) : null,
    now,
    createdAt: facts.createdAt,
    timeZone,
  });
  if (!eta) return suppress('no_opening', 'the team calendar has no open time within three years');
  const formality = ackFormality(locale, facts.customer);
  const ack = composeAck({ now, due: eta.due, locale, formality, timeZone, fallbackZone: calendar?.timeZone ?? 'UTC' });

  const messageId = newId();
  const claimed = await claimAck(tx, workspaceId, {
    ...log,
    sentAt: now,
    promisedAt: eta.due,
    language: ack.language,
    text: ack.text,
    messageId,
    basis: {
      teamId: facts.teamId,
      calendarId: facts.calendar?.id ?? null,
      medianMinutes: eta.medianMinutes,
      gapMinutes: eta.gapMinutes,
      medianDefaulted: eta.medianDefaulted,
      samples,
      queueAhead: queue,
      agents,
      readers,
      budgetMinutes: eta.budgetMinutes,
      opensAt: eta.opensAt.toISOString(),
      locale,
      formatLocale: ack.formatLocale,
      formality,
      timeZone: ack.timeZone,
      zoneKnown: ack.zoneKnown,
    },
  });
  if (!claimed) return { kind: 'skipped', why: 'decided' };
  await addSystemMessage(
    tx,
    workspaceId,
    { id: messageId, conversationId, text: ack.text, language: ack.language, channelMeta: ackChannelMeta(workspaceId) },
    now,
  );
  await recordChange(
    tx,
    workspaceId,
    {
      type: 'conversation.acknowledged',
      subjectId: conversationId,
      payload: { conversationId, messageId, promisedAt: eta.due.toISOString(), language: ack.language },
    },
    { actorType: 'system', actorId: null, action: 'conversation.acknowledge', targetType: 'conversation', targetId: conversationId },
    now,
  );
  return { kind: 'sent', messageId, promisedAt: eta.due, text: ack.text };
}
