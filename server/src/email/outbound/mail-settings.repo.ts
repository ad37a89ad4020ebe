import type { Queryable } from '../../db/types.js';

/** A workspace's outbound mail settings as stored; the relay password stays sealed here. */
export interface MailSettingsRow {
  enabled: boolean;
  fromName: string | null;
  fromAddress: string | null;
  /** smtp://host:port or smtps://host:port, without credentials; null: the server's relay. */
  relayUrl: string | null;
  relayUser: string | null;
  /** The relay password, sealed by the SecretBox for this workspace. */
  relaySecret: string | null;
  updatedAt: Date | null;
}

const COLS = `enabled, from_name AS "fromName", from_address AS "fromAddress", relay_url AS "relayUrl", relay_user AS "relayUser",
  relay_secret AS "relaySecret", updated_at AS "updatedAt"`;

export const DEFAULT_MAIL_SETTINGS: MailSettingsRow = {
  enabled: true,
  fromName: null,
  fromAddress: null,
  relayUrl: null,
  relayUser: null,
  relaySecret: null,
  updatedAt: null,
};

export async function findMailSettings(q: Queryable, workspaceId: string): Promise<MailSettingsRow> {
  const { rows } = await q.query<MailSettingsRow>(`SELECT ${COLS} FROM mail_settings WHERE workspace_id = $1`, [workspaceId]);
  return rows[0] ?? DEFAULT_MAIL_SETTINGS;
}

/** Locks the workspace's settings row (creating a default one first) for a read-modify-write. */
export async function lockMailSettings(q: Queryable, workspaceId: string, at: Date): Promise<MailSettingsRow> {
  await q.query(`INSERT INTO mail_settings (workspace_id, updated_at) VALUES ($1, $2) ON CONFLICT (workspace_id) DO NOTHING`, [
    workspaceId,
    at,
  ]);
  const { rows } = await q.query<MailSettingsRow>(`SELECT ${COLS} FROM mail_settings WHERE workspace_id = $1 FOR UPDATE`, [workspaceId]);
  return rows[0]!;
}

export async function writeMailSettings(q: Queryable, workspaceId: string, s: Omit<MailSettingsRow, 'updatedAt'>, at: Date): Promise<void> {
  await q.query(
    `UPDATE mail_settings
        SET enabled = $2, from_name = $3, from_address = $4, relay_url = $5, relay_user = $6, relay_secret = $7, updated_at = $8
      WHERE workspace_id = $1`,
    [workspaceId, s.enabled, s.fromName, s.fromAddress, s.relayUrl, s.relayUser, s.relaySecret, at],
  );
}

/** The addresses the workspace receives at, oldest first (the first is the default From). */
export async function workspaceAddresses(q: Queryable, workspaceId: string): Promise<{ address: string; name: string | null }[]> {
  const { rows } = await q.query<{ address: string; name: string | null }>(
    `SELECT address, name FROM mail_addresses WHERE workspace_id = $1 ORDER BY created_at, id`,
    [workspaceId],
  );
  return rows;
}
