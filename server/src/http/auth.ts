import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findSessionByHash, findTokenByHash, touchToken } from '../auth/auth.repo.js';
import { hasRole, type Principal, type Role } from '../auth/principal.js';
import { hashSecret } from '../auth/secrets.js';
import { AppError } from '../lib/errors.js';
import { assertSameOrigin, needsOriginCheck } from './csrf.js';
import type { Deps } from './deps.js';

export const SESSION_COOKIE = 'meridian_session';

/** Per-route access: 'public', or the least role that may call it. */
export type Access = 'public' | Role;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

// Token lookups run on every API call; a short cache keeps them off the database.
// Revocation therefore takes effect within TOKEN_CACHE_MS.
const TOKEN_CACHE_MS = 10_000;
const TOKEN_TOUCH_MS = 60_000;

export function registerAuth(app: FastifyInstance, deps: Deps): void {
  const cache = new Map<string, { p: Principal; until: number }>();

  async function fromToken(secret: string): Promise<Principal | null> {
    const hash = hashSecret(secret);
    const now = deps.clock().getTime();
    const hit = cache.get(hash);
    if (hit && hit.until > now) return hit.p;
    const row = await findTokenByHash(deps.db, hash);
    if (!row) {
      cache.delete(hash);
      return null;
    }
    const p: Principal = { workspaceId: row.workspaceId, role: row.role, kind: 'token', id: row.id, agentId: null };
    // last_used_at is for people auditing tokens; minute precision spares a write per request.
    if (!row.lastUsedAt || now - new Date(row.lastUsedAt).getTime() > TOKEN_TOUCH_MS) {
      await touchToken(deps.db, row.workspaceId, row.id, deps.clock());
    }
    if (cache.size > 10_000) cache.clear();
    cache.set(hash, { p, until: now + TOKEN_CACHE_MS });
    return p;
  }

  async function fromSession(secret: string): Promise<Principal | null> {
    const row = await findSessionByHash(deps.db, hashSecret(secret), deps.clock());
    return row ? { workspaceId: row.workspaceId, role: row.role, kind: 'session', id: row.id, agentId: row.agentId } : null;
  }

  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config.access;
    if (!access || access === 'public') return;
    req.principal = await resolvePrincipal(req, fromToken, fromSession);
    if (!req.principal) throw new AppError('unauthorized', 'send a valid API token (Authorization: Bearer …) or log in');
    if (req.principal.kind === 'session' && needsOriginCheck(req)) assertSameOrigin(req, deps.publicUrl);
    if (!hasRole(req.principal, access)) throw new AppError('forbidden', `this action needs the ${access} role`);
  });
}

async function resolvePrincipal(
  req: FastifyRequest,
  fromToken: (s: string) => Promise<Principal | null>,
  fromSession: (s: string) => Promise<Principal | null>,
): Promise<Principal | null> {
  const header = req.headers.authorization;
  if (header) {
    const m = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(header);
    return m ? fromToken(m[1]!) : null;
  }
  const cookie = req.cookies[SESSION_COOKIE];
  if (cookie && /^[A-Za-z0-9_-]{10,200}$/.test(cookie)) return fromSession(cookie);
  return null;
}

export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new AppError('unauthorized', 'not authenticated');
  return req.principal;
}
