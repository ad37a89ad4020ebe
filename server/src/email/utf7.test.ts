import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseMail } from './parse-mail.js';
import { allUtf7, fixUtf7Words, textPartCharsets } from './utf7.js';

const utf7 = (s: string) => iconv.encode(s, 'utf7').toString('ascii');

describe('UTF-7', () => {
  it('finds the charset of every text part, folded and quoted or not', () => {
    const raw = Buffer.from(
      [
        'Content-Type: multipart/alternative; boundary=b',
        '',
        '--b',
        'Content-Type: text/plain;',
        '\tcharset="UTF-7"',
        '',
        'x',
        '--b',
        'Content-Type: text/html; charset=utf-8',
        '',
        'y',
        '--b--',
      ].join('\r\n'),
    );
    expect(textPartCharsets(raw)).toEqual({ plain: ['UTF-7'], html: ['utf-8'] });
    expect(allUtf7(['UTF-7', 'unicode-1-1-utf-7', 'csUnicode11UTF7'])).toBe(true);
    // UTF-7-IMAP is a mailbox-name encoding, and one UTF-8 part is enough to leave text alone.
    expect(allUtf7(['utf-7-imap'])).toBe(false);
    expect(allUtf7(['UTF-7', 'utf-8'])).toBe(false);
    expect(allUtf7([])).toBe(false);
  });

  it('decodes UTF-7 encoded words in place, leaving other words and plain text as mailparser decoded them', () => {
    const raw = `=?utf-8?Q?M=C3=A4rz?= =?UTF-7?Q?${utf7('Grüße')}?= +1 =?UTF-7?B?${Buffer.from(utf7('日本')).toString('base64')}?=`;
    const asMailparser = `März ${utf7('Grüße')} +1 ${utf7('日本')}`;
    expect(fixUtf7Words(raw, asMailparser)).toBe('März Grüße +1 日本');
    // A word that is not found in the decoded value changes nothing.
    expect(fixUtf7Words('=?UTF-7?Q?+AOQ-?=', 'unrelated')).toBe('unrelated');
  });

  it('parses an HTML-only UTF-7 message into decoded HTML and text', async () => {
    const html = '<p>Grüße aus Köln</p>';
    const raw = Buffer.from(`From: a@b.example\r\nSubject: x\r\nContent-Type: text/html; charset=utf-7\r\n\r\n${utf7(html)}\r\n`);
    const parsed = await parseMail(raw);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.mail.html).toContain('Grüße aus Köln');
    expect(parsed.mail.text).toContain('Grüße aus Köln');
  });

  it('leaves a "+" in a UTF-8 message alone', async () => {
    const raw = Buffer.from('From: a@b.example\r\nSubject: 1+1-2\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nC+AOQ-1\r\n');
    const parsed = await parseMail(raw);
    expect(parsed.ok && [parsed.mail.subject, parsed.mail.text]).toEqual(['1+1-2', 'C+AOQ-1']);
  });
});
