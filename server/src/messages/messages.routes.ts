import type { FastifyInstance } from 'fastify';
import { findConversation } from '../conversations/conversations.repo.js';
import { principalOf } from '../http/auth.js';
import { decodeCursor, paginate } from '../http/cursor.js';
import type { Deps } from '../http/deps.js';
import { createOnce } from '../http/idempotency.js';
import { errorResponses, IdParams, Page } from '../http/schemas.js';
import { notFound } from '../lib/errors.js';
import { addMessage } from './add-message.js';
import { translationsFor } from '../translation/message-translations.repo.js';
import { listMessages } from './messages.repo.js';
import { CreateMessageBody, ListMessagesQuery, Message } from './messages.schema.js';

export function messagesRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['messages'];

  app.get<{ Params: { id: string }; Querystring: ListMessagesQuery }>(
    '/api/v1/conversations/:id/messages',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Messages of a conversation, oldest first',
        params: IdParams,
        querystring: ListMessagesQuery,
        response: { 200: Page(Message), ...errorResponses },
      },
    },
    async (req) => {
      const ws = principalOf(req).workspaceId;
      if (!(await findConversation(deps.db, ws, req.params.id))) throw notFound('conversation');
      const limit = req.query.limit ?? 50;
      const rows = await listMessages(deps.db, ws, req.params.id, limit, decodeCursor(req.query.cursor));
      const page = paginate(rows, limit, (r) => r.createdAt);
      const translations = await translationsFor(
        deps.db,
        ws,
        page.data.map((m) => m.id),
      );
      return { ...page, data: page.data.map((m) => ({ ...m, translations: translations.get(m.id) ?? [] })) };
    },
  );

  app.post<{ Params: { id: string }; Body: CreateMessageBody }>(
    '/api/v1/conversations/:id/messages',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Add a message: inbound (from the customer), outbound (reply) or note (internal)',
        params: IdParams,
        body: CreateMessageBody,
        response: { 201: Message, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      return createOnce(deps, req, reply, async (tx) => {
        const conversation = await findConversation(tx, p.workspaceId, req.params.id, true);
        if (!conversation) throw notFound('conversation');
        const { message } = await addMessage(tx, p.workspaceId, p, conversation, req.body, deps.clock());
        return message;
      });
    },
  );
}
