/**
 * Whether an inbound message must not get an automatic reply (RFC 3834 and the conventions mail
 * systems follow), from the channel metadata of the conversation's first message: pure.
 *
 * Channels put the headers they received into `channelMeta`, keyed by header name; the key is
 * matched without regard to case, hyphens or underscores (`auto-submitted`, `Auto-Submitted` and
 * `autoSubmitted` are the same key). Keys read, first rule that applies wins:
 *
 *   auto-submitted              any value but "no" → auto_submitted (RFC 3834 §5)
 *   x-autoreply, x-autorespond  present → auto_submitted (older autoresponders)
 *   precedence                  bulk | junk | list → precedence
 *   x-auto-response-suppress    All | AutoReply | OOF among its values → auto_response_suppressed
 *   list-id, list-unsubscribe,
 *   list-post                   present → mailing_list (RFC 2919, RFC 2369)
 *   x-loop                      names one of `selfIds` → loop
 *   return-path                 <> (a bounce or other null-sender mail) → null_sender
 *   from (else the sender the
 *   caller knows)               MAILER-DAEMON, postmaster, no-reply, do-not-reply, bounce, owner-…, …-request → automated_sender
 */
export type SuppressReason =
  'auto_submitted' | 'precedence' | 'auto_response_suppressed' | 'mailing_list' | 'loop' | 'null_sender' | 'automated_sender';

export interface Suppression {
  reason: SuppressReason;
  /** The header and value that decided it, e.g. "auto-submitted: auto-replied". */
  detail: string;
}

/** The channel metadata keys this module reads, as documented above. */
export const SUPPRESSION_KEYS = [
  'auto-submitted',
  'x-autoreply',
  'x-autorespond',
  'precedence',
  'x-auto-response-suppress',
  'list-id',
  'list-unsubscribe',
  'list-post',
  'x-loop',
  'return-path',
  'from',
] as const;

const normKey = (k: string): string => k.toLowerCase().replace(/[-_.]/g, '');

/** Header lookup over channel metadata, insensitive to case, hyphens and underscores. */
export function headerReader(meta: Readonly<Record<string, string>> | null | undefined): (name: string) => string | undefined {
  const byKey = new Map<string, string>();
  for (const [k, v] of Object.entries(meta ?? {})) if (typeof v === 'string') byKey.set(normKey(k), v.trim());
  return (name) => byKey.get(normKey(name));
}

/** The bare address of a From / Return-Path value ("Ana <ana@x.com>" → ana@x.com), lower-cased; '' for <>. */
export function addressOf(value: string): string {
  const angle = /<([^>]*)>/.exec(value);
  return (angle ? angle[1]! : value).trim().toLowerCase();
}

// postmaster too: what sends bounces and MTA notices, and what vacation(1) has always ignored.
const AUTOMATED_LOCAL =
  /^(mailer-daemon|mail-daemon|postmaster|no-?reply|no_reply|do-?not-?reply|do_not_reply|bounces?|owner-.+|.+-request)$/;
const AUTOMATED_PREFIX = /^(no-?reply|no_reply|do-?not-?reply|bounces?)[-+._]/;

/** Whether an address belongs to software, not a person (RFC 3834 §2 lists some of these). */
export function isAutomatedAddress(address: string): boolean {
  const local = address.split('@')[0]!.split('+')[0]!;
  return AUTOMATED_LOCAL.test(local) || AUTOMATED_PREFIX.test(local);
}

/**
 * Why no acknowledgement may be sent for this message, or null when one may.
 * `selfIds`: addresses or names X-Loop carries when the mail went through us before.
 */
export function suppression(
  meta: Readonly<Record<string, string>> | null | undefined,
  opts: { sender?: string | null; selfIds?: readonly string[] } = {},
): Suppression | null {
  const get = headerReader(meta);
  const found = (reason: SuppressReason, header: string, value: string): Suppression => ({ reason, detail: `${header}: ${value}` });

  const autoSubmitted = get('auto-submitted');
  if (autoSubmitted !== undefined && autoSubmitted.split(';')[0]!.trim().toLowerCase() !== 'no') {
    return found('auto_submitted', 'auto-submitted', autoSubmitted);
  }
  for (const h of ['x-autoreply', 'x-autorespond']) {
    const v = get(h);
    if (v !== undefined) return found('auto_submitted', h, v);
  }
  const precedence = get('precedence');
  if (precedence && ['bulk', 'junk', 'list'].includes(precedence.toLowerCase())) return found('precedence', 'precedence', precedence);
  const suppress = get('x-auto-response-suppress');
  if (suppress) {
    const values = suppress.split(/[,\s]+/).map((v) => v.toLowerCase());
    if (values.some((v) => v === 'all' || v === 'autoreply' || v === 'oof')) {
      return found('auto_response_suppressed', 'x-auto-response-suppress', suppress);
    }
  }
  for (const h of ['list-id', 'list-unsubscribe', 'list-post']) {
    const v = get(h);
    if (v !== undefined) return found('mailing_list', h, v);
  }
  const loop = get('x-loop');
  if (loop) {
    const l = loop.toLowerCase();
    if ((opts.selfIds ?? []).some((id) => id && l.includes(id.toLowerCase()))) return found('loop', 'x-loop', loop);
  }
  const returnPath = get('return-path');
  if (returnPath !== undefined && addressOf(returnPath) === '') return found('null_sender', 'return-path', returnPath);
  const from = get('from');
  const sender = from !== undefined ? addressOf(from) : opts.sender ? addressOf(opts.sender) : null;
  if (sender !== null && (sender === '' || isAutomatedAddress(sender))) {
    return found(sender === '' ? 'null_sender' : 'automated_sender', from !== undefined ? 'from' : 'sender', from ?? opts.sender ?? '');
  }
  return null;
}
