import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { fixedClock } from '../lib/clock.js';
import { startS3, type TestS3 } from '../test/s3/s3rver.js';
import { FsBlobStore } from './blob-store.js';
import { createBlobStore } from './create-blob-store.js';
import { S3BlobStore } from './s3-blob-store.js';

/** From environment to a working store, the way startServer builds it. */
describe('createBlobStore', () => {
  let s3: TestS3;
  const dir = mkdtempSync(path.join(tmpdir(), 'meridian-blobs-'));
  const clock = fixedClock('2026-07-01T00:00:00Z');
  beforeAll(async () => {
    s3 = await startS3();
  });
  afterAll(async () => {
    await s3?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores files under MERIDIAN_BLOB_DIR by default', async () => {
    const store = createBlobStore(loadConfig({}, { MERIDIAN_BLOB_DIR: dir }), clock);
    expect(store).toBeInstanceOf(FsBlobStore);
    const put = await store.put(randomUUID(), Buffer.from('on disk'));
    expect((await store.get(put.key)).toString()).toBe('on disk');
    await store.delete(put.key);
    await expect(store.get(put.key)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('stores objects in the bucket MERIDIAN_S3_* name when MERIDIAN_BLOB_STORE=s3', async () => {
    const env = {
      MERIDIAN_BLOB_STORE: 's3',
      MERIDIAN_S3_ENDPOINT: s3.options.endpoint,
      MERIDIAN_S3_BUCKET: s3.options.bucket,
      MERIDIAN_S3_FORCE_PATH_STYLE: 'true',
      MERIDIAN_S3_ACCESS_KEY_ID: s3.options.accessKeyId,
      MERIDIAN_S3_SECRET_ACCESS_KEY: s3.options.secretAccessKey,
    };
    const store = createBlobStore(loadConfig({}, env), clock);
    expect(store).toBeInstanceOf(S3BlobStore);
    const put = await store.put(randomUUID(), Buffer.from('in the bucket'));
    expect(put.key).toMatch(/\/202607\//);
    expect((await new S3BlobStore(s3.options).get(put.key)).toString()).toBe('in the bucket');
  });
});
