import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { conversationOf, startIngestCase, type IngestCase } from '../test/mail/ingest-fixture.js';
import { findAttachment } from './attachments.repo.js';

/**
 * Attachments and HTML through the real ingest on both engines: bytes go to the blob store under our
 * keys with their sha256, names are normalised, inline cid images stay inline, remote images are
 * held back, and redelivered or quarantined mail leaves no stray attachment blobs.
 */
describe.each(ENGINES)('mail attachments on $engine', (engine) => {
  let c: IngestCase;
  let n = 0;
  const PDF = Buffer.from('%PDF-1.4\n% not really a pdf, but bytes to hash\n' + 'x'.repeat(5000));
  const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const b64 = (b: Buffer) => b.toString('base64').replace(/.{76}/g, '$&\r\n');

  function multipart(type: string, parts: string[][], headers: Record<string, string> = {}): Buffer {
    const b = `b${++n}x`;
    const lines = [
      `From: Customer ${n} <files-${n}@customer.example>`,
      `To: ${c.mailbox}`,
      `Subject: Files ${n}`,
      `Message-ID: <files${n}.${Date.now()}@customer.example>`,
      'MIME-Version: 1.0',
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      `Content-Type: ${type}; boundary="${b}"`,
      '',
      ...parts.flatMap((p) => [`--${b}`, ...p]),
      `--${b}--`,
      '',
    ];
    return Buffer.from(lines.join('\r\n'));
  }
  const text = (t: string) => ['Content-Type: text/plain; charset=utf-8', '', t];
  const html = (h: string) => ['Content-Type: text/html; charset=utf-8', '', h];
  const file = (name: string, type: string, bytes: Buffer, extra: string[] = []) => [
    `Content-Type: ${type}; name="${name}"`,
    `Content-Disposition: attachment; filename="${name}"`,
    'Content-Transfer-Encoding: base64',
    ...extra,
    '',
    b64(bytes),
  ];
  const rows = async (conversationId: string) =>
    (
      await c.h.db.query<{
        id: string;
        name: string;
        contentType: string;
        size: number;
        sha256: string;
        inline: boolean;
        contentId: string | null;
        blobKey: string;
      }>(
        `SELECT id, name, content_type AS "contentType", size, sha256, inline, content_id AS "contentId", blob_key AS "blobKey"
           FROM attachments WHERE workspace_id = $1 AND conversation_id = $2 ORDER BY name`,
        [c.ws.id, conversationId],
      )
    ).rows;
  /** Every blob file under the ingest's blob directory. */
  const blobFiles = () =>
    readdirSync(c.mail.dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));

  beforeAll(async () => {
    if (engine.available) c = await startIngestCase(engine);
  });
  afterAll(async () => {
    await c?.close();
  });

  it.skipIf(!engine.available)('attachments are stored in the blob store with normalised names, their type, size and sha256', async () => {
    const out = await c.deliver(
      multipart('multipart/mixed', [
        text('Invoice and screenshot attached.'),
        file('../../etc/Invoice March.pdf', 'application/PDF; x-junk=1', PDF),
        file('photo\u202Egnp.exe', 'image/png', PNG),
      ]),
    );
    expect(out.kind).toBe('created');
    const conv = conversationOf(out);
    const stored = await rows(conv);
    expect(stored.map((a) => [a.name, a.contentType, a.size, a.sha256, a.inline])).toEqual([
      ['Invoice March.pdf', 'application/pdf', PDF.length, sha(PDF), false],
      ['photognp.exe', 'image/png', PNG.length, sha(PNG), false],
    ]);
    for (const a of stored) {
      const bytes = await c.mail.blobs.get(a.blobKey);
      expect(sha(bytes)).toBe(a.sha256);
      // Our key, nothing of the sender's name in it.
      expect(a.blobKey).toMatch(new RegExp(`^${c.ws.id}/\\d{6}/[0-9a-f-]{36}$`));
      expect(await findAttachment(c.h.db, c.ws.id, a.id)).toMatchObject({ sha256: a.sha256 });
      expect(await findAttachment(c.h.db, '01900000-0000-7000-8000-00000000000b', a.id)).toBeUndefined();
    }
    const [m] = await c.messages(conv);
    expect(m!.text).toBe('Invoice and screenshot attached.');
    const listed = await c.h.db.query<{ attachments: { name: string; url: string }[] }>(`SELECT attachments FROM messages WHERE id = $1`, [
      m!.id,
    ]);
    expect(listed.rows[0]!.attachments.map((a) => a.url).sort()).toEqual(stored.map((a) => `/api/v1/attachments/${a.id}`).sort());
  });

  it.skipIf(!engine.available)('an inline cid image stays inline with its Content-ID, and the HTML keeps the cid reference', async () => {
    const out = await c.deliver(
      multipart('multipart/related', [
        html('<p>See the error:</p><img src="cid:shot1@customer.example" alt="screenshot">'),
        [
          'Content-Type: image/png',
          'Content-ID: <shot1@customer.example>',
          'Content-Disposition: inline',
          'Content-Transfer-Encoding: base64',
          '',
          b64(PNG),
        ],
      ]),
    );
    expect(out.kind).toBe('created');
    const conv = conversationOf(out);
    const [a] = await rows(conv);
    expect(a).toMatchObject({ inline: true, contentType: 'image/png', sha256: sha(PNG), name: 'attachment.png' });
    expect(a!.contentId).toBe('shot1@customer.example');
    const [m] = await c.messages(conv);
    expect(m!.html).toContain('src="cid:shot1@customer.example"');
  });

  it.skipIf(!engine.available)('remote images are held back and active content removed from stored HTML', async () => {
    const out = await c.deliver(
      multipart('multipart/alternative', [
        text('Hello, see the chart.'),
        html(
          '<p onclick="steal()">Hello, see the <b>chart</b>.</p><img src="https://tracker.example/pixel.gif?u=1" width="1">' +
            '<img src="HTTP://cdn.example/chart.png" alt="chart"><script>alert(1)</script><a href="javascript:alert(1)">x</a>',
        ),
      ]),
    );
    const [m] = await c.messages(conversationOf(out));
    const stored = m!.html!;
    expect(stored).toContain('data-remote-src="https://tracker.example/pixel.gif?u=1"');
    expect(stored).toContain('data-remote-src="HTTP://cdn.example/chart.png"');
    expect(stored).not.toMatch(/\ssrc=/i);
    expect(stored).not.toMatch(/script|onclick|javascript:/i);
    expect(m!.text).toBe('Hello, see the chart.');
  });

  it.skipIf(!engine.available)('an empty text part beside real HTML reads as the HTML text, not as an empty message', async () => {
    const out = await c.deliver(multipart('multipart/alternative', [text(''), html('<p>Only the <b>HTML</b> part says it.</p>')]));
    expect(out.kind).toBe('created');
    const [m] = await c.messages(conversationOf(out));
    expect(m!.text).toBe('Only the HTML part says it.');
    expect(m!.html).toContain('<b>HTML</b>');
  });

  it.skipIf(!engine.available)('a message that is only an attachment, without text or subject, still opens a conversation', async () => {
    const raw = multipart('multipart/mixed', [file('scan.pdf', 'application/pdf', PDF)]);
    const out = await c.deliver(Buffer.from(raw.toString('latin1').replace(/^Subject: .*\r\n/m, ''), 'latin1'));
    expect(out.kind).toBe('created');
    expect((await rows(conversationOf(out))).map((a) => a.name)).toEqual(['scan.pdf']);
  });

  it.skipIf(!engine.available)('a redelivery leaves no extra blobs; quarantined mail keeps only its raw bytes', async () => {
    const message = multipart('multipart/mixed', [text('Once.'), file('a.pdf', 'application/pdf', PDF)]);
    expect((await c.deliver(message)).kind).toBe('created');
    const before = blobFiles().length;
    expect((await c.deliver(message)).kind).toBe('duplicate');
    expect(blobFiles().length).toBe(before);
    // From our own mailbox: a loop, quarantined with its attachment's blob removed but the raw kept.
    const loop = Buffer.from(
      multipart('multipart/mixed', [text('Loop.'), file('b.pdf', 'application/pdf', PDF)])
        .toString()
        .replace(/^From: .*$/m, `From: ${c.mailbox}`),
    );
    const out = await c.deliver(loop);
    expect(out).toMatchObject({ kind: 'quarantined', reason: 'loop' });
    expect(blobFiles().length).toBe(before + 1);
    const raw = await c.h.db.query<{ raw_key: string }>(
      `SELECT m.raw_key FROM mail_messages m WHERE m.workspace_id = $1 AND m.reason = 'loop'`,
      [c.ws.id],
    );
    expect((await c.mail.blobs.get(raw.rows[0]!.raw_key)).equals(loop)).toBe(true);
  });
});
