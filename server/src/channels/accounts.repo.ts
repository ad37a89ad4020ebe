import type { Queryable } from '../db/types.js';

export type ChannelKind = 'whatsapp' | 'telegram' | 'sms';
export const CHANNEL_KINDS: readonly ChannelKind[] = ['whatsapp', 'telegram', 'sms'];

/** What is not secret, per kind (stored as settings jsonb, shown by the API). */
export interface WhatsAppSettings {
  phoneNumberId: string;
  businessAccountId: string | null;
  /** Our number, E.164 with '+'. */
  displayPhoneNumber: string | null;
  graphApiVersion: string;
}
export interface TelegramSettings {
  botUsername: string | null;
}
/** A Twilio sender: a number of ours, or a Messaging Service (then fromNumber may be null). */
export interface SmsSettings {
  accountSid: string;
  fromNumber: string | null;
  messagingServiceSid: string | null;
}
export interface ChannelSettingsByKind {
  whatsapp: WhatsAppSettings;
  telegram: TelegramSettings;
  sms: SmsSettings;
}

/** The secrets, per kind: sealed as one JSON object in secrets_sealed, never returned. */
export interface ChannelSecretsByKind {
  whatsapp: { appSecret: string; accessToken: string; verifyToken: string };
  telegram: { botToken: string; secretToken: string };
  sms: { authToken: string };
}

export interface ChannelAccountRow<K extends ChannelKind = ChannelKind> {
  id: string;
  workspaceId: string;
  kind: K;
  name: string;
  settings: ChannelSettingsByKind[K];
  secretsSealed: string;
  webhookId: string;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type ChannelAccountInsert = Omit<ChannelAccountRow, 'workspaceId' | 'createdAt' | 'updatedAt'>;
export type ChannelAccountChanges = Partial<Pick<ChannelAccountRow, 'name' | 'settings' | 'secretsSealed' | 'enabled'>>;

const COLUMNS = `id, workspace_id AS "workspaceId", kind, name, settings, secrets_sealed AS "secretsSealed", webhook_id AS "webhookId",
  enabled, created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function insertChannelAccount(
  q: Queryable,
  workspaceId: string,
  a: ChannelAccountInsert,
  at: Date,
): Promise<ChannelAccountRow> {
  const { rows } = await q.query<ChannelAccountRow>(
    `INSERT INTO channel_accounts (id, workspace_id, kind, name, settings, secrets_sealed, webhook_id, enabled, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING ${COLUMNS}`,
    [a.id, workspaceId, a.kind, a.name, JSON.stringify(a.settings), a.secretsSealed, a.webhookId, a.enabled, at],
  );
  return rows[0]!;
}

/** A workspace's accounts, oldest first (a workspace has a handful). */
export async function listChannelAccounts(q: Queryable, workspaceId: string): Promise<ChannelAccountRow[]> {
  const { rows } = await q.query<ChannelAccountRow>(
    `SELECT ${COLUMNS} FROM channel_accounts WHERE workspace_id = $1 ORDER BY created_at, id LIMIT 1000`,
    [workspaceId],
  );
  return rows;
}

export async function findChannelAccount(
  q: Queryable,
  workspaceId: string,
  id: string,
  lock = false,
): Promise<ChannelAccountRow | undefined> {
  const { rows } = await q.query<ChannelAccountRow>(
    `SELECT ${COLUMNS} FROM channel_accounts WHERE workspace_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
    [workspaceId, id],
  );
  return rows[0];
}

export async function updateChannelAccount(
  q: Queryable,
  workspaceId: string,
  id: string,
  c: ChannelAccountChanges,
  at: Date,
): Promise<ChannelAccountRow | undefined> {
  const { rows } = await q.query<ChannelAccountRow>(
    `UPDATE channel_accounts
        SET name = COALESCE($3, name), settings = COALESCE($4::jsonb, settings), secrets_sealed = COALESCE($5, secrets_sealed),
            enabled = COALESCE($6, enabled), updated_at = $7
      WHERE workspace_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
    [
      workspaceId,
      id,
      c.name ?? null,
      c.settings === undefined ? null : JSON.stringify(c.settings),
      c.secretsSealed ?? null,
      c.enabled ?? null,
      at,
    ],
  );
  return rows[0];
}

export async function deleteChannelAccount(q: Queryable, workspaceId: string, id: string): Promise<boolean> {
  const { rows } = await q.query(`DELETE FROM channel_accounts WHERE workspace_id = $1 AND id = $2 RETURNING id`, [workspaceId, id]);
  return rows.length > 0;
}

/**
 * The account a webhook call names: unscoped, because the random webhook id in the URL is how a
 * provider's request finds its workspace (as a mail recipient address does). The caller must then
 * verify the request with the account's own secret before trusting anything in it.
 */
export async function findChannelAccountByWebhook(
  q: Queryable,
  kind: ChannelKind,
  webhookId: string,
): Promise<ChannelAccountRow | undefined> {
  const { rows } = await q.query<ChannelAccountRow>(`SELECT ${COLUMNS} FROM channel_accounts WHERE webhook_id = $1 AND kind = $2`, [
    webhookId,
    kind,
  ]);
  return rows[0];
}
