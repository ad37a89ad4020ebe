import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { findConversation } from '../conversations/conversations.repo.js';
import { Conversation } from '../conversations/conversations.schema.js';
import { actorOf } from '../http/actor.js';
import { principalOf } from '../http/auth.js';
import type { Deps } from '../http/deps.js';
import { errorResponses, IdParams } from '../http/schemas.js';
import { notFound } from '../lib/errors.js';
import { routeConversation } from './route-conversation.js';
import { listDecisions, loadRoutingConfig } from './routing.repo.js';
import { PutRoutingBody, RoutingDecisionList, RoutingDecisionRecord, RoutingSettings } from './routing.schema.js';
import { presentRouting, saveRouting } from './save-routing.js';

/** Decisions returned by GET …/routing: a conversation routed more often than this shows its latest. */
const MAX_DECISIONS = 100;

const HOW =
  'A conversation created without team and assignee is routed: the first rule that matches names the owning team (else the first ' +
  'team declaring its language, else the oldest team). An open owner keeps it; a closed one hands it to the next open team of its ' +
  'follow-the-sun chain serving the language (declared before fallback). Urgent ones (priority urgent, or an urgency cue) go to ' +
  "whoever is on shift now. Inside the team: round robin or least loaded among online agents under capacity who read the language at the team's bar.";

const Routed = Type.Object({ conversation: Conversation, decision: RoutingDecisionRecord });

export function routingRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['routing'];

  app.get(
    '/api/v1/routing',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Routing settings: rules, follow-the-sun chains, and every team’s assignment settings (lead)',
        description: HOW,
        response: { 200: RoutingSettings, ...errorResponses },
      },
    },
    async (req) => presentRouting(await loadRoutingConfig(deps.db, principalOf(req).workspaceId)),
  );

  app.put<{ Body: PutRoutingBody }>(
    '/api/v1/routing',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Replace the routing settings (lead)',
        description:
          `${HOW} The body replaces everything: rules in the order they are tried, chains in hand-over order (a team in one chain ` +
          'at most), team settings (teams left out return to round robin, fluent, no fallbacks). A fallback `{ from: "pt", to: "es", ' +
          'bar: "fluent" }` lets the team take Portuguese when its agents read Spanish that well. Teams of another workspace are 404.',
        body: PutRoutingBody,
        response: { 200: RoutingSettings, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const settings = await deps.db.transaction((tx) => saveRouting(tx, p.workspaceId, actorOf(p), req.body, deps.clock()));
      deps.onCommit();
      return settings;
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/conversations/:id/routing',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Why is this here: the routing decisions of a conversation, newest first',
        description:
          `At most the latest ${MAX_DECISIONS}. Each step has a stable \`code\` and an English \`text\`: the rule that matched, ` +
          'a closed owner (with when it opens), teams passed over, the handover, a language fallback, agents passed over (offline, ' +
          'away, below the bar, at capacity) and who was assigned, or why it waits in the team queue.',
        params: IdParams,
        response: { 200: RoutingDecisionList, ...errorResponses },
      },
    },
    async (req) => {
      const workspaceId = principalOf(req).workspaceId;
      if (!(await findConversation(deps.db, workspaceId, req.params.id))) throw notFound('conversation');
      return { data: await listDecisions(deps.db, workspaceId, req.params.id, MAX_DECISIONS) };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/conversations/:id/route',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Route a conversation again now (e.g. after a handover, once its owning team is open)',
        description:
          'Decides afresh as of now and applies it: team and assignee (null when it waits in the team queue). The decision is stored ' +
          'with the others. 409 for a solved or closed conversation, or a workspace without teams.',
        params: IdParams,
        response: { 200: Routed, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const routed = await deps.db.transaction((tx) =>
        routeConversation(tx, p.workspaceId, req.params.id, actorOf(p), 'requested', deps.clock()),
      );
      deps.onCommit();
      // A request either routes or throws; null is only for conversations being created.
      return routed!;
    },
  );
}
