import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from '@20minutes/s3rver';
import type { S3Options } from '../../storage/s3-blob-store.js';

export interface TestS3 {
  /** Settings for S3BlobStore against this server (path style, its one key pair). */
  options: S3Options;
  port: number;
  close(): Promise<void>;
}

/**
 * A real S3-compatible server (s3rver: the S3 REST API with SigV4 checks, objects on disk) on
 * loopback, port 0, in this process. Its only key pair is S3RVER / S3RVER.
 */
export async function startS3(bucket = 'meridian-test'): Promise<TestS3> {
  const dir = mkdtempSync(path.join(tmpdir(), 'meridian-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    port,
    options: {
      endpoint: `http://127.0.0.1:${port}`,
      bucket,
      region: 'us-east-1',
      forcePathStyle: true,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
    },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
