/**
 * Hostile messages for the MIME guard and ingest tests, built in memory: many parts, a huge header
 * block, deep nesting. Each is a syntactically plausible message a parser would try to build.
 */
const HEAD = 'From: attacker@hostile.example\r\nTo: support@help.example.test\r\nSubject: hostile\r\nMIME-Version: 1.0\r\n';

/** A multipart/mixed with `parts` small text parts; `boundaryParam` writes the boundary parameter. */
export function manyParts(parts: number, boundaryParam = (b: string) => `boundary="${b}"`): Buffer {
  const b = 'many-parts-boundary';
  const body: string[] = [];
  for (let i = 0; i < parts; i++) body.push(`--${b}\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`);
  return Buffer.from(`${HEAD}Content-Type: multipart/mixed; ${boundaryParam(b)}\r\n\r\n${body.join('')}--${b}--\r\n`);
}

/** A message whose header block is `bytes` long (one References header folded over many lines). */
export function hugeHeaders(bytes: number): Buffer {
  const ids: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const id = ` <ref-${i}-${'x'.repeat(40)}@hostile.example>\r\n`;
    ids.push(id);
    size += id.length;
  }
  return Buffer.from(`${HEAD}References:${ids.join('').trimEnd()}\r\nContent-Type: text/plain\r\n\r\nhello\r\n`);
}

/** Multiparts nested `depth` deep, a text part at the bottom. */
export function deepNesting(depth: number): Buffer {
  let inner = 'Content-Type: text/plain\r\n\r\nbottom\r\n';
  for (let d = depth; d > 0; d--) {
    const b = `nest-${d}`;
    inner = `Content-Type: multipart/mixed; boundary="${b}"\r\n\r\n--${b}\r\n${inner}--${b}--\r\n`;
  }
  return Buffer.from(HEAD + inner);
}
