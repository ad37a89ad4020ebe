import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { systemClock, type Clock } from '../lib/clock.js';
import { AppError } from '../lib/errors.js';

/**
 * Where message bytes live (raw mail, attachments): FsBlobStore below, or S3BlobStore
 * (s3-blob-store.ts). Keys are generated here, never derived from anything a sender chose, so a file
 * name cannot steer where bytes land. `put` returns only once the bytes are durable (fsync'd file and
 * directory; S3's 200): callers commit the row that names the key after it, which is what lets the
 * SMTP listener answer 250 after commit and mean it. A missing key is AppError `not_found`.
 */
export interface BlobStore {
  put(workspaceId: string, bytes: Buffer): Promise<{ key: string; sha256: string; size: number }>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

/** `{workspace uuid}/{yyyymm}/{uuid}`: the only shape a store accepts, so no caller-made path reaches it. */
export const BLOB_KEY = /^[0-9a-f-]{36}\/\d{6}\/[0-9a-f-]{36}$/;

/** Blobs as files under one directory: `{workspace}/{yyyymm}/{uuid}`. */
export class FsBlobStore implements BlobStore {
  private readonly made = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly clock: Clock = systemClock,
  ) {}

  private file(key: string): string {
    if (!BLOB_KEY.test(key)) throw new Error(`not a blob key: ${key}`);
    return path.join(this.dir, key);
  }

  async put(workspaceId: string, bytes: Buffer): Promise<{ key: string; sha256: string; size: number }> {
    const month = this.clock().toISOString().slice(0, 7).replace('-', '');
    const key = `${workspaceId}/${month}/${randomUUID()}`;
    const file = this.file(key);
    const folder = path.dirname(file);
    if (!this.made.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.made.add(folder);
    }
    const tmp = `${file}.tmp`;
    const fh = await open(tmp, 'wx', 0o600);
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
    // The rename is durable only once the directory entry is.
    const dh = await open(folder, 'r');
    try {
      await dh.sync();
    } finally {
      await dh.close();
    }
    return { key, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.file(key));
    } catch (err) {
      // The same answer as the S3 store gives for a missing object.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('not_found', 'stored file not found');
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }
}
