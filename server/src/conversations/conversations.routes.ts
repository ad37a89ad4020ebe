import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../http/actor.js';
import { principalOf } from '../http/auth.js';
import type { Deps } from '../http/deps.js';
import { createOnce } from '../http/idempotency.js';
import { errorResponses, IdParams, Page } from '../http/schemas.js';
import { notFound } from '../lib/errors.js';
import { Message } from '../messages/messages.schema.js';
import { findConversation } from './conversations.repo.js';
import { readConversationSla } from '../sla/read-sla.js';
import {
  Conversation,
  ConversationDetail,
  CreateConversationBody,
  ListConversationsQuery,
  UpdateConversationBody,
} from './conversations.schema.js';
import { createConversation } from './create-conversation.js';
import { InboxConversation } from './inbox.schema.js';
import { inboxRoutes } from './inbox.routes.js';
import { listInbox } from './list-inbox.js';
import { updateConversation } from './update-conversation.js';

const CreatedConversation = Type.Composite([Conversation, Type.Object({ messages: Type.Array(Message) })]);

export function conversationsRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['conversations'];

  app.get<{ Querystring: ListConversationsQuery }>(
    '/api/v1/conversations',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'List conversations (the inbox): newest first by updated (default) or created time, or by SLA due',
        description:
          'Repeat `status` to match several. `assigneeId=none` finds unassigned ones. `language=pt` also matches pt-BR. ' +
          "`view` narrows to the calling agent's own (mine), their teams' (team) or unassigned ones; `q` searches. " +
          'Each row carries its customer, a preview of the latest message and the next SLA due.',
        querystring: ListConversationsQuery,
        response: { 200: Page(InboxConversation), ...errorResponses },
      },
    },
    async (req) => listInbox(deps.db, principalOf(req), req.query, deps.clock()),
  );

  app.post<{ Body: CreateConversationBody }>(
    '/api/v1/conversations',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Create a conversation with its first message',
        description:
          'The customer is given by id, or by email (found or created). Send an Idempotency-Key to make retries safe. ' +
          'A `language` given here is authoritative, as if an agent set it; without one the language settles from the inbound messages.',
        body: CreateConversationBody,
        response: { 201: CreatedConversation, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      return createOnce(deps, req, reply, (tx) => createConversation(tx, p.workspaceId, p, actorOf(p), req.body, deps.clock()));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/conversations/:id',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Get a conversation, with its SLA clocks',
        params: IdParams,
        response: { 200: ConversationDetail, ...errorResponses },
      },
    },
    async (req) => {
      const workspaceId = principalOf(req).workspaceId;
      const c = await findConversation(deps.db, workspaceId, req.params.id);
      if (!c) throw notFound('conversation');
      return { ...c, sla: await readConversationSla(deps.db, workspaceId, c.id, deps.clock()) };
    },
  );

  app.patch<{ Params: { id: string }; Body: UpdateConversationBody }>(
    '/api/v1/conversations/:id',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Update status, priority, assignment, tags…',
        params: IdParams,
        body: UpdateConversationBody,
        response: { 200: Conversation, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const c = await deps.db.transaction((tx) => updateConversation(tx, p.workspaceId, actorOf(p), req.params.id, req.body, deps.clock()));
      deps.onCommit();
      return c;
    },
  );

  inboxRoutes(app, deps);
}
