import type { FastifyInstance } from 'fastify';
import { findConversation } from '../conversations/conversations.repo.js';
import type { Queryable } from '../db/types.js';
import { principalOf } from '../http/auth.js';
import { decodeCursor, paginate } from '../http/cursor.js';
import type { Deps } from '../http/deps.js';
import { createOnce } from '../http/idempotency.js';
import { errorResponses, IdParams, Page } from '../http/schemas.js';
import { AppError, notFound } from '../lib/errors.js';
import { approveReply } from '../translation/approve-reply.js';
import { editReplyTranslation } from '../translation/edit-reply-translation.js';
import { translationsFor } from '../translation/message-translations.repo.js';
import { reviewsFor } from '../translation/reviews.repo.js';
import { replyFormality } from '../translation/reply-formality.js';
import { prepareReply, recordReply, type PreparedReply } from '../translation/translated-reply.js';
import { addMessage } from './add-message.js';
import { findMessage, listMessages, type MessageRow } from './messages.repo.js';
import { assertMentionable, mentionAgents } from '../mentions/mention-agents.js';
import { CreateMessageBody, EditTranslationBody, ListMessagesQuery, Message } from './messages.schema.js';

/** Messages with what the background and review flows added: translations and review state. */
async function withExtras(q: Queryable, workspaceId: string, messages: MessageRow[]) {
  const ids = messages.map((m) => m.id);
  const [translations, reviews] = await Promise.all([translationsFor(q, workspaceId, ids), reviewsFor(q, workspaceId, ids)]);
  return messages.map((m) => ({ ...m, translations: translations.get(m.id) ?? [], review: reviews.get(m.id) ?? null }));
}

export function messagesRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['messages'];

  app.get<{ Params: { id: string }; Querystring: ListMessagesQuery }>(
    '/api/v1/conversations/:id/messages',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Messages of a conversation, oldest first, with their translations',
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
      return { ...page, data: await withExtras(deps.db, ws, page.data) };
    },
  );

  app.post<{ Params: { id: string }; Body: CreateMessageBody }>(
    '/api/v1/conversations/:id/messages',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Add a message: inbound (from the customer), outbound (reply) or note (internal)',
        description:
          'An outbound reply with `language` and `translateTo` is delivered machine-translated; the translation and its back-translation are kept. ' +
          'Critical content (refunds, legal, security, billing disputes) waits in `review.status = awaiting_review`.',
        params: IdParams,
        body: CreateMessageBody,
        response: { 201: Message, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const { translateTo, mentions, ...rest } = req.body;
      if (mentions !== undefined && rest.direction !== 'note') {
        throw new AppError('validation_failed', 'only an internal note mentions agents', [
          { path: 'body/mentions', message: 'needs direction note' },
        ]);
      }
      // The note keeps whom it mentions (for display); the mentions table is what notifies.
      const body = mentions?.length ? { ...rest, channelMeta: { ...rest.channelMeta, mentions: [...new Set(mentions)].join(',') } } : rest;
      let prepared: PreparedReply | undefined;
      if (translateTo !== undefined) {
        if (body.direction !== 'outbound' || !body.language || !body.text) {
          throw new AppError('validation_failed', 'translateTo needs an outbound message with text and its language', [
            { path: 'body/translateTo', message: 'needs direction outbound, text and language' },
          ]);
        }
        // Translation talks to the engine: do it before the transaction opens.
        prepared = await prepareReply(deps.translator, p.workspaceId, {
          text: body.text,
          source: body.language,
          target: translateTo,
          formality: await replyFormality(deps.db, p.workspaceId, req.params.id),
        });
      }
      return createOnce(deps, req, reply, async (tx) => {
        const conversation = await findConversation(tx, p.workspaceId, req.params.id, true);
        if (!conversation) throw notFound('conversation');
        const at = deps.clock();
        if (mentions?.length) await assertMentionable(tx, p.workspaceId, mentions);
        const { message } = await addMessage(tx, p.workspaceId, p, conversation, body, at);
        if (prepared) await recordReply(tx, p.workspaceId, message, prepared, at);
        if (mentions?.length) await mentionAgents(tx, p.workspaceId, p, message, mentions, at);
        return (await withExtras(tx, p.workspaceId, [message]))[0]!;
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/messages/:id/approve',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Approve a held machine-translated reply (a logged-in agent fluent in its language)',
        params: IdParams,
        response: { 200: Message, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const message = await deps.db.transaction(async (tx) => {
        await approveReply(tx, p, req.params.id, deps.clock());
        return (await withExtras(tx, p.workspaceId, [(await findMessage(tx, p.workspaceId, req.params.id))!]))[0]!;
      });
      deps.onCommit();
      return message;
    },
  );

  app.put<{ Params: { id: string }; Body: EditTranslationBody }>(
    '/api/v1/messages/:id/translation',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: "Correct or write the customer's text of a held reply (a logged-in agent fluent in its language)",
        description:
          'Replaces the machine translation (flag `human_edited`) or supplies one where the engine failed (`human_translated`). ' +
          'The reply stays held until approved.',
        params: IdParams,
        body: EditTranslationBody,
        response: { 200: Message, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const message = await deps.db.transaction(async (tx) => {
        await editReplyTranslation(tx, p, req.params.id, req.body.text, deps.clock());
        return (await withExtras(tx, p.workspaceId, [(await findMessage(tx, p.workspaceId, req.params.id))!]))[0]!;
      });
      deps.onCommit();
      return message;
    },
  );
}
