import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { findConversation } from '../conversations/conversations.repo.js';
import { actorOf } from '../http/actor.js';
import { principalOf } from '../http/auth.js';
import { decodeCursor, paginate } from '../http/cursor.js';
import type { Deps } from '../http/deps.js';
import { createOnce } from '../http/idempotency.js';
import { errorResponses, IdParams, Page, PageQuery } from '../http/schemas.js';
import { notFound } from '../lib/errors.js';
import { announceChange } from './announce-change.js';
import { changesOfConversation, findChange, listChanges, listLinks } from './changes.repo.js';
import {
  AnnounceResult,
  Change,
  ConversationChange,
  CreateChangeBody,
  Link,
  LinkBody,
  LinkParams,
  LinkResult,
  ListChangesQuery,
  UpdateChangeBody,
} from './changes.schema.js';
import { linkFeedback, unlinkFeedback } from './link-feedback.js';
import { createChange, deleteChange, updateChange } from './save-change.js';

/** Changes made because of feedback ("close the loop"): leads and admins write, agents read. */
export function changesRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['changes'];
  const PageOnly = Type.Object({ ...PageQuery }, { additionalProperties: false });
  const NoQuery = Type.Object({}, { additionalProperties: false });

  app.get<{ Querystring: ListChangesQuery }>(
    '/api/v1/changes',
    {
      config: { access: 'agent' },
      schema: { tags, summary: 'Changes, newest first', querystring: ListChangesQuery, response: { 200: Page(Change), ...errorResponses } },
    },
    async (req) => {
      const limit = req.query.limit ?? 25;
      const rows = await listChanges(deps.db, principalOf(req).workspaceId, req.query, limit, decodeCursor(req.query.cursor));
      return paginate(rows, limit, (r) => r.createdAt);
    },
  );

  app.post<{ Body: CreateChangeBody }>(
    '/api/v1/changes',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Record a change made because of feedback (a draft until announced)',
        description:
          'The description is what customers are told, in `sourceLanguage`; `texts` holds the lead’s own wording per locale, used ' +
          'instead of a machine translation for customers of that language.',
        body: CreateChangeBody,
        response: { 201: Change, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      return createOnce(deps, req, reply, (tx) => createChange(tx, p.workspaceId, actorOf(p), req.body, deps.clock()));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/changes/:id',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'A change with its link and announcement counts',
        params: IdParams,
        response: { 200: Change, ...errorResponses },
      },
    },
    async (req) => {
      const c = await findChange(deps.db, principalOf(req).workspaceId, req.params.id);
      if (!c) throw notFound('change');
      return c;
    },
  );

  app.patch<{ Params: { id: string }; Body: UpdateChangeBody }>(
    '/api/v1/changes/:id',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Edit a change (customers told later get the new text; `texts` replaces all per-locale texts)',
        params: IdParams,
        body: UpdateChangeBody,
        response: { 200: Change, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const c = await deps.db.transaction((tx) => updateChange(tx, p.workspaceId, actorOf(p), req.params.id, req.body, deps.clock()));
      deps.onCommit();
      return c;
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/changes/:id',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Delete a change no customer was told of (409 once announced)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      await deps.db.transaction((tx) => deleteChange(tx, p.workspaceId, actorOf(p), req.params.id, deps.clock()));
      deps.onCommit();
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string }; Body: LinkBody }>(
    '/api/v1/changes/:id/links',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Link feedback: survey responses, conversations, or every conversation matching a filter',
        description:
          'One link per conversation, with its customer; naming a linked conversation again adds nothing. Any unknown id is a 404 ' +
          'and nothing is linked.',
        params: IdParams,
        body: LinkBody,
        response: { 200: LinkResult, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const r = await deps.db.transaction((tx) => linkFeedback(tx, p.workspaceId, actorOf(p), req.params.id, req.body, deps.clock()));
      deps.onCommit();
      return r;
    },
  );

  app.get<{ Params: { id: string }; Querystring: { limit?: number; cursor?: string } }>(
    '/api/v1/changes/:id/links',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Linked feedback, newest first: conversation, customer, language, and the customer’s note once told',
        params: IdParams,
        querystring: PageOnly,
        response: { 200: Page(Link), ...errorResponses },
      },
    },
    async (req) => {
      const ws = principalOf(req).workspaceId;
      if (!(await findChange(deps.db, ws, req.params.id))) throw notFound('change');
      const limit = req.query.limit ?? 25;
      const rows = await listLinks(deps.db, ws, req.params.id, limit, decodeCursor(req.query.cursor));
      return paginate(rows, limit, (r) => r.linkedAt);
    },
  );

  app.delete<{ Params: { id: string; linkId: string } }>(
    '/api/v1/changes/:id/links/:linkId',
    {
      config: { access: 'lead' },
      schema: { tags, summary: 'Unlink one conversation', params: LinkParams, response: { 204: Type.Null(), ...errorResponses } },
    },
    async (req, reply) => {
      const p = principalOf(req);
      await deps.db.transaction((tx) => unlinkFeedback(tx, p.workspaceId, actorOf(p), req.params.id, req.params.linkId, deps.clock()));
      deps.onCommit();
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/changes/:id/announce',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Tell every linked customer not yet told, once, in their language, through their conversation’s channel',
        description:
          'Each customer gets one note on their most recently active linked conversation: a short sentence in their language ' +
          '(conversation language, else their locale), then the lead’s text for that language, else the description machine-translated, ' +
          'else the description as written. Safe to repeat: customers already told are skipped; customers linked since are told.',
        params: IdParams,
        response: { 200: AnnounceResult, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      return announceChange(deps, p.workspaceId, actorOf(p), req.params.id);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/conversations/:id/changes',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Changes this conversation is linked to, and whether its customer was told',
        params: IdParams,
        querystring: NoQuery,
        response: { 200: Type.Object({ data: Type.Array(ConversationChange) }), ...errorResponses },
      },
    },
    async (req) => {
      const ws = principalOf(req).workspaceId;
      if (!(await findConversation(deps.db, ws, req.params.id))) throw notFound('conversation');
      return { data: await changesOfConversation(deps.db, ws, req.params.id) };
    },
  );
}
