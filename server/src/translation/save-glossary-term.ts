import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { recordChange } from '../events/events.repo.js';
import { AppError, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import {
  countGlossary,
  glossaryTermTaken,
  deleteGlossaryTerm,
  findGlossaryTerm,
  insertGlossaryTerm,
  updateGlossaryTerm,
  type GlossaryTermRow,
} from './glossary.repo.js';
import type { GlossaryTermBody } from './settings.schema.js';

/** A glossary is read whole on every translation: keep it to a size that stays cheap. */
export const MAX_GLOSSARY_TERMS = 2000;

type Actor = Pick<AuditEntry, 'actorType' | 'actorId'>;

function canonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0]!;
  } catch {
    throw new AppError('validation_failed', `"${tag}" is not a language tag`, [{ path: 'body/language', message: 'not BCP 47' }]);
  }
}

function values(body: GlossaryTermBody, base?: GlossaryTermRow) {
  const term = body.term.trim();
  if (term === '') throw new AppError('validation_failed', 'term is blank', [{ path: 'body/term', message: 'blank' }]);
  return {
    term,
    // One spelling per language ('EN' and 'en-us' are 'en', 'en-US'), so the uniqueness check means something.
    language: body.language === undefined ? (base?.language ?? null) : body.language && canonical(body.language),
    translations: body.translations ?? base?.translations ?? {},
    caseSensitive: body.caseSensitive ?? base?.caseSensitive ?? false,
    note: body.note === undefined ? (base?.note ?? null) : body.note,
  };
}

/**
 * One term per spelling (any case) and language, as the unique index has it: refused up front with
 * the field named, so the index only ever catches a concurrent request (409 conflict, retry).
 */
async function assertFree(tx: Queryable, workspaceId: string, v: { term: string; language: string | null }, self?: string) {
  if (await glossaryTermTaken(tx, workspaceId, v, self)) {
    throw new AppError('already_exists', `the glossary has "${v.term}" already`, [{ path: 'body/term', message: 'taken' }]);
  }
}

async function record(tx: Queryable, workspaceId: string, actor: Actor, action: 'create' | 'update' | 'delete', id: string, at: Date) {
  await recordChange(
    tx,
    workspaceId,
    { type: `glossary_term.${action}d`, subjectId: id, payload: { termId: id } },
    { ...actor, action: `glossary_term.${action}`, targetType: 'glossary_term', targetId: id },
    at,
  );
}

export async function createGlossaryTerm(
  tx: Queryable,
  workspaceId: string,
  actor: Actor,
  body: GlossaryTermBody,
  at: Date,
): Promise<GlossaryTermRow> {
  if ((await countGlossary(tx, workspaceId)) >= MAX_GLOSSARY_TERMS) {
    throw new AppError('conflict', `a glossary holds at most ${MAX_GLOSSARY_TERMS} terms`);
  }
  const v = values(body);
  await assertFree(tx, workspaceId, v);
  const row = await insertGlossaryTerm(tx, workspaceId, { id: newId(), ...v }, at);
  await record(tx, workspaceId, actor, 'create', row.id, at);
  return row;
}

export async function changeGlossaryTerm(
  tx: Queryable,
  workspaceId: string,
  actor: Actor,
  id: string,
  body: GlossaryTermBody,
  at: Date,
): Promise<GlossaryTermRow> {
  const base = await findGlossaryTerm(tx, workspaceId, id);
  if (!base) throw notFound('glossary term');
  const v = values(body, base);
  await assertFree(tx, workspaceId, v, id);
  const row = (await updateGlossaryTerm(tx, workspaceId, id, v, at))!;
  await record(tx, workspaceId, actor, 'update', id, at);
  return row;
}

export async function removeGlossaryTerm(tx: Queryable, workspaceId: string, actor: Actor, id: string, at: Date): Promise<void> {
  if (!(await deleteGlossaryTerm(tx, workspaceId, id))) throw notFound('glossary term');
  await record(tx, workspaceId, actor, 'delete', id, at);
}
