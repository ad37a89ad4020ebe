import { describe, expect, it } from 'vitest';
import { normaliseAttachmentName, normaliseContentType } from './attachment-name.js';

const name = (raw: string, type = 'application/octet-stream') => normaliseAttachmentName(raw, type);

describe('normaliseAttachmentName', () => {
  it('keeps ordinary names, in any script', () => {
    for (const n of ['invoice.pdf', 'Rechnung März.pdf', '請求書.pdf', 'счёт-фактура.xlsx', 'report (final) v2.docx'])
      expect(name(n)).toBe(n);
  });

  it('drops any path, Unix or Windows, so traversal cannot name a place', () => {
    expect(name('../../etc/passwd')).toBe('passwd');
    expect(name('..\\..\\Windows\\System32\\evil.dll')).toBe('evil.dll');
    expect(name('C:\\Users\\ana\\invoice.pdf')).toBe('invoice.pdf');
    expect(name('/absolute/path/file.txt')).toBe('file.txt');
    expect(name('dir/')).toBe('attachment');
    expect(name('..')).toBe('attachment');
    expect(name('...hidden')).toBe('hidden');
  });

  it('removes control characters, NUL and bidi overrides that disguise an extension', () => {
    expect(name('invoice\u0000.pdf.exe')).toBe('invoice.pdf.exe');
    expect(name('photo\u202Egnp.exe')).toBe('photognp.exe');
    expect(name('report\u2066\u2069\u200F.pdf')).toBe('report.pdf');
    expect(name('line\r\nbreak.txt')).toBe('linebreak.txt');
    expect(name('bell\u0007\u007f\u009b.txt')).toBe('bell.txt');
  });

  it('keeps double extensions visible as they are (the whole name is shown, nothing is hidden)', () => {
    expect(name('invoice.pdf.exe')).toBe('invoice.pdf.exe');
    expect(name('archive.tar.gz')).toBe('archive.tar.gz');
    // Trailing dots and spaces (Windows strips them, which would turn "x.exe. " into "x.exe") go.
    expect(name('x.exe. .')).toBe('x.exe');
  });

  it('replaces characters Windows forbids in names', () => {
    expect(name('a<b>c:d"e|f?g*h.txt')).toBe('a_b_c_d_e_f_g_h.txt');
  });

  it('prefixes reserved Windows device names, which cannot be saved as they are', () => {
    for (const n of ['CON', 'nul.txt', 'COM1.pdf', 'lpt9', 'Aux.tar.gz']) expect(name(n)).toBe(`_${n}`);
    for (const n of ['console.log', 'nullable.txt', 'COM10.pdf', 'icon.png']) expect(name(n)).toBe(n);
  });

  it('normalises to NFC before any check, so one name has one spelling', () => {
    const decomposed = 'Mu\u0308ller.pdf';
    expect(name(decomposed)).toBe('Müller.pdf');
    expect(name(decomposed)).toBe(name('Müller.pdf'));
  });

  it('bounds very long names at 200 characters, keeping a short extension', () => {
    const long = name(`${'a'.repeat(5000)}.pdf`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
    const noExt = name('b'.repeat(300));
    expect(noExt).toBe('b'.repeat(200));
    const longExt = name(`file.${'x'.repeat(300)}`);
    expect(longExt.length).toBeLessThanOrEqual(200);
  });

  it('names a nameless attachment after its type', () => {
    expect(name('', 'image/png')).toBe('attachment.png');
    expect(name('   ', 'application/pdf')).toBe('attachment.pdf');
    expect(name('', 'message/rfc822')).toBe('attachment.eml');
    expect(name('', 'application/x-unknown')).toBe('attachment');
  });
});

describe('normaliseContentType', () => {
  it('keeps type/subtype in lower case and drops parameters', () => {
    expect(normaliseContentType('Application/PDF; name="x.pdf"')).toBe('application/pdf');
    expect(normaliseContentType('image/svg+xml')).toBe('image/svg+xml');
    expect(normaliseContentType('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });

  it('turns anything malformed into application/octet-stream', () => {
    for (const t of ['', 'text', 'text/', '/plain', 'text/html\r\nX-Injected: 1', 'a/b c', `x/${'y'.repeat(100)}`]) {
      expect(normaliseContentType(t), JSON.stringify(t)).toBe('application/octet-stream');
    }
  });
});
