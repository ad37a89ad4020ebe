/**
 * What an e-mail message keeps in `messages.channel_meta` (flat strings, ≤ 2000 characters each), so
 * outbound mail can thread and the console can show the envelope. Inbound messages set every key
 * they have; outbound messages record the Message-ID they went out with once sent.
 */
export const MAIL_META = {
  /** The Message-ID header, with angle brackets. */
  messageId: 'messageId',
  /** In-Reply-To, as received. */
  inReplyTo: 'inReplyTo',
  /** References, space-separated, the newest kept when the header is longer than the value limit. */
  references: 'references',
  /** The sender's bare address, lower-cased. */
  from: 'from',
  /** The sender's display name, when given. */
  fromName: 'fromName',
  /** The workspace mailbox the message was addressed to (plain address, no +tag). */
  mailbox: 'mailbox',
  /** The Subject header, decoded. */
  subject: 'subject',
  /** Content-Language, when given (a detection hint; language/inbound.ts reads it). */
  contentLanguage: 'content-language',
  /** "smtp" or "imap". */
  receivedVia: 'receivedVia',
  /** Comma-separated flags: undecodable (bytes kept raw), raw_body (MIME structure unusable, body kept as it came), quoted (history split off), signature. */
  flags: 'mailFlags',
  /** The new text's quoted history, split off (shown collapsed). */
  quoted: 'quoted',
  /** The signature block, split off. */
  signature: 'signature',
} as const;

const LIMIT = 2000;

/** A value cut to the channel-meta limit. */
export const clip = (v: string): string => (v.length > LIMIT ? v.slice(0, LIMIT) : v);

/** References cut to the limit keeping the newest ids (the end of the header), whole ids only. */
export function clipReferences(ids: readonly string[]): string {
  const kept: string[] = [];
  let len = 0;
  for (let i = ids.length - 1; i >= 0; i--) {
    const id = ids[i]!;
    if (len + id.length + 1 > LIMIT) break;
    kept.unshift(id);
    len += id.length + 1;
  }
  return kept.join(' ');
}
