import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Harness } from '../harness.js';
import { SecretBox } from '../../lib/secret-box.js';
import { newId } from '../../lib/ids.js';
import { FsBlobStore } from '../../storage/blob-store.js';
import { createMailIngest } from '../../email/ingest-mail.js';
import { insertAddress } from '../../email/mail.repo.js';
import { ThreadTokens } from '../../email/thread-token.js';

/** Test helpers for inbound mail: a raw message from header lines and a body, CRLF line ends. */
export function rawMail(headers: Record<string, string>, body: string): Buffer {
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}`, 'utf8');
}

/** A real ingest over the harness database with blobs in a temp dir; close() removes the dir. */
export function ingestFor(h: Harness, secretBox: SecretBox) {
  const dir = mkdtempSync(path.join(tmpdir(), 'meridian-blobs-'));
  const blobs = new FsBlobStore(dir, h.clock);
  const tokens = new ThreadTokens(secretBox);
  const ingest = createMailIngest({ db: h.db, clock: h.clock, blobs, tokens, onCommit: () => {} });
  return { ingest, blobs, tokens, dir, close: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function addMailbox(h: Harness, workspaceId: string, address: string): Promise<void> {
  await h.db.transaction((tx) => insertAddress(tx, workspaceId, { id: newId(), address, name: null, createdAt: h.clock() }));
}
