import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvRow } from './csv.js';

describe('csvCell', () => {
  it('neutralises text a spreadsheet would run as a formula (acceptance 5)', () => {
    expect(csvCell('=HYPERLINK("http://x.example","click")')).toBe(`"'=HYPERLINK(""http://x.example"",""click"")"`);
    expect(csvCell('+1+cmd|calc')).toBe("'+1+cmd|calc");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvCell('\t=1+1')).toBe("'\t=1+1");
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`);
    // Spreadsheets skip leading spaces before a formula.
    expect(csvCell('   =1+1')).toBe("'   =1+1");
  });

  it('leaves other text and numbers alone, negative numbers included', () => {
    expect(csvCell('Great service')).toBe('Great service');
    expect(csvCell('a = b')).toBe('a = b');
    expect(csvCell('e-mail')).toBe('e-mail');
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(-0.42)).toBe('-0.42');
    expect(csvCell(5)).toBe('5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('slow, but fine')).toBe('"slow, but fine"');
    expect(csvCell('he said "ok"')).toBe('"he said ""ok"""');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('日本語のコメント')).toBe('日本語のコメント');
  });

  it('rows end in CRLF; the file starts with a byte-order mark', () => {
    expect(csvRow(['a', 1, null, '=x'])).toBe("a,1,,'=x\r\n");
    expect(BOM).toBe('\uFEFF');
  });
});
