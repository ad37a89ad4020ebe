import type { FastifyInstance } from 'fastify';
import { actorOf } from '../http/actor.js';
import { principalOf } from '../http/auth.js';
import { decodeCursor, paginate } from '../http/cursor.js';
import type { Deps } from '../http/deps.js';
import { createOnce } from '../http/idempotency.js';
import { errorResponses, IdParams, Page } from '../http/schemas.js';
import { notFound } from '../lib/errors.js';
import { findAgent, listAgents } from './agents.repo.js';
import { Agent, CreateAgentBody, ListAgentsQuery, UpdateAgentBody } from './agents.schema.js';
import { createAgent } from './create-agent.js';
import { updateAgent } from './update-agent.js';

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

  app.patch<{ Params: { id: string }; Body: UpdateAgentBody }>(
    '/api/v1/agents/:id',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Change an agent: presence, languages, capacity, name, zone, role',
        description:
          'Agents change their own `status` (online, away, offline), `name` and `timeZone`; leads also change `languages` and `capacity`; admins also `role`. ' +
          'Routing assigns only online agents under capacity: going online (or gaining capacity or languages while online) routes waiting conversations of the agent’s teams at once.',
        params: IdParams,
        body: UpdateAgentBody,
        response: { 200: Agent, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const { agent } = await deps.db.transaction((tx) => updateAgent(tx, p, actorOf(p), req.params.id, req.body, deps.clock()));
      deps.onCommit();
      return agent;
    },
  );
}
