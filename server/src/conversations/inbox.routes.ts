import type { FastifyInstance } from 'fastify';
import { actorOf } from '../http/actor.js';
import { principalOf } from '../http/auth.js';
import type { Deps } from '../http/deps.js';
import { errorResponses } from '../http/schemas.js';
import { bulkUpdateConversations } from './bulk-update-conversations.js';
import { BulkBody, BulkResponse } from './bulk.schema.js';
import { inboxCounts } from './inbox.repo.js';
import { InboxCounts, InboxCountsQuery, UNRESOLVED } from './inbox.schema.js';

/** What the console's inbox needs beyond the list: sidebar counts and bulk actions. */
export function inboxRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Querystring: InboxCountsQuery }>(
    '/api/v1/inbox/counts',
    {
      config: { access: 'agent' },
      schema: {
        tags: ['conversations'],
        summary: 'Conversation counts per inbox view and per language (the sidebar)',
        description:
          'Counts conversations in the given statuses (default: not solved or closed). mine and team are null without an agent session.',
        querystring: InboxCountsQuery,
        response: { 200: InboxCounts, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const statuses = req.query.status ?? [...UNRESOLVED];
      const rows = await inboxCounts(deps.db, p.workspaceId, p.agentId, statuses);
      const total = rows.find((r) => r.total === 1);
      const agent = p.agentId !== null;
      return {
        statuses,
        views: {
          mine: agent ? (total?.mine ?? 0) : null,
          team: agent ? (total?.team ?? 0) : null,
          unassigned: total?.unassigned ?? 0,
          all: total?.all ?? 0,
        },
        languages: rows
          .filter((r) => r.total === 0)
          .map((r) => ({ language: r.language, count: r.all }))
          .sort((a, b) => b.count - a.count || (a.language ?? '').localeCompare(b.language ?? '')),
      };
    },
  );

  app.post<{ Body: BulkBody }>(
    '/api/v1/conversations/bulk',
    {
      config: { access: 'agent' },
      schema: {
        tags: ['conversations'],
        summary: 'Assign, tag or change the status of up to 100 conversations',
        description:
          'Each conversation is updated as by PATCH /conversations/:id, in its own transaction; the results say, per id in the order given, ' +
          'whether it worked (`changed: false` when it already was so) or why not (`not_found` for an unknown id). An unknown assignee is a 404 for the whole request.',
        body: BulkBody,
        response: { 200: BulkResponse, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const results = await bulkUpdateConversations(deps.db, p.workspaceId, actorOf(p), req.body, deps.clock(), (err) =>
        req.log.error({ err }, 'bulk update failed for one conversation'),
      );
      if (results.some((r) => r.changed)) deps.onCommit();
      return { results };
    },
  );
}
