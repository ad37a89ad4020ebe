/**
 * When the sender tries again after a temporary failure: 30 s after the first attempt, doubling
 * each time (1 min, 2 min, 4 min …) up to 30 min between attempts; a message still undelivered two
 * days after it was queued is given up (RFC 5321 §4.5.4.1 suggests at least 4–5 days for a relay; we
 * hand mail to the workspace's relay, which keeps retrying delivery itself). Pure.
 */
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 30 * 60_000;
export const GIVE_UP_MS = 2 * 24 * 3600_000;

/** The next attempt after `attempts` failed ones, or null when the message has waited long enough. */
export function nextAttemptAt(attempts: number, queuedAt: Date, now: Date): Date | null {
  const delay = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, Math.min(attempts - 1, 20)), MAX_RETRY_MS);
  const next = new Date(now.getTime() + delay);
  return next.getTime() - queuedAt.getTime() > GIVE_UP_MS ? null : next;
}

/** How long to wait before looking again when nothing could be tried (no relay, no sender address). */
export const NOT_CONFIGURED_RECHECK_MS = 60_000;

export type FailureKind = 'temporary' | 'permanent';

/**
 * A 5xx reply to the message or its recipient is final (the relay will not take it however often
 * we ask); connection trouble, timeouts, 4xx and authentication failures (the workspace's settings
 * are wrong, not the message) are temporary.
 */
export function classifyFailure(err: { responseCode?: number | undefined; code?: string | undefined }): FailureKind {
  const code = err.responseCode;
  if (code === undefined || code < 500 || code > 599) return 'temporary';
  if (err.code === 'EAUTH' || code === 530 || code === 534 || code === 535 || code === 538) return 'temporary';
  return 'permanent';
}
