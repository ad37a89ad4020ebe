import type { Queryable } from '../db/types.js';
import { appendAudit } from '../events/audit.repo.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { insertToken } from './auth.repo.js';
import type { Role } from './principal.js';
import { newSecret } from './secrets.js';

/** Creates an API token. The secret is returned once and stored only as a hash. */
export async function createToken(
  tx: Queryable,
  workspaceId: string,
  input: { name: string; role: Role },
  at: Date,
): Promise<{ id: string; secret: string }> {
  const name = input.name.trim();
  if (name === '' || name.length > 200)
    throw new AppError('validation_failed', 'token name must be 1–200 characters', [{ path: 'name', message: 'invalid' }]);
  const id = newId();
  const { secret, hash, display } = newSecret('mrd');
  await insertToken(tx, workspaceId, { id, name, role: input.role, hash, prefix: display }, at);
  await appendAudit(
    tx,
    workspaceId,
    { actorType: 'cli', actorId: null, action: 'token.create', targetType: 'token', targetId: id, data: { name, role: input.role } },
    at,
  );
  return { id, secret };
}
