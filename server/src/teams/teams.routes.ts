import type { FastifyInstance } from 'fastify';
import { actorOf } from '../http/actor.js';
import { principalOf } from '../http/auth.js';
import { decodeCursor, paginate } from '../http/cursor.js';
import type { Deps } from '../http/deps.js';
import { createOnce } from '../http/idempotency.js';
import { errorResponses, IdParams, Page } from '../http/schemas.js';
import { notFound } from '../lib/errors.js';
import { createTeam } from './create-team.js';
import { findTeam, listTeams } from './teams.repo.js';
import { CreateTeamBody, ListTeamsQuery, Team, UpdateTeamBody } from './teams.schema.js';
import { updateTeam } from './update-team.js';

export function teamsRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['teams'];

  app.get<{ Querystring: ListTeamsQuery }>(
    '/api/v1/teams',
    {
      config: { access: 'agent' },
      schema: { tags, summary: 'List teams', querystring: ListTeamsQuery, response: { 200: Page(Team), ...errorResponses } },
    },
    async (req) => {
      const limit = req.query.limit ?? 25;
      const rows = await listTeams(deps.db, principalOf(req).workspaceId, { ...req.query, limit }, decodeCursor(req.query.cursor));
      return paginate(rows, limit, (r) => r.createdAt);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/teams/:id',
    { config: { access: 'agent' }, schema: { tags, summary: 'Get a team', params: IdParams, response: { 200: Team, ...errorResponses } } },
    async (req) => {
      const team = await findTeam(deps.db, principalOf(req).workspaceId, req.params.id);
      if (!team) throw notFound('team');
      return team;
    },
  );

  app.post<{ Body: CreateTeamBody }>(
    '/api/v1/teams',
    {
      config: { access: 'lead' },
      schema: { tags, summary: 'Create a team (lead or admin)', body: CreateTeamBody, response: { 201: Team, ...errorResponses } },
    },
    async (req, reply) => {
      const p = principalOf(req);
      return createOnce(deps, req, reply, (tx) => createTeam(tx, p.workspaceId, actorOf(p), req.body, deps.clock()));
    },
  );

  app.patch<{ Params: { id: string }; Body: UpdateTeamBody }>(
    '/api/v1/teams/:id',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Change a team (lead or admin)',
        description: '`memberIds` replaces the membership; `calendarId: null` leaves the team without a business calendar.',
        params: IdParams,
        body: UpdateTeamBody,
        response: { 200: Team, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const team = await deps.db.transaction((tx) => updateTeam(tx, p.workspaceId, actorOf(p), req.params.id, req.body, deps.clock()));
      deps.onCommit();
      return team;
    },
  );
}
