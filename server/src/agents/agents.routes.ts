import type { FastifyInstance } from 'fastify';
import { actorOf } from '../http/actor.js';
import { principalOf } from '../http/auth.js';
import { decodeCursor, paginate } from '../http/cursor.js';
import type { Deps } from '../http/deps.js';
import { createOnce } from '../http/idempotency.js';
import { errorResponses, IdParams, Page } from '../http/schemas.js';
import { notFound } from '../lib/errors.js';
import { findAgent, listAgents } from './agents.repo.js';
import { Agent, CreateAgentBody, ListAgentsQuery } from './agents.schema.js';
import { createAgent } from './create-agent.js';

export function agentsRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['agents'];

  app.get<{ Querystring: ListAgentsQuery }>(
    '/api/v1/agents',
    {
      config: { access: 'agent' },
      schema: { tags, summary: 'List agents', querystring: ListAgentsQuery, response: { 200: Page(Agent), ...errorResponses } },
    },
    async (req) => {
      const p = principalOf(req);
      const limit = req.query.limit ?? 25;
      const rows = await listAgents(deps.db, p.workspaceId, { ...req.query, limit }, decodeCursor(req.query.cursor));
      return paginate(rows, limit, (r) => r.createdAt);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/agents/:id',
    {
      config: { access: 'agent' },
      schema: { tags, summary: 'Get an agent', params: IdParams, response: { 200: Agent, ...errorResponses } },
    },
    async (req) => {
      const agent = await findAgent(deps.db, principalOf(req).workspaceId, req.params.id);
      if (!agent) throw notFound('agent');
      return agent;
    },
  );

  app.post<{ Body: CreateAgentBody }>(
    '/api/v1/agents',
    {
      config: { access: 'admin' },
      schema: { tags, summary: 'Create an agent (admin)', body: CreateAgentBody, response: { 201: Agent, ...errorResponses } },
    },
    async (req, reply) => {
      const p = principalOf(req);
      return createOnce(deps, req, reply, (tx) => createAgent(tx, p.workspaceId, actorOf(p), req.body, deps.clock()));
    },
  );
}
