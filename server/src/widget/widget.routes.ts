import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { findAgent } from '../agents/agents.repo.js';
import { findConversation } from '../conversations/conversations.repo.js';
import { principalOf } from '../http/auth.js';
import { isBlocked } from '../abuse/blocks.repo.js';
import type { Deps } from '../http/deps.js';
import { errorResponses, IdParams } from '../http/schemas.js';
import { AppError, notFound } from '../lib/errors.js';
import { findWorkspace } from '../workspaces/workspaces.repo.js';
import { widgetAvailability, type Availability } from './availability.js';
import { WidgetDirectory } from './directory.js';
import { WidgetGateway } from './gateway.js';
import { WidgetLimits } from './limits.js';
import { openSecret } from './save-widget-settings.js';
import { acceptOfflineMessage } from './visitor-message.js';
import { identifyVisitor, startSession, visitorByToken } from './visitor.js';
import { widgetAdminRoutes } from './widget-admin.routes.js';
import { allowCors, takeIpBudget, widgetFor } from './widget-access.js';
import { widgetSocketRoutes } from './widget-socket.js';
import { MAX_ATTACHMENT_BYTES, widgetUploadRoutes } from './widget-upload.routes.js';
import {
  ConfigQuery,
  IdentifyBody,
  IdentifyView,
  OfflineBody,
  OfflineView,
  SessionBody,
  SessionView,
  TypingBody,
  WidgetConfigView,
} from './widget.schema.js';

const AVAILABILITY_TTL_MS = 30_000;

