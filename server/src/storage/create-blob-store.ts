import type { Config } from '../config.js';
import type { Clock } from '../lib/clock.js';
import { FsBlobStore, type BlobStore } from './blob-store.js';
import { S3BlobStore } from './s3-blob-store.js';

/** The server's one blob store, as configured: files under blobDir (default) or an S3-compatible bucket. */
export function createBlobStore(config: Pick<Config, 'blobDir' | 'blobStore' | 's3'>, clock: Clock): BlobStore {
  if (config.blobStore === 's3') {
    if (!config.s3) throw new Error('MERIDIAN_BLOB_STORE=s3 without S3 settings'); // loadConfig never returns this
    return new S3BlobStore(config.s3, clock);
  }
  return new FsBlobStore(config.blobDir, clock);
}
