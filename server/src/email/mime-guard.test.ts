import { describe, expect, it } from 'vitest';
import { rawMail } from '../test/mail/inbound.js';
import { deepNesting, hugeHeaders, manyParts } from '../test/mail/hostile.js';
import { guardMime, MIME_LIMITS } from './mime-guard.js';

describe('guardMime', () => {
  it('lets ordinary mail through, with CRLF or LF, an mbox From line or a stray first line', () => {
    const plain = rawMail({ From: 'a@example.org', Subject: 'Hi' }, 'Hello.');
    expect(guardMime(plain)).toEqual({ ok: true });
    expect(guardMime(Buffer.from(plain.toString().replace(/\r\n/g, '\n')))).toEqual({ ok: true });
    expect(guardMime(Buffer.concat([Buffer.from('From a@example.org Mon Mar  2 08:00:00 2026\n'), plain]))).toEqual({ ok: true });
    expect(guardMime(Buffer.concat([Buffer.from(' stray\r\n'), plain]))).toEqual({ ok: true });
  });

  it('refuses what is not a message: no header field in the header block', () => {
    for (const raw of ['just one line of text', 'Hello there\r\n\r\nFrom: later@example.org\r\n', '\r\n\r\nbody only', '']) {
      expect(guardMime(Buffer.from(raw)), JSON.stringify(raw)).toMatchObject({ ok: false, reason: 'not_a_message' });
    }
  });

  it('counts parts at the limit and one over', () => {
    expect(guardMime(manyParts(MIME_LIMITS.parts))).toEqual({ ok: true });
    expect(guardMime(manyParts(MIME_LIMITS.parts + 1))).toMatchObject({ ok: false, reason: 'too_many_parts' });
    expect(guardMime(manyParts(5000))).toMatchObject({ ok: false, reason: 'too_many_parts' });
  });

  it('sees boundaries however the parameter is written: unquoted, upper case, folded, RFC 2231 continuations', () => {
    const n = MIME_LIMITS.parts + 1;
    const forms: [string, (b: string) => string][] = [
      ['unquoted', (b) => `boundary=${b}`],
      ['upper case name', (b) => `BOUNDARY="${b}"`],
      ['folded', (b) => `charset=x;\r\n\tboundary="${b}"`],
      ['spaces round =', (b) => `boundary = "${b}"`],
      ['RFC 2231 continuation', (b) => `boundary*0="${b.slice(0, 5)}"; boundary*1="${b.slice(5)}"`],
      ['RFC 2231 extended value', (b) => `boundary*=''${b}`],
    ];
    for (const [what, param] of forms) {
      expect(guardMime(manyParts(n, param)), what).toMatchObject({ ok: false, reason: 'too_many_parts' });
    }
  });

  it('refuses a header block larger than the limit, and takes one just under it', () => {
    expect(guardMime(hugeHeaders(300 * 1024))).toMatchObject({ ok: false, reason: 'huge_headers' });
    expect(guardMime(hugeHeaders(MIME_LIMITS.headerBytes - 1024))).toEqual({ ok: true });
  });

  it('refuses nesting deeper than the limit', () => {
    expect(guardMime(deepNesting(MIME_LIMITS.depth))).toEqual({ ok: true });
    expect(guardMime(deepNesting(MIME_LIMITS.depth + 1))).toMatchObject({ ok: false, reason: 'too_deep' });
    expect(guardMime(deepNesting(50))).toMatchObject({ ok: false, reason: 'too_deep' });
  });

  it('does not count delimiter lines of boundaries nobody declared, nor a boundary opened twice as deeper', () => {
    const body = Array.from({ length: 3000 }, () => '--not-declared\r\nline\r\n').join('');
    expect(guardMime(rawMail({ From: 'a@example.org', 'Content-Type': 'text/plain' }, body))).toEqual({ ok: true });
    expect(guardMime(manyParts(50))).toEqual({ ok: true });
  });
});