/** The chat widget: admin settings, the public endpoints the bundle calls, and its socket. */
export function widgetRoutes(app: FastifyInstance, deps: Deps): WidgetGateway {
  const now = () => deps.clock().getTime();
  const directory = new WidgetDirectory(deps.db, now);
  const limits = new WidgetLimits(deps.widgetLimits);
  const gateway = new WidgetGateway(deps.db, deps.subscribe, (err) => app.log.error({ err }, 'widget push failed'));
  const tags = ['widget'];
  widgetAdminRoutes(app, deps, directory);
  widgetSocketRoutes(app, deps, { directory, gateway, limits });
  void app.register(widgetUploadRoutes(deps, { directory, limits }));

  // Availability costs several queries: computed at most every 30 s per workspace and language.
  const availability = new Map<string, { value: Availability; until: number }>();
  const availabilityOf = async (workspaceId: string, teamId: string | null, language: string | null): Promise<Availability> => {
    const k = `${workspaceId}:${teamId}:${language}`;
    const hit = availability.get(k);
    if (hit && hit.until > now()) return hit.value;
    const value = await widgetAvailability(deps.db, workspaceId, teamId, language, deps.clock());
    if (availability.size > 10_000) availability.clear();
    availability.set(k, { value, until: now() + AVAILABILITY_TTL_MS });
    return value;
  };

  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/api/v1/widget/') && !req.url.startsWith('/api/v1/widget/settings')) allowCors(req, reply);
  });
  app.options('/api/v1/widget/*', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    if (req.url.startsWith('/api/v1/widget/settings')) throw new AppError('not_found', 'no preflight for the admin API');
    void reply
      .header('access-control-allow-methods', 'GET, POST')
      .header('access-control-allow-headers', 'content-type, x-widget-key, x-visitor-token, x-file-name')
      .header('access-control-max-age', '600')
      .status(204);
    return reply.send();
  });

  app.get<{ Querystring: ConfigQuery & { locale?: string } }>(
    '/api/v1/widget/config',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What the widget shows before the visitor writes: open or closed, hours, expected reply time (public)',
        querystring: ConfigQuery,
        response: { 200: WidgetConfigView, ...errorResponses },
      },
    },
    async (req) => {
      const s = await widgetFor(directory, req.query.key, req);
      const language = (req.headers['accept-language'] ?? '').split(/[,;-]/)[0]?.trim().toLowerCase() || null;
      const [ws, a] = await Promise.all([findWorkspace(deps.db, s.workspaceId), availabilityOf(s.workspaceId, s.teamId, language)]);
      return {
        workspaceName: ws?.name ?? '',
        open: a.open,
        nextOpenAt: a.nextOpenAt?.toISOString() ?? null,
        expectedReplyAt: a.expectedReplyAt?.toISOString() ?? null,
        teamTimeZone: a.teamTimeZone,
        hoursToday: a.hoursToday.map((o) => ({ start: o.start.toISOString(), end: o.end.toISOString() })),
        preChatFields: s.preChatFields,
        identityRequired: s.identityRequired,
        maxMessageLength: limits.config.maxMessageLength,
        maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
        ...(Object.keys(s.greeting).length ? { greeting: s.greeting } : {}),
      };
    },
  );

  app.post<{ Body: SessionBody }>(
    '/api/v1/widget/sessions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Start or resume a visitor (public)',
        description: 'Send the token an earlier session returned to resume it; an unknown or missing one starts a new visitor.',
        body: SessionBody,
        response: { 200: SessionView, ...errorResponses },
      },
    },
    async (req, reply) => {
      takeIpBudget(limits, req, reply, now());
      const s = await widgetFor(directory, req.body.key, req);
      const r = await deps.db.transaction((tx) => startSession(tx, s.workspaceId, req.body, deps.clock()));
      if (await isBlocked(deps.db, s.workspaceId, 'chat', r.visitor.id)) throw new AppError('forbidden', 'this visitor is blocked');
      return { visitorToken: r.token, visitorId: r.visitor.id, verified: r.visitor.verifiedId !== null, conversationId: r.conversationId };
    },
  );

  app.post<{ Body: IdentifyBody }>(
    '/api/v1/widget/identify',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Link the visitor to the site’s logged-in user, vouched for by hash or JWT (public)',
        description:
          '`hash` = hex HMAC-SHA256 of `id` under the workspace’s identity secret, computed on the site’s server; or `jwt`, HS256 under ' +
          'the same secret with `sub` = id and `exp`. Anything else is 401 and changes nothing.',
        body: IdentifyBody,
        response: { 200: IdentifyView, ...errorResponses },
      },
    },
    async (req, reply) => {
      takeIpBudget(limits, req, reply, now());
      const s = await widgetFor(directory, req.body.key, req);
      const secret = openSecret(deps.secretBox, s);
      const r = await deps.db.transaction(async (tx) => {
        const visitor = await visitorByToken(tx, s.workspaceId, req.body.visitorToken);
        if (!visitor) throw new AppError('unauthorized', 'the visitor’s identity could not be verified');
        return identifyVisitor(tx, s.workspaceId, secret, visitor, req.body, deps.clock());
      });
      deps.onCommit();
      return { verified: true as const, ...r };
    },
  );

  app.post<{ Body: OfflineBody }>(
    '/api/v1/widget/offline',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Leave a message and an e-mail address when nobody is on shift; the reply comes by e-mail (public)',
        body: OfflineBody,
        response: { 201: OfflineView, ...errorResponses },
      },
    },
    async (req, reply) => {
      takeIpBudget(limits, req, reply, now());
      const s = await widgetFor(directory, req.body.key, req);
      const visitor = await visitorByToken(deps.db, s.workspaceId, req.body.visitorToken);
      if (!visitor) throw new AppError('unauthorized', 'unknown visitor: start a session first');
      if (await isBlocked(deps.db, s.workspaceId, 'chat', visitor.id)) throw new AppError('forbidden', 'this visitor is blocked');
      if (!limits.visitorMessages.take(`${s.workspaceId}:${visitor.id}`, now())) throw new AppError('rate_limited', 'too many messages');
      const r = await deps.db.transaction((tx) =>
        acceptOfflineMessage(tx, s.workspaceId, visitor, { ...req.body, locale: visitor.locale }, deps.clock()),
      );
      deps.onCommit();
      void reply.status(201);
      return r;
    },
  );

  app.post<{ Params: { id: string }; Body: TypingBody }>(
    '/api/v1/conversations/:id/typing',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Tell the customer (chat widget) and other agents that you are typing a reply',
        description: 'Not stored: relayed to the open widget sockets of the conversation and the agents’ streams as conversation.typing.',
        params: IdParams,
        body: TypingBody,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      if (!(await findConversation(deps.db, p.workspaceId, req.params.id))) throw notFound('conversation');
      const agent = p.agentId ? await findAgent(deps.db, p.workspaceId, p.agentId) : undefined;
      deps.publish?.(p.workspaceId, {
        id: 0,
        type: 'conversation.typing',
        subjectId: req.params.id,
        payload: {
          conversationId: req.params.id,
          who: 'agent',
          on: req.body.on,
          ...(agent ? { agentId: agent.id, authorName: agent.name } : {}),
        },
        createdAt: deps.clock().toISOString(),
      });
      return reply.status(204).send();
    },
  );

  return gateway;
}
