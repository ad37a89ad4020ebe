import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { principalOf } from '../http/auth.js';
import { decodeCursor, paginate } from '../http/cursor.js';
import type { Deps } from '../http/deps.js';
import { errorResponses } from '../http/schemas.js';
import { AppError } from '../lib/errors.js';
import { readMentions } from './mention-agents.js';
import { listMentions, unreadMentionCount } from './mentions.repo.js';
import { ListMentionsQuery, MentionPage, ReadMentionsBody } from './mentions.schema.js';

const agentOf = (p: Principal): string => {
  if (!p.agentId) throw new AppError('forbidden', 'mentions belong to a logged-in agent, not an API token');
  return p.agentId;
};

/** The caller's mentions in internal notes: what is unread, and marking it read. */
export function mentionsRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['mentions'];

  app.get<{ Querystring: ListMentionsQuery }>(
    '/api/v1/mentions',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Your mentions in internal notes, newest first',
        querystring: ListMentionsQuery,
        response: { 200: MentionPage, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const agentId = agentOf(p);
      const limit = req.query.limit ?? 25;
      const rows = await listMentions(deps.db, p.workspaceId, agentId, {
        unread: req.query.unread ?? false,
        limit,
        after: decodeCursor(req.query.cursor),
      });
      return { ...paginate(rows, limit, (r) => r.createdAt), unread: await unreadMentionCount(deps.db, p.workspaceId, agentId) };
    },
  );

  app.post<{ Body: ReadMentionsBody }>(
    '/api/v1/mentions/read',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Mark your mentions read (by id, or all of one conversation)',
        body: ReadMentionsBody,
        response: { 200: Type.Object({ read: Type.Array(Type.String()) }), ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const agentId = agentOf(p);
      const read = await deps.db.transaction((tx) => readMentions(tx, p.workspaceId, agentId, req.body, deps.clock()));
      if (read.length > 0) deps.onCommit();
      return { read };
    },
  );
}
