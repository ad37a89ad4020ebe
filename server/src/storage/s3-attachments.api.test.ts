import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundEnvelope } from '../email/ingest.types.js';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';
import { startS3, type TestS3 } from '../test/s3/s3rver.js';
import { S3BlobStore } from './s3-blob-store.js';

/**
 * With MERIDIAN_BLOB_STORE=s3 the whole attachment path runs over a bucket: mail in stores its raw
 * bytes and attachments there, the download route serves them from there, and an object that has
 * gone from the bucket is a 404, not a 500.
 */
describe.each(ENGINES)('attachments in an S3-compatible bucket on $engine', (engine) => {
  let s3: TestS3;
  let h: Harness;
  let A: TestWorkspace;

  beforeAll(async () => {
    if (!engine.available) return;
    s3 = await startS3();
    h = await startHarness(engine, { blobs: new S3BlobStore(s3.options) });
    A = await makeWorkspace(h);
  });
  afterAll(async () => {
    await h?.close();
    await s3?.close();
  });

  it.skipIf(!engine.available)('a mailed attachment is stored in the bucket and downloaded from it byte for byte', async () => {
    const address = 'files@s3.example';
    expect((await call(h, A.token, 'POST', '/api/v1/mail/addresses', { address })).statusCode).toBe(201);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 256 }, (_, i) => 255 - i))]);
    // Built by nodemailer's composer, as a customer's mail client would send it.
    const raw = await new MailComposer({
      from: 'Ana <ana@customer.example>',
      to: address,
      subject: 'Fatura',
      text: 'Segue a fatura em anexo.',
      attachments: [{ filename: 'fatura.pdf', contentType: 'application/pdf', content: pdf }],
    })
      .compile()
      .build();
    const envelope: InboundEnvelope & { workspaceId: string } = {
      workspaceId: A.id,
      mailFrom: 'ana@customer.example',
      rcptTo: [address],
      receivedVia: 'smtp',
    };
    const out = await h.mailIngest.ingest(raw, envelope);
    expect(out.kind).toBe('created');
    const conversationId = (out as { conversationId: string }).conversationId;

    const list = await call(h, A.token, 'GET', `/api/v1/conversations/${conversationId}/attachments`);
    const [file] = list.json().data as { id: string; name: string; size: number }[];
    expect(file).toMatchObject({ name: 'fatura.pdf', size: pdf.length });
    const download = await call(h, A.token, 'GET', `/api/v1/attachments/${file!.id}`);
    expect(download.statusCode, download.body).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="fatura.pdf"/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');

    // The bytes are in the bucket under a server-made key, and so is the raw mail.
    const { rows } = await h.db.query<{ blob_key: string }>(`SELECT blob_key FROM attachments WHERE workspace_id = $1 AND id = $2`, [
      A.id,
      file!.id,
    ]);
    const key = rows[0]!.blob_key;
    expect(key.startsWith(`${A.id}/`)).toBe(true);
    const bucket = new S3BlobStore(s3.options);
    expect((await bucket.get(key)).equals(pdf)).toBe(true);
    const ledger = await h.db.query<{ raw_key: string }>(
      `SELECT raw_key FROM mail_messages WHERE workspace_id = $1 AND raw_key IS NOT NULL`,
      [A.id],
    );
    expect((await bucket.get(ledger.rows[0]!.raw_key)).equals(raw)).toBe(true);

    // Gone from the bucket: the route answers not_found.
    await bucket.delete(key);
    const gone = await call(h, A.token, 'GET', `/api/v1/attachments/${file!.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('not_found');
  });
});
