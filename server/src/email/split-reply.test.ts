import { describe, expect, it } from 'vitest';
import { splitReply } from './split-reply.js';

/**
 * The new text of a reply apart from its quoted history and signature, with the quote headers of
 * the languages email-reply-parser knows. What it does not know is pinned at the end, so a library
 * upgrade that learns it shows up here.
 */
const QUOTE = '> Could you send us the order number?\n> \n> Best regards,\n> Support';

describe('splitReply', () => {
  const cases: [string, string, string][] = [
    ['English (Gmail)', 'Thanks, the order number is 1001.', 'On Mon, Mar 2, 2026 at 10:00 AM Support <support@example.com> wrote:'],
    ['English (Apple Mail)', 'Thanks, the order number is 1001.', 'On 2 Mar 2026, at 10:00, Support <support@example.com> wrote:'],
    ['German', 'Danke, die Bestellnummer ist 1001.', 'Am 02.03.2026 um 10:00 schrieb Support <support@example.com>:'],
    ['German (Gmail)', 'Danke, die Bestellnummer ist 1001.', 'Am Mo., 2. März 2026 um 10:00 Uhr schrieb Support <support@example.com>:'],
    ['French', 'Merci, le numéro de commande est 1001.', 'Le lun. 2 mars 2026 à 10:00, Support <support@example.com> a écrit :'],
    ['Spanish', 'Gracias, el número de pedido es 1001.', 'El lun, 2 mar 2026 a las 10:00, Support (<support@example.com>) escribió:'],
    ['Japanese (Apple Mail)', '注文番号は1001です。', '2026/03/02 10:00、Support <support@example.com>のメッセージ:'],
    ['Chinese', '订单号是1001。', '在 2026年3月2日 10:00，Support <support@example.com> 写道：'],
    [
      'Outlook',
      'The order number is 1001.',
      '-----Original Message-----\nFrom: Support <support@example.com>\nSent: Monday, March 2, 2026 10:00 AM',
    ],
  ];

  it.each(cases)('%s: new text apart from the quote header and the quoted history', (_lang, fresh, header) => {
    const split = splitReply(`${fresh}\n\n${header}\n${QUOTE}\n`);
    expect(split.text).toBe(fresh);
    expect(split.quoted).toContain('Could you send us the order number?');
    expect(split.quoted).toContain(header.split('\n')[0]!.trim().slice(0, 10));
    expect(split.signature).toBeNull();
  });

  it('separates a "-- " signature, and mobile signatures, from the text', () => {
    const split = splitReply('Hello,\n\nthe invoice total is wrong.\n\n-- \nAna Silva\nACME Ltd.\n+351 21 000 0000\n');
    expect(split.text).toBe('Hello,\n\nthe invoice total is wrong.');
    expect(split.signature).toContain('Ana Silva');
    expect(split.signature).toContain('+351');
    expect(split.quoted).toBeNull();
    for (const sig of ['Sent from my iPhone', 'Envoyé de mon iPhone', 'Von meinem iPhone gesendet']) {
      const s = splitReply(`The app crashes on start.\n\n${sig}`);
      expect(s.text, sig).toBe('The app crashes on start.');
      expect(s.signature, sig).toBe(sig);
    }
  });

  it('keeps text interleaved with quotes (inline replies) as new text', () => {
    const split = splitReply('> What is your order number?\n1001\n> And the date?\nMarch 2nd\n');
    expect(split.text).toContain('1001');
    expect(split.text).toContain('March 2nd');
  });

  it('a message that is all quote keeps its whole text rather than nothing', () => {
    const all = `${QUOTE}\n`;
    expect(splitReply(all)).toEqual({ text: all.trim(), quoted: null, signature: null });
  });

  it('empty and plain messages pass through', () => {
    expect(splitReply('')).toEqual({ text: '', quoted: null, signature: null });
    expect(splitReply('   \n')).toEqual({ text: '   \n', quoted: null, signature: null });
    expect(splitReply('Just one line.')).toEqual({ text: 'Just one line.', quoted: null, signature: null });
  });

  // Not recognised by email-reply-parser 2.x: the header line stays in the new text. The `>` lines
  // under it are still split off, so only one line of noise remains.
  it.each([
    ['Japanese (Gmail)', '2026年3月2日(月) 10:00 Support <support@example.com>:'],
    ['Russian (Gmail)', 'пн, 2 мар. 2026 г. в 10:00, Support <support@example.com>:'],
  ])('%s quote header is not recognised (documented gap), the quoted lines still are', (_lang, header) => {
    const split = splitReply(`注文番号は1001です。\n\n${header}\n${QUOTE}\n`);
    expect(split.text).toContain(header);
    expect(split.quoted).toContain('Could you send us the order number?');
  });
});
