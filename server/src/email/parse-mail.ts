import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { guardMime } from './mime-guard.js';
import { splitReply } from './split-reply.js';
import { parseDsn, type DsnRecipient } from './dsn.js';
import { SUPPRESSION_KEYS } from '../acks/suppress.js';
import { allUtf7, decodeUtf7, fixUtf7Words, textPartCharsets } from './utf7.js';

/** An inbound message reduced to what ingest decides on and stores. */
export interface InboundMail {
  /** Message-ID with angle brackets, or null when the message has none. */
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  from: { address: string; name: string | null } | null;
  subject: string;
  /** The new text (quoted history and signature split off when recognised). */
  text: string;
  quoted: string | null;
  signature: string | null;
  html: string | null;
  /** Header values the loop rules and language detection read, lower-case names. */
  headers: Record<string, string>;
  attachments: { name: string; contentType: string; content: Buffer; contentId: string | null; inline: boolean }[];
  /** undecodable: some bytes could not be decoded in the declared charset (the raw message is kept); raw_body: MIME parsing found nothing, the body is kept as it came. */
  flags: string[];
  /** Set when the message is a delivery status notification. */
  dsn: DsnRecipient[] | null;
}

export type ParseResult = { ok: true; mail: InboundMail } | { ok: false; reason: string; detail: string };

/** Headers copied for suppression rules (acks/suppress.ts) and detection hints. */
const KEPT_HEADERS = [...SUPPRESSION_KEYS.filter((k) => k !== 'from'), 'content-language', 'x-mailer'];

const MAX_HTML = 2_000_000;
const MAX_TEXT = 100_000;

export async function parseMail(raw: Buffer): Promise<ParseResult> {
  const guard = guardMime(raw);
  if (!guard.ok) return guard;
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw, {
      keepCidLinks: true,
      keepDeliveryStatus: true,
      skipTextToHtml: true,
      maxHtmlLengthToParse: MAX_HTML,
    });
  } catch (err) {
    return { ok: false, reason: 'unparseable', detail: (err as Error).message.slice(0, 500) };
  }

  const headers: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    if (KEPT_HEADERS.includes(key) && headers[key] === undefined) {
      headers[key] = stripControls(unfold(line.slice(line.indexOf(':') + 1))).slice(0, 1000);
    }
  }
  // UTF-7 comes through mailparser in its ASCII form (see utf7.ts): decode it here.
  const charsets = textPartCharsets(raw);
  const rawLine = (key: string) => parsed.headerLines.find((l) => l.key === key)?.line ?? '';
  const fromAddr = firstAddress(parsed.from, (name) => fixUtf7Words(rawLine('from'), name));
  const subject = fixUtf7Words(rawLine('subject'), parsed.subject ?? '');
  let html = typeof parsed.html === 'string' && parsed.html.trim() !== '' ? parsed.html : null;
  if (html && allUtf7(charsets.html)) html = decodeUtf7(html);
  let fullText = (parsed.text ?? '').replace(/\r\n/g, '\n');
  // (Text mailparser derived from UTF-7 HTML is in the same ASCII form.)
  const textUtf7 = charsets.plain.length ? allUtf7(charsets.plain) : allUtf7(charsets.html);
  if (fullText && textUtf7) fullText = decodeUtf7(fullText);
  const flags: string[] = [];
  // Broken MIME structure (a boundary that never matches, parts without a blank line) can leave the
  // parser with nothing although the body has text: keep the body as it came rather than quarantine
  // a message that reprocessing could never release.
  if (!fullText.trim() && !html && !parsed.attachments.length) {
    const body = rawBody(raw);
    if (body.trim()) {
      fullText = body;
      flags.push('raw_body');
    }
  }
  // PostgreSQL text cannot hold NUL (binary sent as text/plain has them); the raw message keeps them.
  if (fullText.includes('\u0000') || html?.includes('\u0000')) {
    fullText = fullText.replace(/\u0000/g, '');
    html = html?.replace(/\u0000/g, '') ?? null;
    flags.push('undecodable');
  }
  const split = splitReply(fullText.length > MAX_TEXT ? fullText.slice(0, MAX_TEXT) : fullText);
  if (!flags.includes('undecodable') && (/\uFFFD/.test(fullText) || html?.includes('\uFFFD') || /\uFFFD/.test(subject)))
    flags.push('undecodable');
  if (split.quoted) flags.push('quoted');
  if (split.signature) flags.push('signature');

  const dsnPart = parsed.attachments.find((a) => a.contentType.toLowerCase() === 'message/delivery-status');
  const dsn = dsnPart ? parseDsn(dsnPart.content.toString('utf8')) : null;

  return {
    ok: true,
    mail: {
      messageId: normaliseId(parsed.messageId),
      inReplyTo: ids(parsed.inReplyTo),
      references: ids(parsed.references),
      from: fromAddr,
      subject: stripControls(subject).slice(0, 998),
      text: split.text,
      quoted: split.quoted,
      signature: split.signature,
      html,
      headers,
      attachments: parsed.attachments
        .filter((a) => a !== dsnPart)
        .map((a) => ({
          name: a.filename ?? '',
          contentType: a.contentType,
          content: a.content,
          contentId: a.cid ? stripControls(a.cid) || null : null,
          inline: a.related || a.contentDisposition === 'inline',
        })),
      flags,
      dsn: dsn?.length ? dsn : null,
    },
  };
}

/** The bytes after the top-level header block, as UTF-8 text (undecodable bytes become U+FFFD and are flagged). */
function rawBody(raw: Buffer): string {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const at = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf + 4 : lf >= 0 ? lf + 2 : raw.length;
  return raw
    .subarray(at, at + MAX_TEXT * 4)
    .toString('utf8')
    .replace(/\r\n/g, '\n');
}

const unfold = (v: string): string => v.replace(/\r?\n[ \t]+/g, ' ').trim();
// Control characters (NUL above all: PostgreSQL text and jsonb refuse it, and a database error is a
// 451 the sender retries forever) go from every value a header gives.
const stripControls = (v: string): string => v.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');

function firstAddress(obj: AddressObject | undefined, fixName: (name: string) => string): InboundMail['from'] {
  for (const a of obj?.value ?? []) {
    const address = (a.address ?? '').trim().toLowerCase();
    if (/^[^\s@<>\u0000-\u001f\u007f]+@[^\s@<>\u0000-\u001f\u007f]+$/.test(address))
      return { address, name: a.name ? stripControls(fixName(a.name)).slice(0, 200) : null };
  }
  return null;
}

function normaliseId(v: string | undefined): string | null {
  const found = ids(v);
  return found[0] ?? null;
}

/** Message-ids of a header value (string or list), each `<…>`, bounded. */
function ids(v: string | string[] | undefined): string[] {
  const text = stripControls(Array.isArray(v) ? v.join(' ') : (v ?? ''));
  const out = text.match(/<[^<>\s]{1,250}>/g) ?? (text.trim() && !/\s/.test(text.trim()) ? [`<${text.trim().slice(0, 250)}>`] : []);
  return out.slice(-100);
}
