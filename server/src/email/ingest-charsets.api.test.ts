import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { conversationOf, startIngestCase, type IngestCase } from '../test/mail/ingest-fixture.js';

/**
 * Charsets through the real ingest on both engines: bodies, RFC 2047 subjects and names, RFC 2231
 * file names in the legacy encodings customers still send; the stored text is the original string.
 * Bytes that do not decode are kept in the raw message and flagged, not dropped.
 */
const SAMPLES: [charset: string, text: string][] = [
  ['ISO-2022-JP', 'お問い合わせありがとうございます。請求書について質問があります。'],
  ['Shift_JIS', '請求書の金額が間違っているようです。ご確認をお願いします。'],
  ['EUC-KR', '안녕하세요, 청구서에 대해 문의드립니다.'],
  ['GB2312', '您好，我想咨询一下发票的问题。'],
  ['GBK', '您好，我的订单还没有发货，请帮忙查一下。'],
  ['Big5', '您好，我想詢問發票的問題。'],
  ['windows-1251', 'Здравствуйте, у меня вопрос по счёту.'],
  ['windows-1252', 'Grüße aus Köln – die “Rechnung” über 20 € ist fällig.'],
  ['KOI8-R', 'Добрый день, заказ так и не пришёл.'],
];

/**
 * ISO-2022-JP bytes (JIS X 0208 between ESC $ B and ESC ( B), which iconv-lite cannot encode:
 * made from its EUC-JP encoding, whose two-byte characters are the same code points plus 0x80.
 */
function iso2022jp(text: string): Buffer {
  const euc = iconv.encode(text, 'EUC-JP');
  const out: number[] = [];
  let kanji = false;
  for (let i = 0; i < euc.length; i++) {
    const b = euc[i]!;
    if (b >= 0xa1 && !kanji) out.push(0x1b, 0x24, 0x42);
    if (b < 0x80 && kanji) out.push(0x1b, 0x28, 0x42);
    kanji = b >= 0xa1;
    if (kanji) out.push(b - 0x80, euc[++i]! - 0x80);
    else out.push(b);
  }
  if (kanji) out.push(0x1b, 0x28, 0x42);
  return Buffer.from(out);
}
const encode = (text: string, charset: string) => (charset === 'ISO-2022-JP' ? iso2022jp(text) : iconv.encode(text, charset));

/** An RFC 2047 encoded-word of the text in the charset (B encoding). */
const encodedWord = (text: string, charset: string) => `=?${charset}?B?${encode(text, charset).toString('base64')}?=`;

