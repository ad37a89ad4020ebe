import type { Db } from '../db/types.js';
import { findSettingsByKey, type WidgetSettingsRow } from './widget.repo.js';

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * Widget settings by public key, cached for a few seconds: every page view and socket names the key,
 * and an unknown key (a scanner) must not cost a query per request either. A save in this process
 * drops the workspace's entry at once; other processes see it within TTL_MS.
 */
export class WidgetDirectory {
  private readonly cache = new Map<string, { row: WidgetSettingsRow | null; until: number }>();

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  async byKey(key: string): Promise<WidgetSettingsRow | null> {
    const t = this.now();
    const hit = this.cache.get(key);
    if (hit && hit.until > t) return hit.row;
    const row = (await findSettingsByKey(this.db, key)) ?? null;
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(key, { row, until: t + TTL_MS });
    return row;
  }

  forget(workspaceId: string): void {
    for (const [k, v] of this.cache) if (v.row?.workspaceId === workspaceId) this.cache.delete(k);
  }
}
