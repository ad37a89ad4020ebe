import type { Queryable } from '../../db/types.js';
import type { AuditEntry } from '../../events/audit.repo.js';
import { recordChange } from '../../events/events.repo.js';
import { AppError } from '../../lib/errors.js';
import type { SecretBox } from '../../lib/secret-box.js';
import { lockMailSettings, workspaceAddresses, writeMailSettings, type MailSettingsRow } from './mail-settings.repo.js';
import type { PutMailSettingsBody } from './mail-outbound.schema.js';
import { isPrivateRelayHost, parseRelayUrl } from './relay.js';

const invalid = (path: string, message: string, why: string) => new AppError('validation_failed', message, [{ path, message: why }]);

/**
 * Saves a workspace's outbound mail settings (fields left out keep their value). The relay URL
 * carries no credentials (user and password are fields of their own; the password is sealed with
 * the workspace id as associated data and dropped when the relay or user changes without a new
 * one); a host that is a private, loopback or link-local literal (or localhost) is refused unless
 * the operator allowed it, and names are checked again when the sender connects. The From address
 * must be one the workspace receives at, so replies come back to it.
 */
export async function updateMailSettings(
  tx: Queryable,
  workspaceId: string,
  actor: Pick<AuditEntry, 'actorType' | 'actorId'>,
  body: PutMailSettingsBody,
  ctx: { box: SecretBox; allowedHosts: readonly string[] },
  at: Date,
): Promise<MailSettingsRow> {
  const current = await lockMailSettings(tx, workspaceId, at);
  const next = { ...current };
  if (body.enabled !== undefined) next.enabled = body.enabled;
  if (body.fromName !== undefined) next.fromName = body.fromName?.trim() || null;
  if (body.fromAddress !== undefined) {
    const address = body.fromAddress?.toLowerCase() ?? null;
    if (address && !(await workspaceAddresses(tx, workspaceId)).some((a) => a.address === address)) {
      throw invalid('body/fromAddress', 'the From address must be one this workspace receives mail at', 'not a workspace address');
    }
    next.fromAddress = address;
  }
  if (body.relayUrl !== undefined) {
    if (body.relayUrl !== null) {
      const r = parseRelayUrl(body.relayUrl);
      if (!r || r.user !== undefined) {
        throw invalid(
          'body/relayUrl',
          'relayUrl is smtp://host[:port] or smtps://host[:port]; put credentials in relayUser and relayPassword',
          'invalid relay URL',
        );
      }
      if (isPrivateRelayHost(r.host, r.port, ctx.allowedHosts)) {
        throw new AppError('private_address', `${r.host} is a private or reserved address; a workspace relay must be reachable publicly`, [
          { path: 'body/relayUrl', message: 'private address' },
        ]);
      }
    }
    next.relayUrl = body.relayUrl;
  }
  if (body.relayUser !== undefined) next.relayUser = body.relayUser;
  if (body.relayPassword !== undefined)
    next.relaySecret = body.relayPassword === null ? null : ctx.box.seal(body.relayPassword, workspaceId);
  else if (next.relayUrl !== current.relayUrl || next.relayUser !== current.relayUser) next.relaySecret = null;

  await writeMailSettings(tx, workspaceId, next, at);
  const changed = Object.keys(body).sort();
  await recordChange(
    tx,
    workspaceId,
    { type: 'mail_settings.updated', subjectId: workspaceId, payload: { changed, enabled: next.enabled } },
    { ...actor, action: 'mail_settings.update', targetType: 'workspace', targetId: workspaceId, data: { changed } },
    at,
  );
  return { ...next, updatedAt: at };
}