describe.each(ENGINES)('mail charsets on $engine', (engine) => {
  let c: IngestCase;
  let n = 0;

  function message(headers: string[], body: Buffer, contentType: string, cte = 'base64'): Buffer {
    const head = [
      `To: ${c.mailbox}`,
      `Message-ID: <cs${++n}.${Date.now()}@customer.example>`,
      'MIME-Version: 1.0',
      ...headers,
      `Content-Type: ${contentType}`,
      `Content-Transfer-Encoding: ${cte}`,
      '',
      '',
    ].join('\r\n');
    const encoded = cte === 'base64' ? Buffer.from(body.toString('base64').replace(/.{76}/g, '$&\r\n') + '\r\n') : body;
    return Buffer.concat([Buffer.from(head, 'latin1'), encoded]);
  }

  beforeAll(async () => {
    if (engine.available) c = await startIngestCase(engine);
  });
  afterAll(async () => {
    await c?.close();
  });

  it.skipIf(!engine.available).each(SAMPLES)('%s body, subject and sender name decode to the original', async (charset, text) => {
    if (charset !== 'ISO-2022-JP') expect(iconv.decode(iconv.encode(text, charset), charset), 'the sample is representable').toBe(text);
    const subject = text.slice(0, 12);
    const name = charset === 'windows-1252' ? 'Jürgen Groß' : text.slice(0, 4);
    const raw = message(
      [`From: ${encodedWord(name, charset)} <cs-${n}@customer.example>`, `Subject: ${encodedWord(subject, charset)}`],
      encode(text, charset),
      `text/plain; charset=${charset}`,
    );
    const out = await c.deliver(raw);
    expect(out.kind).toBe('created');
    const conv = conversationOf(out);
    const [m] = await c.messages(conv);
    expect(m!.text).toBe(text);
    expect(m!.channelMeta).toMatchObject({ subject, fromName: name });
    expect(m!.channelMeta.mailFlags ?? '').not.toContain('undecodable');
    const row = await c.h.db.query<{ subject: string }>(`SELECT subject FROM conversations WHERE id = $1`, [conv]);
    expect(row.rows[0]!.subject).toBe(subject);
  });

  it.skipIf(!engine.available)('ISO-2022-JP as Japanese mailers send it: 7bit, no transfer encoding', async () => {
    const text = SAMPLES[0]![1];
    const raw = message(
      [`From: cs7@customer.example`, `Subject: ${encodedWord('見積もり', 'ISO-2022-JP')}`],
      iso2022jp(text),
      'text/plain; charset=ISO-2022-JP',
      '7bit',
    );
    const [m] = await c.messages(conversationOf(await c.deliver(raw)));
    expect(m!.text).toBe(text);
    expect(m!.channelMeta.subject).toBe('見積もり');
  });

  it.skipIf(!engine.available)('UTF-7 bodies, subjects and names are decoded (mailparser leaves them in their ASCII form)', async () => {
    const text = 'Héllo wörld, 日本語 fine. 1+1=2 <b>';
    const utf7 = (s: string) => iconv.encode(s, 'utf7').toString('ascii');
    // Q encoded words spell a space as '_'.
    const q = (s: string) => utf7(s).replace(/ /g, '_');
    const raw = message(
      [
        `From: =?UTF-7?Q?${q('Jörg Weiß')}?= <utf7@customer.example>`,
        `Subject: =?UTF-7?Q?${utf7('Grüße')}?= und =?utf-7?B?${Buffer.from(utf7('Straße')).toString('base64')}?=`,
      ],
      iconv.encode(text, 'utf7'),
      'text/plain; charset=UTF-7',
    );
    const out = await c.deliver(raw);
    expect(out.kind).toBe('created');
    const [m] = await c.messages(conversationOf(out));
    expect(m!.text).toBe(text);
    expect(m!.channelMeta.subject).toBe('Grüße und Straße');
    expect(m!.channelMeta.fromName).toBe('Jörg Weiß');
  });

  it.skipIf(!engine.available)('quoted-printable encoded-words and split encoded-words join into one subject', async () => {
    const raw = message(
      [
        'From: qp@customer.example',
        'Subject: =?UTF-8?Q?R=C3=BCckerstattung_f=C3=BCr?=\r\n =?UTF-8?Q?_Bestellung?= =?ISO-8859-1?Q?_M=E4rz?=',
      ],
      Buffer.from('Bitte um Rückerstattung.'),
      'text/plain; charset=utf-8',
    );
    const [m] = await c.messages(conversationOf(await c.deliver(raw)));
    expect(m!.channelMeta.subject).toBe('Rückerstattung für Bestellung März');
  });

  it.skipIf(!engine.available)('RFC 2231 file names (charset, language, continuations) are decoded', async () => {
    const b = `b${++n}`;
    const part = (disposition: string) => [
      `--${b}`,
      'Content-Type: application/pdf',
      `Content-Disposition: attachment; ${disposition}`,
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('%PDF-1.4 x').toString('base64'),
    ];
    const lines = [
      `--${b}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Two invoices attached.',
      ...part(`filename*=UTF-8''%E8%AB%8B%E6%B1%82%E6%9B%B8%20%E2%84%96%2012.pdf`),
      ...part(`filename*0*=iso-8859-1'de'Rechnung%20M%E4rz; filename*1*=%20%FCberf%E4llig.pdf`),
      `--${b}--`,
      '',
    ];
    const raw = message(
      ['From: files@customer.example', 'Subject: Invoices'],
      Buffer.from(lines.join('\r\n')),
      `multipart/mixed; boundary="${b}"`,
      '7bit',
    );
    const out = await c.deliver(raw);
    const names = await c.h.db.query<{ name: string }>(
      `SELECT name FROM attachments WHERE workspace_id = $1 AND conversation_id = $2 ORDER BY name`,
      [c.ws.id, conversationOf(out)],
    );
    expect(names.rows.map((r) => r.name)).toEqual(['Rechnung März überfällig.pdf', '請求書 № 12.pdf']);
  });

  it.skipIf(!engine.available)('undecodable bytes are kept in the raw message and flagged', async () => {
    // Declared UTF-8, but Latin-1 bytes and a stray 0xFF in the middle.
    const body = Buffer.concat([Buffer.from('Price: '), Buffer.from([0xff, 0xfe, 0xe4]), Buffer.from(' euro, please check.')]);
    const raw = message(['From: bytes@customer.example', 'Subject: Bytes'], body, 'text/plain; charset=utf-8', '8bit');
    const out = await c.deliver(raw);
    expect(out.kind).toBe('created');
    const [m] = await c.messages(conversationOf(out));
    expect(m!.text).toMatch(/^Price: \uFFFD+ euro, please check\.$/);
    expect(m!.channelMeta.mailFlags?.split(',')).toContain('undecodable');
    const ledger = await c.h.db.query<{ raw_key: string }>(
      `SELECT raw_key FROM mail_messages WHERE workspace_id = $1 AND conversation_id = $2`,
      [c.ws.id, conversationOf(out)],
    );
    expect((await c.mail.blobs.get(ledger.rows[0]!.raw_key)).equals(raw)).toBe(true);
  });

  it.skipIf(!engine.available)('an unknown charset label is not fatal: the text is kept and flagged when it does not decode', async () => {
    const text = 'Rückfrage zur Lieferung';
    const raw = message(
      ['From: label@customer.example', 'Subject: Label'],
      iconv.encode(text, 'latin1'),
      'text/plain; charset=x-made-up-9',
      '8bit',
    );
    const out = await c.deliver(raw);
    expect(out.kind).toBe('created');
    const [m] = await c.messages(conversationOf(out));
    // Either decoded as Latin-1 or kept with a replacement character and the flag, never lost.
    if (m!.text !== text) expect(m!.channelMeta.mailFlags?.split(',')).toContain('undecodable');
    expect(m!.text).toMatch(/^R.+ckfrage zur Lieferung$/);
  });
});
