import type { Queryable } from '../../db/types.js';
import type { AuditEntry } from '../../events/audit.repo.js';
import { recordChange } from '../../events/events.repo.js';
import { AppError } from '../../lib/errors.js';
import type { SecretBox } from '../../lib/secret-box.js';
import { assertImapHost } from './imap-connect.js';
import { findImapAccount, saveImapAccount, type ImapAccountRow } from './imap.repo.js';
import type { PutImapBody } from './imap.schema.js';

export interface ImapSettingsContext {
  box: SecretBox;
  allowedHosts: readonly string[];
}

/**
 * Saves a workspace's IMAP mailbox. The password is sealed (workspace id as associated data) and
 * kept when re-saved without one for the same host and user; another host, user or folder starts
 * the poll position again (a refetch is deduplicated by ingest).
 */
export async function updateImapSettings(
  tx: Queryable,
  workspaceId: string,
  actor: Pick<AuditEntry, 'actorType' | 'actorId'>,
  body: PutImapBody,
  ctx: ImapSettingsContext,
  at: Date,
): Promise<ImapAccountRow> {
  assertImapHost(body.host, body.port, ctx.allowedHosts);
  const current = await findImapAccount(tx, workspaceId, true);
  const host = body.host.toLowerCase().replace(/\.$/, '');
  const sameLogin = current !== undefined && current.host === host && current.port === body.port && current.username === body.username;
  if (body.password === undefined && !sameLogin) {
    throw new AppError('validation_failed', 'password is required for a new host or user', [
      { path: 'body/password', message: 'required' },
    ]);
  }
  const mailbox = body.mailbox ?? 'INBOX';
  const row = await saveImapAccount(
    tx,
    workspaceId,
    {
      host,
      port: body.port,
      security: body.security,
      username: body.username,
      passwordSealed: body.password === undefined ? current!.passwordSealed : ctx.box.seal(body.password, workspaceId),
      mailbox,
      address: body.address === undefined ? (current?.address ?? null) : body.address && body.address.toLowerCase(),
      idle: body.idle ?? current?.idle ?? false,
      enabled: body.enabled ?? current?.enabled ?? true,
    },
    !sameLogin || current.mailbox !== mailbox,
    at,
  );
  const changed = Object.keys(body)
    .filter((k) => k !== 'password')
    .concat(body.password === undefined ? [] : ['password'])
    .sort();
  await recordChange(
    tx,
    workspaceId,
    { type: 'mail_imap.updated', subjectId: workspaceId, payload: { changed, enabled: row.enabled } },
    { ...actor, action: 'mail_imap.update', targetType: 'workspace', targetId: workspaceId, data: { changed, host } },
    at,
  );
  return row;
}
