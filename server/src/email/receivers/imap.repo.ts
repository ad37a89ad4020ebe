import type { Queryable } from '../../db/types.js';

export type ImapSecurity = 'tls' | 'starttls' | 'none';

/** A workspace's IMAP mailbox as stored; the password stays sealed here. */
export interface ImapAccountRow {
  workspaceId: string;
  host: string;
  port: number;
  security: ImapSecurity;
  username: string;
  passwordSealed: string;
  mailbox: string;
  address: string | null;
  idle: boolean;
  enabled: boolean;
  uidValidity: string | null;
  lastUid: number;
  lastPollAt: Date | null;
  lastError: string | null;
  updatedAt: Date;
}

export type ImapAccountInput = Pick<
  ImapAccountRow,
  'host' | 'port' | 'security' | 'username' | 'passwordSealed' | 'mailbox' | 'address' | 'idle' | 'enabled'
>;

const COLUMNS = `workspace_id AS "workspaceId", host, port, security, username, password_sealed AS "passwordSealed", mailbox,
  address, idle, enabled, uid_validity::text AS "uidValidity", last_uid::float8 AS "lastUid", last_poll_at AS "lastPollAt",
  last_error AS "lastError", updated_at AS "updatedAt"`;

export async function findImapAccount(q: Queryable, workspaceId: string, lock = false): Promise<ImapAccountRow | undefined> {
  const { rows } = await q.query<ImapAccountRow>(
    `SELECT ${COLUMNS} FROM mail_imap_accounts WHERE workspace_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [workspaceId],
  );
  return rows[0];
}

/** Saves the settings; `resetPosition` forgets UIDVALIDITY and the last UID (another server, user or folder). */
export async function saveImapAccount(
  q: Queryable,
  workspaceId: string,
  a: ImapAccountInput,
  resetPosition: boolean,
  at: Date,
): Promise<ImapAccountRow> {
  const { rows } = await q.query<ImapAccountRow>(
    `INSERT INTO mail_imap_accounts (workspace_id, host, port, security, username, password_sealed, mailbox, address, idle, enabled,
                                     created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
     ON CONFLICT (workspace_id) DO UPDATE
       SET host = $2, port = $3, security = $4, username = $5, password_sealed = $6, mailbox = $7, address = $8, idle = $9,
           enabled = $10, updated_at = $11, last_error = NULL,
           uid_validity = CASE WHEN $12 THEN NULL ELSE mail_imap_accounts.uid_validity END,
           last_uid = CASE WHEN $12 THEN 0 ELSE mail_imap_accounts.last_uid END
     RETURNING ${COLUMNS}`,
    [workspaceId, a.host, a.port, a.security, a.username, a.passwordSealed, a.mailbox, a.address, a.idle, a.enabled, at, resetPosition],
  );
  return rows[0]!;
}

/**
 * Takes the poll lease of a workspace's enabled mailbox until `until`, unless another poll holds it.
 * Returns the account when this caller may poll it now.
 */
export async function leaseImapAccount(q: Queryable, workspaceId: string, at: Date, until: Date): Promise<ImapAccountRow | undefined> {
  const { rows } = await q.query<ImapAccountRow>(
    `UPDATE mail_imap_accounts SET lease_until = $3
      WHERE workspace_id = $1 AND enabled AND (lease_until IS NULL OR lease_until <= $2)
      RETURNING ${COLUMNS}`,
    [workspaceId, at, until],
  );
  return rows[0];
}

/** Workspaces whose mailbox is enabled and not being polled: the background poller's round. */
export async function listPollableImapAccounts(q: Queryable, at: Date): Promise<string[]> {
  const { rows } = await q.query<{ workspaceId: string }>(
    `SELECT workspace_id AS "workspaceId" FROM mail_imap_accounts
      WHERE enabled AND (lease_until IS NULL OR lease_until <= $1) ORDER BY last_poll_at NULLS FIRST`,
    [at],
  );
  return rows.map((r) => r.workspaceId);
}

/** Records progress after a committed ingest: the folder's UIDVALIDITY and the highest UID done. */
export async function saveImapPosition(q: Queryable, workspaceId: string, uidValidity: string, lastUid: number): Promise<void> {
  await q.query(`UPDATE mail_imap_accounts SET uid_validity = $2::bigint, last_uid = $3 WHERE workspace_id = $1`, [
    workspaceId,
    uidValidity,
    lastUid,
  ]);
}

/** Ends a poll: releases the lease and records when and how it went. */
export async function finishImapPoll(q: Queryable, workspaceId: string, at: Date, error: string | null): Promise<void> {
  await q.query(`UPDATE mail_imap_accounts SET lease_until = NULL, last_poll_at = $2, last_error = $3 WHERE workspace_id = $1`, [
    workspaceId,
    at,
    error === null ? null : error.slice(0, 500),
  ]);
}
