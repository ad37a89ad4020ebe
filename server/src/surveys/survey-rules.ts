import { DAY_MS, localToUtc, MINUTE_MS, offsetAt } from '../calendars/zone.js';
import { addressOf, suppression } from '../acks/suppress.js';

/**
 * When a survey may go out and to whom: pure, clock-free. The decision (decide-survey.ts) and the
 * send-time re-check (send-survey.ts) both ask `surveyDecision`, so the rules live in one place.
 */

/** Why no survey was sent, as stored in `surveys.suppressed` and shown to the console (stable strings). */
export const SURVEY_SUPPRESS_REASONS = [
  'disabled',
  'channel_not_surveyed',
  'spam',
  'no_customer_message',
  'automated_sender',
  'no_address',
  'throttled',
] as const;
export type SurveySuppressReason = (typeof SURVEY_SUPPRESS_REASONS)[number];

/** The tag abuse/mark-spam.ts puts on a spam conversation. */
const SPAM = 'spam';

/**
 * The instant `at` moved out of the customer's quiet hours: unchanged when their local hour is
 * outside [quietStart, quietEnd), else the next local quietEnd:00. quietStart > quietEnd spans
 * midnight (20 → 9: 20:00–08:59 is quiet); equal hours mean no quiet hours. Local times go through
 * calendars/zone.ts, so DST days are right (a quiet end inside a spring-forward gap maps to the
 * transition itself).
 */
export function outOfQuietHours(at: Date, timeZone: string, quietStart: number, quietEnd: number): Date {
  if (quietStart === quietEnd) return at;
  const t = at.getTime();
  const local = t + offsetAt(timeZone, t);
  const day = Math.floor(local / DAY_MS);
  const minute = (local - day * DAY_MS) / MINUTE_MS;
  const start = quietStart * 60;
  const end = quietEnd * 60;
  const wraps = start > end;
  const quiet = wraps ? minute >= start || minute < end : minute >= start && minute < end;
  if (!quiet) return at;
  // Before midnight in a window spanning it, the quiet hours end tomorrow.
  const endDay = wraps && minute >= start ? day + 1 : day;
  return new Date(localToUtc(timeZone, endDay * DAY_MS + end * MINUTE_MS));
}

/** When a survey for a conversation solved at `solvedAt` is due: after the delay, out of quiet hours. */
export function surveyDueAt(solvedAt: Date, s: { delayMinutes: number; quietStart: number; quietEnd: number }, timeZone: string): Date {
  return outOfQuietHours(new Date(solvedAt.getTime() + s.delayMinutes * MINUTE_MS), timeZone, s.quietStart, s.quietEnd);
}

/**
 * Whether a survey at `at` would come too soon after the customer's last one: within `throttleDays`
 * (exactly `throttleDays` later is allowed again; 0 never throttles).
 */
export function throttled(lastSentAt: Date | null, at: Date, throttleDays: number): boolean {
  if (!lastSentAt || throttleDays <= 0) return false;
  return at.getTime() - lastSentAt.getTime() < throttleDays * DAY_MS;
}

/**
 * Where a survey on this channel would be delivered, as the delivery paths decide it: e-mail to the
 * address of the customer's latest mail (else their first e-mail identity), WhatsApp / Telegram /
 * SMS to the sender of their latest message, chat to the widget visitor of the conversation. Phone
 * and API conversations have nothing to deliver to. Null when there is no address.
 */
export function deliveryAddress(
  channel: string,
  f: { inboundMeta: Readonly<Record<string, string>> | null; customerEmail: string | null; widgetVisitor: boolean },
): string | null {
  const from = f.inboundMeta?.from ? addressOf(f.inboundMeta.from) : '';
  switch (channel) {
    case 'email':
      return from || (f.customerEmail ? addressOf(f.customerEmail) : '') || null;
    case 'whatsapp':
    case 'telegram':
    case 'sms':
      return from || null;
    case 'chat':
      return f.widgetVisitor ? 'widget' : null;
    default:
      return null;
  }
}

export interface SurveyRuleInput {
  settings: { enabled: boolean; channels: readonly string[]; throttleDays: number };
  channel: string;
  tags: readonly string[];
  /** The channel metadata of the customer's latest inbound message; null when they never wrote. */
  inboundMeta: Readonly<Record<string, string>> | null;
  customerEmail: string | null;
  widgetVisitor: boolean;
  /** When the customer was last sent a survey (another conversation), if ever. */
  lastSentAt: Date | null;
  /** When this survey would go out (the throttle is measured from it). */
  at: Date;
  /** X-Loop values that mean the mail went through us (acknowledge.ts loopId). */
  selfIds: readonly string[];
}

export type SurveyRuleOutcome = { ok: true; address: string } | { ok: false; reason: SurveySuppressReason; detail: string | null };

/**
 * Whether a survey may go out, first rule that applies wins: surveys off, a channel not surveyed,
 * spam, a customer who never wrote, an automated sender (RFC 3834 headers or an automated address
 * on their latest message: acks/suppress.ts), nothing to deliver to, a survey sent to the customer
 * within the throttle period.
 */
export function surveyDecision(i: SurveyRuleInput): SurveyRuleOutcome {
  const no = (reason: SurveySuppressReason, detail: string | null = null): SurveyRuleOutcome => ({ ok: false, reason, detail });
  if (!i.settings.enabled) return no('disabled');
  if (!i.settings.channels.includes(i.channel)) return no('channel_not_surveyed', i.channel);
  if (i.tags.includes(SPAM)) return no('spam');
  if (!i.inboundMeta) return no('no_customer_message');
  const automated = suppression(i.inboundMeta, { sender: i.customerEmail, selfIds: i.selfIds });
  if (automated) return no('automated_sender', `${automated.reason}: ${automated.detail}`);
  const address = deliveryAddress(i.channel, i);
  if (!address) return no('no_address', i.channel);
  if (throttled(i.lastSentAt, i.at, i.settings.throttleDays)) return no('throttled', `last sent ${i.lastSentAt!.toISOString()}`);
  return { ok: true, address };
}
