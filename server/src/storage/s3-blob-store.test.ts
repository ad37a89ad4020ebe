import { createHash, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../lib/clock.js';
import { AppError } from '../lib/errors.js';
import { startS3, type TestS3 } from '../test/s3/s3rver.js';
import { objectUrl, S3BlobStore } from './s3-blob-store.js';

/** What a store call was refused with (AppError code and message). */
async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return { code: (err as AppError).code, message: (err as AppError).message };
}

/**
 * A loopback HTTP relay that flips the last byte of every PUT body on its way to the server:
 * damage in transit, which the store must not hand back as the attachment.
 */
async function corruptingRelay(target: number): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.method === 'PUT' && body.length > 0) body.writeUInt8(body.readUInt8(body.length - 1) ^ 0xff, body.length - 1);
      const out = http.request({ host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('S3BlobStore against a real S3-compatible server on loopback', () => {
  let s3: TestS3;
  const ws = randomUUID();
  beforeAll(async () => {
    s3 = await startS3();
  });
  afterAll(async () => s3?.close());

  it('stores, reads back and deletes binary bytes under a server-made {workspace}/{yyyymm}/{uuid} key', async () => {
    const store = new S3BlobStore(s3.options, fixedClock('2026-03-31T23:59:00Z'));
    const bytes = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(300_000)]);
    const put = await store.put(ws, bytes);
    expect(put.key).toMatch(new RegExp(`^${ws}/202603/[0-9a-f-]{36}$`));
    expect(put).toMatchObject({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect((await store.get(put.key)).equals(bytes)).toBe(true);
    // Every put gets its own key, even for the same bytes.
    const again = await store.put(ws, bytes);
    expect(again.key).not.toBe(put.key);

    await store.delete(put.key);
    expect(await refusal(store.get(put.key))).toMatchObject({ code: 'not_found' });
    await store.delete(put.key); // already gone: still done
    expect((await store.get(again.key)).equals(bytes)).toBe(true);
    // An empty attachment is a valid one.
    const empty = await store.put(ws, Buffer.alloc(0));
    expect((await store.get(empty.key)).length).toBe(0);
  });

  it('answers not_found for a key that was never stored, and refuses anything that is not a blob key', async () => {
    const store = new S3BlobStore(s3.options);
    expect(await refusal(store.get(`${ws}/202601/${randomUUID()}`))).toEqual({ code: 'not_found', message: 'stored file not found' });
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/not a blob key/);
    await expect(store.delete(`${ws}/202601/x?delete`)).rejects.toThrow(/not a blob key/);
  });

  it('says which setting is wrong when the credentials or the bucket are', async () => {
    const badSecret = new S3BlobStore({ ...s3.options, secretAccessKey: 'not-the-secret' });
    const secret = await refusal(badSecret.put(ws, Buffer.from('x')));
    expect(secret.code).toBe('unavailable');
    expect(secret.message).toMatch(/S3 refused the credentials \(SignatureDoesNotMatch\).*MERIDIAN_S3_SECRET_ACCESS_KEY/);
    expect(secret.message).not.toContain('not-the-secret');

    const badKey = new S3BlobStore({ ...s3.options, accessKeyId: 'NOBODY' });
    expect((await refusal(badKey.get(`${ws}/202601/${randomUUID()}`))).message).toMatch(
      /\(InvalidAccessKeyId\).*MERIDIAN_S3_ACCESS_KEY_ID/,
    );

    const noBucket = new S3BlobStore({ ...s3.options, bucket: 'no-such-bucket' });
    expect(await refusal(noBucket.put(ws, Buffer.from('x')))).toEqual({
      code: 'unavailable',
      message: 'attachment storage: S3 bucket "no-such-bucket" does not exist (MERIDIAN_S3_BUCKET)',
    });
  });

  it('reports an endpoint nobody listens on as unavailable', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const store = new S3BlobStore({ ...s3.options, endpoint: `http://127.0.0.1:${port}` });
    expect(await refusal(store.put(ws, Buffer.from('x')))).toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/cannot reach the S3 endpoint/),
    });
  });

  it('never returns bytes that were damaged on the way in', async () => {
    const relay = await corruptingRelay(s3.port);
    try {
      const through = new S3BlobStore({ ...s3.options, endpoint: `http://127.0.0.1:${relay.port}` });
      const put = await through.put(ws, Buffer.from('%PDF-1.7 invoice'));
      // This server keeps what it was sent (it checks neither Content-MD5 nor the payload hash, as AWS
      // and MinIO do); reading it back compares the bytes with the SHA-256 stored beside them.
      const direct = new S3BlobStore(s3.options);
      expect(await refusal(direct.get(put.key))).toMatchObject({
        code: 'unavailable',
        message: expect.stringMatching(/does not match its SHA-256/),
      });
    } finally {
      await relay.close();
    }
  });
});

describe('objectUrl', () => {
  const key = '0190a3c2-0000-7000-8000-000000000001/202603/2b1f7c1e-5f7e-4c43-9a55-0b1c2d3e4f50';
  it('addresses a bucket by path or by virtual host, keeping an endpoint path prefix', () => {
    expect(objectUrl({ endpoint: 'http://127.0.0.1:9000/', bucket: 'files', forcePathStyle: true }, key)).toBe(
      `http://127.0.0.1:9000/files/${key}`,
    );
    expect(objectUrl({ endpoint: 'https://s3.eu-central-1.amazonaws.com', bucket: 'files', forcePathStyle: false }, key)).toBe(
      `https://files.s3.eu-central-1.amazonaws.com/${key}`,
    );
    expect(objectUrl({ endpoint: 'https://gw.example/storage/', bucket: 'files', forcePathStyle: true }, key)).toBe(
      `https://gw.example/storage/files/${key}`,
    );
  });
});
