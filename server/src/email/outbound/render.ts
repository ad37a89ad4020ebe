import type Mail from 'nodemailer/lib/mailer/index.js';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { MessageTranslation } from '../../translation/message-translations.repo.js';
import { cleanLanguage, directionOf, escapeHtml, oneLine, textToHtml } from './headers.js';

/** Everything one outbound e-mail says, decided before rendering (pure input). */
export interface OutboundMail {
  from: { name: string | null; address: string };
  to: string;
  /** The customer's name, shown with the address. */
  toName?: string | null;
  subject: string;
  /** `<…@domain>`: ThreadTokens.messageId for the message. */
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  /** The conversation's signed reply address (ThreadTokens.replyAddress). */
  replyTo: string;
  text: string;
  /** Sanitized HTML of the message itself; null → the text, escaped. */
  html: string | null;
  language: string | null;
  /** Written by Meridian, not a person (acknowledgements): RFC 3834 Auto-Submitted and Exchange's suppression. */
  automatic: boolean;
  /** X-Loop: the workspace mailbox, so our own mail coming back is recognised. */
  loop: string;
  date: Date;
}

/** What the customer receives: the delivered translation (with its notice) when there is one, else the message as written. */
export function deliveredContent(
  message: { text: string; html: string | null; language: string | null },
  translations: readonly MessageTranslation[],
): { text: string; html: string | null; language: string | null; translated: boolean } {
  const t = translations.find((x) => x.delivered && x.status === 'translated' && x.text !== null);
  if (!t) return { text: message.text, html: message.html, language: message.language, translated: false };
  const text = t.notice ? `${t.text!}\n\n${t.notice}` : t.text!;
  // The agent's HTML is in the agent's language: the customer gets the translated text as HTML instead.
  return { text, html: null, language: t.language, translated: true };
}

function htmlDocument(body: string, lang: string | null): string {
  const dir = directionOf(lang);
  const langAttr = lang ? ` lang="${escapeHtml(lang)}"` : '';
  return (
    `<!DOCTYPE html>\n<html${langAttr} dir="${dir}">\n<head><meta charset="utf-8"></head>\n` +
    `<body dir="${dir}">\n${body}\n</body>\n</html>\n`
  );
}

/** nodemailer message options for one outbound e-mail: multipart text + HTML, threading and loop headers. */
export function mailOptions(m: OutboundMail): Mail.Options {
  const lang = cleanLanguage(m.language);
  const headers: Record<string, string> = { 'X-Loop': oneLine(m.loop) };
  if (lang) headers['Content-Language'] = lang;
  if (m.automatic) {
    headers['Auto-Submitted'] = 'auto-replied';
    headers['X-Auto-Response-Suppress'] = 'All';
  }
  const name = m.from.name ? oneLine(m.from.name, 200) : '';
  const toName = m.toName ? oneLine(m.toName, 200) : '';
  return {
    // Names go to nodemailer as structured values: it quotes or RFC 2047-encodes them, never pastes them raw.
    from: name ? { name, address: m.from.address } : m.from.address,
    to: toName ? { name: toName, address: m.to } : m.to,
    replyTo: m.replyTo,
    subject: oneLine(m.subject),
    messageId: m.messageId,
    ...(m.inReplyTo ? { inReplyTo: m.inReplyTo } : {}),
    ...(m.references.length > 0 ? { references: m.references } : {}),
    date: m.date,
    text: m.text,
    html: htmlDocument(m.html ?? textToHtml(m.text), lang),
    headers,
    envelope: { from: m.from.address, to: [m.to] },
    textEncoding: 'quoted-printable',
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** The message as bytes (what the relay receives, less the relay's own trace headers). */
export function composeRaw(m: OutboundMail): Promise<Buffer> {
  return new MailComposer(mailOptions(m)).compile().build();
}
