import iconv from 'iconv-lite';

/**
 * UTF-7 (RFC 2152), which mailparser declines to decode: a body of `+ADw-script+AD4-` turns into
 * `<script>` after a filter that looks for "<" has passed it. Here nothing filters before decoding:
 * text is stored as text and HTML is sanitized after this, so the customer's words are decoded.
 * mailparser hands UTF-7 through as its ASCII form; these functions finish the job. Pure.
 */

const isUtf7 = (label: string): boolean => /^(?:(?:cs)?unicode11)?utf7$/.test(label.toLowerCase().replace(/[^a-z0-9]/g, ''));

export const decodeUtf7 = (ascii: string): string => iconv.decode(Buffer.from(ascii, 'latin1'), 'utf7');

/** The charsets every text/plain and text/html part of a raw message declares (header blocks anywhere). */
export function textPartCharsets(raw: Buffer): { plain: string[]; html: string[] } {
  const out = { plain: [] as string[], html: [] as string[] };
  const text = raw.toString('latin1');
  const header = /^content-type:[ \t]*text\/(plain|html)\b([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)/gim;
  for (const m of text.matchAll(header)) {
    const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(m[2]!)?.[1] ?? 'us-ascii';
    out[m[1]!.toLowerCase() as 'plain' | 'html'].push(charset);
    if (out.plain.length + out.html.length > 1000) break;
  }
  return out;
}

/** True when there are such parts and every one of them is UTF-7. */
export const allUtf7 = (charsets: string[]): boolean => charsets.length > 0 && charsets.every(isUtf7);

const WORD = /=\?([^?\s]{1,40})\?([bBqQ])\?([^?\s]*)\?=/g;

/**
 * A header value as mailparser decoded it, with the UTF-7 encoded words of its raw line decoded:
 * mailparser left each as its ASCII form, which is found and replaced in order.
 */
export function fixUtf7Words(rawLine: string, decoded: string): string {
  let out = decoded;
  let from = 0;
  for (const [, charset, enc, payload] of rawLine.matchAll(WORD)) {
    if (!isUtf7(charset!.split('*')[0]!)) continue;
    const ascii =
      enc!.toLowerCase() === 'b'
        ? Buffer.from(payload!, 'base64').toString('latin1')
        : payload!.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    const at = out.indexOf(ascii, from);
    if (at < 0) continue;
    const text = decodeUtf7(ascii);
    out = out.slice(0, at) + text + out.slice(at + ascii.length);
    from = at + text.length;
  }
  return out;
}
