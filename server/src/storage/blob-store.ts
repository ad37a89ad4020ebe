import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { systemClock, type Clock } from '../lib/clock.js';

/**
 * Where message bytes live (raw mail, attachments). Keys are generated here, never derived from
 * anything a sender chose, so a file name cannot steer where bytes land. `put` returns only once the
 * bytes are on disk (fsync'd file and directory): callers commit the row that names the key after it,
 * which is what lets the SMTP listener answer 250 after commit and mean it.
 */
export interface BlobStore {
  put(workspaceId: string, bytes: Buffer): Promise<{ key: string; sha256: string; size: number }>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

const KEY = /^[0-9a-f-]{36}\/\d{6}\/[0-9a-f-]{36}$/;

/** Blobs as files under one directory: `{workspace}/{yyyymm}/{uuid}`. */
export class FsBlobStore implements BlobStore {
  private readonly made = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly clock: Clock = systemClock,
  ) {}

  private file(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a blob key: ${key}`);
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

  get(key: string): Promise<Buffer> {
    return readFile(this.file(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }
}
