import type { Queryable } from '../db/types.js';

/** A workspace's translation settings as stored; the provider secret stays sealed here. */
export interface TranslationSettingsRow {
  provider: Record<string, unknown> | null;
  providerSecret: string | null;
  discloseMachineTranslation: boolean;
  criticalKeywords: Record<string, Record<string, string[]>> | null;
  /** Languages inbound detection may answer (null: any). */
  detectionLanguages: string[] | null;
  updatedAt: Date;
}

export async function findTranslationSettings(q: Queryable, workspaceId: string): Promise<TranslationSettingsRow | undefined> {
  const { rows } = await q.query<TranslationSettingsRow>(
    `SELECT provider, provider_secret AS "providerSecret", disclose_machine_translation AS "discloseMachineTranslation",
            critical_keywords AS "criticalKeywords", detection_languages AS "detectionLanguages", updated_at AS "updatedAt"
       FROM translation_settings WHERE workspace_id = $1`,
    [workspaceId],
  );
  return rows[0];
}

/** Locks the workspace's settings row (creating an empty one first) for a read-modify-write. */
export async function lockTranslationSettings(q: Queryable, workspaceId: string, at: Date): Promise<TranslationSettingsRow> {
  await q.query(`INSERT INTO translation_settings (workspace_id, updated_at) VALUES ($1, $2) ON CONFLICT (workspace_id) DO NOTHING`, [
    workspaceId,
    at,
  ]);
  const { rows } = await q.query<TranslationSettingsRow>(
    `SELECT provider, provider_secret AS "providerSecret", disclose_machine_translation AS "discloseMachineTranslation",
            critical_keywords AS "criticalKeywords", detection_languages AS "detectionLanguages", updated_at AS "updatedAt"
       FROM translation_settings WHERE workspace_id = $1 FOR UPDATE`,
    [workspaceId],
  );
  return rows[0]!;
}

export async function writeTranslationSettings(
  q: Queryable,
  workspaceId: string,
  s: Omit<TranslationSettingsRow, 'updatedAt'>,
  at: Date,
): Promise<void> {
  await q.query(
    `UPDATE translation_settings
        SET provider = $2, provider_secret = $3, disclose_machine_translation = $4, critical_keywords = $5, updated_at = $6,
            detection_languages = $7
      WHERE workspace_id = $1`,
    [
      workspaceId,
      s.provider === null ? null : JSON.stringify(s.provider),
      s.providerSecret,
      s.discloseMachineTranslation,
      s.criticalKeywords === null ? null : JSON.stringify(s.criticalKeywords),
      at,
      s.detectionLanguages,
    ],
  );
}
