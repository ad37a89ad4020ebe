/**
 * A bounded look at raw mail before the real parser sees it: mailparser builds the whole MIME tree
 * in memory, so a message with thousands of parts, megabytes of headers or multiparts nested
 * hundreds deep is turned away here, by a single linear scan that holds nothing but a boundary
 * stack. Pure.
 */

export const MIME_LIMITS = {
  /** The top-level header block. */
  headerBytes: 256 * 1024,
  /** Body parts over the whole message (delimiter lines of declared boundaries). */
  parts: 1000,
  /** Multiparts open inside one another. */
  depth: 25,
};

export type GuardVerdict =
  { ok: true } | { ok: false; reason: 'not_a_message' | 'huge_headers' | 'too_many_parts' | 'too_deep'; detail: string };

const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+:/;
const BOUNDARY = /boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"\r\n]{1,200}))/i;

export function guardMime(raw: Buffer, limits = MIME_LIMITS): GuardVerdict {
  const head = raw.subarray(0, Math.min(raw.length, limits.headerBytes + 4)).toString('latin1');
  const end = headerEnd(head);
  if (end < 0 && raw.length > limits.headerBytes) {
    return { ok: false, reason: 'huge_headers', detail: `no end of the header block within ${limits.headerBytes} bytes` };
  }
  // A stray first line (leading blank, an mbox "From " line, garbage) is survivable; a header
  // block with no header field in it at all is not a message.
  const block = end < 0 ? head : head.slice(0, end);
  if (!block.split(/\r?\n/).some((l) => HEADER_LINE.test(l))) {
    return { ok: false, reason: 'not_a_message', detail: 'the header block holds no header field' };
  }

  // One pass over lines. A boundary is declared by a Content-Type in some header block; it opens
  // when its first delimiter line is seen, inside whatever is open then, and closes at `--b--`.
  const text = raw.toString('latin1');
  const declared = new Set<string>();
  const open: string[] = [];
  let parts = 0;
  let depth = 0;
  let pos = 0;
  let lastHeaderish = '';
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl > pos && text[nl - 1] === '\r' ? nl - 1 : nl);
    pos = nl + 1;
    if (line.startsWith('--') && declared.size) {
      const closing = line.endsWith('--') && declared.has(line.slice(2, -2).trimEnd());
      const b = closing ? line.slice(2, -2).trimEnd() : line.slice(2).trimEnd();
      if (declared.has(b)) {
        if (closing) {
          const at = open.lastIndexOf(b);
          if (at >= 0) open.length = at;
        } else {
          if (!open.includes(b)) {
            open.push(b);
            depth = Math.max(depth, open.length);
            if (depth > limits.depth) return { ok: false, reason: 'too_deep', detail: `multiparts nested more than ${limits.depth} deep` };
          }
          if (++parts > limits.parts) return { ok: false, reason: 'too_many_parts', detail: `more than ${limits.parts} body parts` };
        }
        continue;
      }
    }
    // Content-Type values fold over lines; look at the logical header line being built.
    if (!/^[ \t]/.test(line)) lastHeaderish = line;
    else if (lastHeaderish.length < 4096) lastHeaderish += line;
    if (/^content-type\s*:/i.test(lastHeaderish)) {
      const b = boundaryOf(lastHeaderish);
      if (b) declared.add(b);
    }
  }
  return { ok: true };
}

const CONTINUED = /boundary\*(\d{1,2})\*?\s*=\s*(?:"([^"\r\n]{0,200})"|([^\s;"\r\n]{0,200}))/gi;
const EXTENDED = /boundary\*\s*=\s*[\w-]*'[\w-]*'([^\s;"\r\n]{1,200})/i;

/**
 * The boundary a Content-Type declares, in every form mailparser reads: a plain parameter, RFC 2231
 * continuations (`boundary*0="ab"; boundary*1="cd"`) or an extended value (`boundary*=''abcd`).
 * Missing one would let its parts past the count.
 */
function boundaryOf(header: string): string | null {
  const plain = BOUNDARY.exec(header);
  if (plain) return plain[1] ?? plain[2]!;
  const extended = EXTENDED.exec(header);
  if (extended) return safeDecode(extended[1]!);
  const pieces = [...header.matchAll(CONTINUED)].sort((a, b) => Number(a[1]) - Number(b[1]));
  if (!pieces.length) return null;
  const joined = pieces.map((m) => (/^boundary\*\d+\*/i.test(m[0]) ? safeDecode(m[2] ?? m[3]!) : (m[2] ?? m[3]!))).join('');
  return joined ? joined.slice(0, 200) : null;
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

function headerEnd(s: string): number {
  const crlf = s.indexOf('\r\n\r\n');
  const lf = s.indexOf('\n\n');
  if (crlf < 0) return lf;
  if (lf < 0) return crlf;
  return Math.min(crlf, lf);
}
