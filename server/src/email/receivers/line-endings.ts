/**
 * RFC 5321 §2.3.8: in SMTP, CR and LF may only appear together as CRLF. A message with a bare LF
 * line end is refused instead of being "repaired": receivers that repair differently from the next
 * hop are what SMTP smuggling exploits, and the DATA terminator we honour is CRLF.CRLF only.
 * Fed the DATA stream chunk by chunk, so a CR at the end of one chunk still covers an LF that
 * starts the next.
 */
export class BareLfDetector {
  private lastWasCr = false;
  private found = false;

  /** Scans one chunk; true once a bare LF has been seen anywhere so far. */
  push(chunk: Buffer): boolean {
    if (this.found || chunk.length === 0) return this.found;
    let i = chunk.indexOf(0x0a);
    while (i !== -1) {
      const before = i === 0 ? this.lastWasCr : chunk[i - 1] === 0x0d;
      if (!before) {
        this.found = true;
        return true;
      }
      i = chunk.indexOf(0x0a, i + 1);
    }
    this.lastWasCr = chunk[chunk.length - 1] === 0x0d;
    return false;
  }

  get bareLf(): boolean {
    return this.found;
  }
}
