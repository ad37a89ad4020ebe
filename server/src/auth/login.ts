import type { Db } from '../db/types.js';
import { appendAudit } from '../events/audit.repo.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { findWorkspaceBySlug } from '../workspaces/workspaces.repo.js';
import { findAgentCredentials, insertSession } from './auth.repo.js';
import { dummyHash, verifyPassword } from './passwords.js';
import { newSecret } from './secrets.js';

/** Checks a password and opens a session. Unknown workspace, unknown email and wrong password look alike. */
export async function login(
  db: Db,
  input: { workspace: string; email: string; password: string },
  at: Date,
  ttlMs: number,
): Promise<{ secret: string; expiresAt: Date; agentId: string; workspaceId: string }> {
  const ws = await findWorkspaceBySlug(db, input.workspace);
  const creds = ws ? await findAgentCredentials(db, ws.id, input.email) : undefined;
  const ok = await verifyPassword(input.password, creds?.passwordHash ?? (await dummyHash()));
  if (!ws || !creds?.passwordHash || !ok) throw new AppError('invalid_credentials', 'workspace, email or password is wrong');
  const { secret, hash } = newSecret('mrs');
  const expiresAt = new Date(at.getTime() + ttlMs);
  await db.transaction(async (tx) => {
    await insertSession(tx, ws.id, { id: newId(), agentId: creds.id, hash, expiresAt }, at);
    await appendAudit(tx, ws.id, { actorType: 'agent', actorId: creds.id, action: 'auth.login' }, at);
  });
  return { secret, expiresAt, agentId: creds.id, workspaceId: ws.id };
}
