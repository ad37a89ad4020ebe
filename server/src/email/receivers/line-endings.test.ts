import { describe, expect, it } from 'vitest';
import { BareLfDetector } from './line-endings.js';

const scan = (...chunks: string[]) => {
  const d = new BareLfDetector();
  for (const c of chunks) d.push(Buffer.from(c, 'latin1'));
  return d.bareLf;
};

describe('BareLfDetector', () => {
  it('accepts CRLF line ends, also split between chunks', () => {
    expect(scan('Subject: a\r\n\r\nbody\r\n')).toBe(false);
    expect(scan('Subject: a\r', '\n\r\nbody\r', '\n')).toBe(false);
    expect(scan('', 'x\r\n', '')).toBe(false);
  });

  it('finds a bare LF anywhere: first byte, after a chunk ending without CR, mid-chunk', () => {
    expect(scan('\nSubject: a\r\n')).toBe(true);
    expect(scan('Subject: a', '\nbody\r\n')).toBe(true);
    expect(scan('Subject: a\r\n\r\nline one\nline two\r\n')).toBe(true);
    expect(scan('a\r\n', 'b\r\n', 'c\r\r\n', 'd\n')).toBe(true);
  });

  it('a lone CR is not an LF problem', () => {
    expect(scan('a\rb\r\n')).toBe(false);
  });
});
