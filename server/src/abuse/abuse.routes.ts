import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../http/actor.js';
import { principalOf } from '../http/auth.js';
import { decodeCursor, paginate } from '../http/cursor.js';
import type { Deps } from '../http/deps.js';
import { errorResponses, IdParams, Page } from '../http/schemas.js';
import { listBlocked } from './blocks.repo.js';
import { BlockedSender, ListBlockedQuery, SpamResult } from './blocks.schema.js';
import { markSpam, unmarkSpam } from './mark-spam.js';
import { unblockSenderById } from './unblock-sender.js';

/** Spam marking (agents) and the list of blocked senders (leads). */
export function abuseRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['abuse'];

  app.post<{ Params: { id: string } }>(
    '/api/v1/conversations/:id/spam',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Mark a conversation as spam and block its sender',
        description:
          "Tags it 'spam' and closes it; the sender of its latest inbound message (e-mail address, phone number, Telegram chat, " +
          'chat visitor) is blocked on its channel, so what they send next is dropped. Marking again changes nothing more.',
        params: IdParams,
        response: { 200: SpamResult, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const r = await deps.db.transaction((tx) => markSpam(tx, p.workspaceId, p, actorOf(p), req.params.id, deps.clock()));
      deps.onCommit();
      return r;
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/conversations/:id/spam',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Undo marking a conversation as spam',
        description: "Removes the 'spam' tag, reopens the conversation and unblocks its sender. 409 when it is not marked as spam.",
        params: IdParams,
        response: { 200: SpamResult, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const r = await deps.db.transaction((tx) => unmarkSpam(tx, p.workspaceId, actorOf(p), req.params.id, deps.clock()));
      deps.onCommit();
      return r;
    },
  );

  app.get<{ Querystring: ListBlockedQuery }>(
    '/api/v1/blocked-senders',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Blocked senders, newest first (lead)',
        querystring: ListBlockedQuery,
        response: { 200: Page(BlockedSender), ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 25;
      const rows = await listBlocked(
        deps.db,
        principalOf(req).workspaceId,
        { limit, channel: req.query.channel },
        decodeCursor(req.query.cursor),
      );
      return paginate(rows, limit, (r) => r.createdAt);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/blocked-senders/:id',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Unblock a sender (lead)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      await deps.db.transaction((tx) => unblockSenderById(tx, p.workspaceId, actorOf(p), req.params.id, deps.clock()));
      deps.onCommit();
      return reply.status(204).send();
    },
  );
}
