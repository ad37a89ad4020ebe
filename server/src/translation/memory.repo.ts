import { createHash } from 'node:crypto';
import type { Queryable } from '../db/types.js';

export interface MemoryKey {
  provider: string;
  source: string;
  target: string;
  format: string;
}

export const segmentHash = (text: string): string => createHash('sha256').update(text).digest('hex');

export async function lookupMemory(
  q: Queryable,
  workspaceId: string,
  k: MemoryKey,
  hashes: string[],
): Promise<Map<string, { text: string; unknownRatio: number | null }>> {
  if (hashes.length === 0) return new Map();
  const { rows } = await q.query<{ hash: string; text: string; unknownRatio: number | null }>(
    `SELECT source_hash AS hash, translated_text AS text, unknown_ratio AS "unknownRatio" FROM translation_memory
      WHERE workspace_id = $1 AND provider = $2 AND source_lang = $3 AND target_lang = $4 AND format = $5 AND source_hash = ANY($6::text[])`,
    [workspaceId, k.provider, k.source, k.target, k.format, hashes],
  );
  return new Map(rows.map((r) => [r.hash, { text: r.text, unknownRatio: r.unknownRatio }]));
}

export async function touchMemory(q: Queryable, workspaceId: string, k: MemoryKey, hashes: string[], at: Date): Promise<void> {
  if (hashes.length === 0) return;
  await q.query(
    `UPDATE translation_memory SET hits = hits + 1, last_used_at = $7
      WHERE workspace_id = $1 AND provider = $2 AND source_lang = $3 AND target_lang = $4 AND format = $5 AND source_hash = ANY($6::text[])`,
    [workspaceId, k.provider, k.source, k.target, k.format, hashes, at],
  );
}

export async function storeMemory(
  q: Queryable,
  workspaceId: string,
  k: MemoryKey,
  entries: { source: string; translated: string; unknownRatio: number | null }[],
  at: Date,
): Promise<void> {
  for (const e of entries) {
    await q.query(
      `INSERT INTO translation_memory (workspace_id, provider, source_lang, target_lang, format, source_hash, source_text, translated_text, unknown_ratio, created_at, last_used_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
       ON CONFLICT (workspace_id, provider, source_lang, target_lang, format, source_hash) DO NOTHING`,
      [workspaceId, k.provider, k.source, k.target, k.format, segmentHash(e.source), e.source, e.translated, e.unknownRatio, at],
    );
  }
}
