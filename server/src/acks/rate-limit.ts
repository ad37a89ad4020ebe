import { MINUTE_MS } from '../calendars/zone.js';
import { addressOf } from './suppress.js';

/**
 * At most one acknowledgement per sender per window (default 1 per 4 hours): a customer who writes
 * five times in an hour, or a misconfigured system that slipped past the RFC 3834 checks, gets one
 * answer, not a loop. Pure: the caller passes the last time an acknowledgement was sent to the
 * sender (suppressed ones do not count) and now.
 */
export const DEFAULT_WINDOW_MINUTES = 240;

export type RateDecision = { allowed: true } | { allowed: false; lastSentAt: Date; nextAllowedAt: Date };

/** Whether an acknowledgement may go to a sender last acknowledged at `lastSentAt`. A window of 0 means no limit. */
export function rateLimit(lastSentAt: Date | null, now: Date, windowMinutes: number): RateDecision {
  if (!lastSentAt || windowMinutes <= 0) return { allowed: true };
  const nextAllowedAt = new Date(lastSentAt.getTime() + windowMinutes * MINUTE_MS);
  return now.getTime() >= nextAllowedAt.getTime() ? { allowed: true } : { allowed: false, lastSentAt, nextAllowedAt };
}

/**
 * The key a sender is rate-limited by: the address the message came from (the `from` channel
 * header), else the customer's first e-mail address, else the customer itself.
 */
export function senderKey(from: string | undefined, customer: { id: string; emails: readonly string[] }): string {
  const address = from ? addressOf(from) : '';
  if (address) return address;
  const email = customer.emails[0];
  return email ? email.toLowerCase() : `customer:${customer.id}`;
}
