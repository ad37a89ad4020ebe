import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { findAgent } from '../agents/agents.repo.js';
import { Agent } from '../agents/agents.schema.js';
import { principalOf, SESSION_COOKIE } from '../http/auth.js';
import { assertSameOrigin } from '../http/csrf.js';
import type { Deps } from '../http/deps.js';
import { errorResponses, Uuid } from '../http/schemas.js';
import { notFound } from '../lib/errors.js';
import { findWorkspace } from '../workspaces/workspaces.repo.js';
import { deleteSession } from './auth.repo.js';
import { login } from './login.js';

const LoginBody = Type.Object(
  {
    workspace: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' }),
    email: Type.String({ format: 'email', maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

const Me = Type.Object({
  workspace: Type.Object({ id: Uuid, slug: Type.String(), name: Type.String() }),
  role: Type.String(),
  kind: Type.String(),
  agent: Type.Union([Agent, Type.Null()]),
});

export function authRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['auth'];

  app.post<{ Body: Static<typeof LoginBody> }>(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Log in an agent; sets an httpOnly session cookie',
        body: LoginBody,
        response: { 200: Me, ...errorResponses },
      },
    },
    async (req, reply) => {
      // Login CSRF (a foreign page logging the browser in as someone else): browsers send Origin on
      // every POST, so a foreign one is refused; scripts that send neither header may log in.
      if ((req.headers.origin ?? req.headers.referer) !== undefined) assertSameOrigin(req, deps.publicUrl);
      const s = await login(deps.db, req.body, deps.clock(), deps.sessionTtlMs);
      void reply.setCookie(SESSION_COOKIE, s.secret, {
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.secureCookies,
        path: '/',
        expires: s.expiresAt,
      });
      const [ws, agent] = await Promise.all([findWorkspace(deps.db, s.workspaceId), findAgent(deps.db, s.workspaceId, s.agentId)]);
      return { workspace: ws!, role: agent!.role, kind: 'session', agent: agent! };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'agent' },
      schema: { tags, summary: 'End the current session', response: { 204: Type.Null(), ...errorResponses } },
    },
    async (req, reply) => {
      const p = principalOf(req);
      if (p.kind === 'session') await deleteSession(deps.db, p.workspaceId, p.id);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' }).status(204);
    },
  );

  app.get(
    '/api/v1/auth/me',
    { config: { access: 'agent' }, schema: { tags, summary: 'Who am I', response: { 200: Me, ...errorResponses } } },
    async (req) => {
      const p = principalOf(req);
      const ws = await findWorkspace(deps.db, p.workspaceId);
      if (!ws) throw notFound('workspace');
      const agent = p.agentId ? ((await findAgent(deps.db, p.workspaceId, p.agentId)) ?? null) : null;
      return { workspace: ws, role: p.role, kind: p.kind, agent };
    },
  );
}
