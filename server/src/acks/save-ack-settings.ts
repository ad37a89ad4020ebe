import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { recordChange } from '../events/events.repo.js';
import { saveAckSettings, type AckSettings } from './acks.repo.js';
import type { AckSettingsBody } from './acks.schema.js';

/** Replaces a workspace's acknowledgement settings; writes the change to the outbox and the audit log. */
export async function updateAckSettings(
  tx: Queryable,
  workspaceId: string,
  actor: Pick<AuditEntry, 'actorType' | 'actorId'>,
  body: AckSettingsBody,
  at: Date,
): Promise<AckSettings> {
  await saveAckSettings(tx, workspaceId, body, at);
  await recordChange(
    tx,
    workspaceId,
    { type: 'acknowledgement_settings.updated', subjectId: workspaceId, payload: { ...body } },
    { ...actor, action: 'acknowledgement_settings.update', targetType: 'workspace', targetId: workspaceId, data: { ...body } },
    at,
  );
  return { ...body, updatedAt: at };
}
