import { canonicalLocale } from '../culture/culture.js';
import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { recordChange } from '../events/events.repo.js';
import { AppError, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { deleteChangeRow, findChange, insertChange, updateChangeRow, type ChangeRow } from './changes.repo.js';
import type { CreateChangeBody, UpdateChangeBody } from './changes.schema.js';

export type Actor = Pick<AuditEntry, 'actorType' | 'actorId'>;

/** Canonical tags (pt-br → pt-BR) so a lookup by the customer's locale finds the lead's text; two spellings of one tag are refused. */
function canonicalTexts(texts: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [tag, text] of Object.entries(texts)) {
    const key = canonicalLocale(tag);
    const path = `body/texts/${tag}`;
    if (!key) throw new AppError('validation_failed', `"${tag}" is not a language tag`, [{ path, message: 'invalid language tag' }]);
    if (key in out) throw new AppError('validation_failed', `two texts for ${key}`, [{ path, message: 'duplicate locale' }]);
    out[key] = text;
  }
  return out;
}

function sourceLanguageOf(tag: string): string {
  const key = canonicalLocale(tag);
  if (!key)
    throw new AppError('validation_failed', `"${tag}" is not a language tag`, [{ path: 'body/sourceLanguage', message: 'invalid' }]);
  return key;
}

const audit = (actor: Actor, action: string, id: string, data?: Record<string, unknown>): AuditEntry => ({
  ...actor,
  action,
  targetType: 'change',
  targetId: id,
  ...(data ? { data } : {}),
});

export async function createChange(tx: Queryable, workspaceId: string, actor: Actor, body: CreateChangeBody, at: Date): Promise<ChangeRow> {
  const id = newId();
  await insertChange(
    tx,
    workspaceId,
    {
      id,
      title: body.title,
      description: body.description,
      sourceLanguage: sourceLanguageOf(body.sourceLanguage),
      texts: canonicalTexts(body.texts ?? {}),
      createdBy: { type: actor.actorType, id: actor.actorId },
    },
    at,
  );
  await recordChange(
    tx,
    workspaceId,
    { type: 'change.created', subjectId: id, payload: { changeId: id } },
    audit(actor, 'change.create', id),
    at,
  );
  return (await findChange(tx, workspaceId, id))!;
}

/**
 * Edits a change, also after it was announced: customers told later (linked after the
 * announcement) get the text as it is then; those told keep the note they got.
 */
export async function updateChange(
  tx: Queryable,
  workspaceId: string,
  actor: Actor,
  id: string,
  body: UpdateChangeBody,
  at: Date,
): Promise<ChangeRow> {
  if (!(await findChange(tx, workspaceId, id, true))) throw notFound('change');
  await updateChangeRow(
    tx,
    workspaceId,
    id,
    {
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.sourceLanguage !== undefined ? { sourceLanguage: sourceLanguageOf(body.sourceLanguage) } : {}),
      ...(body.texts !== undefined ? { texts: canonicalTexts(body.texts) } : {}),
    },
    at,
  );
  await recordChange(
    tx,
    workspaceId,
    { type: 'change.updated', subjectId: id, payload: { changeId: id } },
    audit(actor, 'change.update', id, { fields: Object.keys(body) }),
    at,
  );
  return (await findChange(tx, workspaceId, id))!;
}

/** A draft can go; a change any customer was told of is the record of what they were told and stays. */
export async function deleteChange(tx: Queryable, workspaceId: string, actor: Actor, id: string, at: Date): Promise<void> {
  const change = await findChange(tx, workspaceId, id, true);
  if (!change) throw notFound('change');
  if (change.status === 'announced' || change.counts.told > 0)
    throw new AppError('conflict', 'this change was announced to customers: it stays on record');
  await deleteChangeRow(tx, workspaceId, id);
  await recordChange(
    tx,
    workspaceId,
    { type: 'change.deleted', subjectId: id, payload: { changeId: id } },
    audit(actor, 'change.delete', id),
    at,
  );
}
