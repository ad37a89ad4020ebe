/**
 * Pure helpers for the headers of outbound mail. Everything that reaches a header from data (names,
 * subjects, ids quoted from inbound mail) passes through here first: line breaks and other control
 * characters become spaces, so no value can end its header and start another.
 */

/** One header line's worth of text: control characters (CR, LF, NUL, U+2028/9 …) collapsed to single spaces. */
export function oneLine(value: string, max = 998): string {
  const flat = value
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return flat.length > max ? flat.slice(0, max).trimEnd() : flat;
}

/** Reply prefixes of common mail clients (English, German, Nordic, Dutch, Polish, Turkish, Italian, French, Chinese …). */
const REPLY_PREFIX = /^\s*(re|aw|sv|vs|antw|odp|ynt|yan[ıi]t|rif|r|réf|ref|atb|vá|отв|回复|回覆|答复)\s*(\[\d+\])?\s*[:：]/iu;

/** "Re: <subject>", unless the subject already starts with a reply prefix; the bare subject when there is nothing to reply to. */
export function replySubject(original: string | null | undefined, isReply: boolean): string {
  const base = oneLine(original ?? '');
  if (!isReply) return base;
  if (base === '') return 'Re:';
  return REPLY_PREFIX.test(base) ? base : `Re: ${base}`;
}

/** A plain mailbox address we are willing to put in a header or an envelope (no display name, no list). */
export function cleanAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  const a = value.trim().toLowerCase();
  return /^[^\s@<>()[\],;:"\\]{1,64}@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/.test(a) && a.length <= 254
    ? a
    : null;
}

const MSG_ID = /^<[^<>\s"\\]{1,250}@[^<>\s"\\]{1,250}>$/;

/** The well-formed `<id@host>` tokens of a Message-ID / References value, in order, without repeats. */
export function messageIds(value: string | null | undefined): string[] {
  if (!value) return [];
  const out: string[] = [];
  for (const token of value.split(/[\s,]+/)) {
    const id = token.startsWith('<') ? token : `<${token}>`;
    if (MSG_ID.test(id) && !out.includes(id)) out.push(id);
  }
  return out;
}

/** How many ids References keeps: the first (thread root) and the newest, as RFC 5322 §3.6.4 suggests trimming. */
export const REFERENCES_LIMIT = 20;

/** References for a reply: the parent's References, then the parent itself; bounded to the root and the newest. */
export function replyReferences(parentReferences: string | null | undefined, parentId: string | null): string[] {
  const ids = messageIds(parentReferences);
  if (parentId && !ids.includes(parentId)) ids.push(parentId);
  if (ids.length <= REFERENCES_LIMIT) return ids;
  return [ids[0]!, ...ids.slice(ids.length - (REFERENCES_LIMIT - 1))];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** Plain text as HTML: escaped, paragraphs on blank lines, line breaks kept. */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

const RTL = new Set(['ar', 'arc', 'dv', 'fa', 'ha', 'he', 'khw', 'ks', 'ku', 'ps', 'sd', 'ur', 'yi']);
/** Writing direction of a language tag's primary language. */
export const directionOf = (lang: string | null): 'rtl' | 'ltr' => (lang && RTL.has(lang.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr');

/** A language tag safe for Content-Language and the lang attribute, or null. */
export const cleanLanguage = (lang: string | null | undefined): string | null =>
  lang && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang) && lang.length <= 35 ? lang : null;
