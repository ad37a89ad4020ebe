import type { Queryable } from '../db/types.js';
import { recordChange } from '../events/events.repo.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { findWorkspaceBySlug, insertWorkspace, type Workspace } from './workspaces.repo.js';

export const SLUG_RE = /^[a-z0-9][a-z0-9-]{0,62}$/;

export async function createWorkspace(tx: Queryable, input: { slug: string; name: string }, at: Date): Promise<Workspace> {
  if (!SLUG_RE.test(input.slug))
    throw new AppError('validation_failed', 'slug must be lowercase letters, digits and dashes (max 63)', [
      { path: 'slug', message: 'invalid' },
    ]);
  const name = input.name.trim();
  if (name === '' || name.length > 200)
    throw new AppError('validation_failed', 'name must be 1–200 characters', [{ path: 'name', message: 'invalid' }]);
  if (await findWorkspaceBySlug(tx, input.slug)) throw new AppError('already_exists', `workspace "${input.slug}" exists`);
  const ws = await insertWorkspace(tx, { id: newId(), slug: input.slug, name }, at);
  await recordChange(
    tx,
    ws.id,
    { type: 'workspace.created', subjectId: ws.id, payload: { slug: ws.slug } },
    { actorType: 'system', actorId: null, action: 'workspace.create', targetType: 'workspace', targetId: ws.id },
    at,
  );
  return ws;
}
