import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { findConversation } from '../conversations/conversations.repo.js';
import { Conversation } from '../conversations/conversations.schema.js';
import { actorOf } from '../http/actor.js';
import { principalOf } from '../http/auth.js';
import { decodeCursor, paginate } from '../http/cursor.js';
import type { Deps } from '../http/deps.js';
import { createOnce } from '../http/idempotency.js';
import { errorResponses, IdParams, Page } from '../http/schemas.js';
import { notFound } from '../lib/errors.js';
import { Message } from '../messages/messages.schema.js';
import { listCalls } from './calls.repo.js';
import { Call, ListCallsQuery, LogCallBody, StartCallBody } from './calls.schema.js';
import { logCall } from './log-call.js';
import { startCall } from './start-call.js';

const LoggedCall = Type.Object({ call: Call, message: Message });
const StartedCall = Type.Object({ conversation: Conversation, message: Message, call: Call });

/** Phone calls: logged on a conversation, or starting one. */
export function callsRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['calls'];

  app.post<{ Params: { id: string }; Body: LogCallBody }>(
    '/api/v1/conversations/:id/calls',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Log a phone call on a conversation',
        description:
          'Stores the call and a timeline entry (an internal note carrying the notes: never sent to the customer). ' +
          'Send an Idempotency-Key to make retries safe.',
        params: IdParams,
        body: LogCallBody,
        response: { 201: LoggedCall, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      return createOnce(deps, req, reply, (tx) => logCall(tx, p.workspaceId, p, actorOf(p), req.params.id, req.body, deps.clock()));
    },
  );

  app.get<{ Params: { id: string }; Querystring: ListCallsQuery }>(
    '/api/v1/conversations/:id/calls',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: "A conversation's calls, latest first",
        params: IdParams,
        querystring: ListCallsQuery,
        response: { 200: Page(Call), ...errorResponses },
      },
    },
    async (req) => {
      const workspaceId = principalOf(req).workspaceId;
      const after = decodeCursor(req.query.cursor);
      if (!(await findConversation(deps.db, workspaceId, req.params.id))) throw notFound('conversation');
      const limit = req.query.limit ?? 25;
      return paginate(await listCalls(deps.db, workspaceId, req.params.id, limit, after), limit, (r) => r.startedAt);
    },
  );

  app.post<{ Body: StartCallBody }>(
    '/api/v1/calls',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Start a conversation from a phone call',
        description:
          "A 'phone' conversation whose first entry is the call's note. The customer is given by id, or by phone number or " +
          'e-mail (found or created). Without team or assignee, routing picks them as for any new conversation. ' +
          'Send an Idempotency-Key to make retries safe.',
        body: StartCallBody,
        response: { 201: StartedCall, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      return createOnce(deps, req, reply, (tx) => startCall(tx, p.workspaceId, p, actorOf(p), req.body, deps.clock()));
    },
  );
}
