import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { acksRoutes } from './acks/acks.routes.js';
import { surveysRoutes } from './surveys/surveys.routes.js';
import { agentsRoutes } from './agents/agents.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { calendarsRoutes } from './calendars/calendars.routes.js';
import { changesRoutes } from './changes/changes.routes.js';
import { consoleRoutes } from './console/console.routes.js';
import { conversationsRoutes } from './conversations/conversations.routes.js';
import { cultureRoutes } from './culture/culture.routes.js';
import { customersRoutes } from './customers/customers.routes.js';
import { feedbackRoutes } from './feedback/feedback.routes.js';
import { attachmentsRoutes } from './email/attachments.routes.js';
import { mailAdminRoutes } from './email/mail-admin.routes.js';
import { mailOutboundRoutes } from './email/outbound/mail-outbound.routes.js';
import { channelOutboundRoutes } from './channels/outbound/channel-outbound.routes.js';
import { imapRoutes } from './email/receivers/imap.routes.js';
import { registerAuth } from './http/auth.js';
import type { Deps } from './http/deps.js';
import { errorHandler } from './http/error-handler.js';
import { healthRoutes } from './http/health.routes.js';
import { assertCleanStrings, validatorCompiler } from './http/validation.js';
import { languageRoutes } from './language/language.routes.js';
import { AppError } from './lib/errors.js';
import { messagesRoutes } from './messages/messages.routes.js';
import { streamRoutes } from './realtime/stream.routes.js';
import { reportsRoutes } from './reports/reports.routes.js';
import { routingRoutes } from './routing/routing.routes.js';
import { schedulingRoutes } from './scheduling/scheduling.routes.js';
import { slaRoutes } from './sla/sla.routes.js';
import { teamsRoutes } from './teams/teams.routes.js';
import { templatesRoutes } from './templates/templates.routes.js';
import { toneRoutes } from './tone/tone.routes.js';
import { translationSettingsRoutes } from './translation/settings.routes.js';
import { translationRoutes } from './translation/translation.routes.js';
import { abuseRoutes } from './abuse/abuse.routes.js';
import { callsRoutes } from './calls/calls.routes.js';
import { mentionsRoutes } from './mentions/mentions.routes.js';
import { channelsRoutes } from './channels/channels.routes.js';
import { channelWebhookRoutes } from './channels/webhooks/webhooks.routes.js';
import { widgetBundleRoutes } from './widget/bundle.routes.js';
import { widgetRoutes } from './widget/widget.routes.js';
import { widgetKeyOfSlug } from './widget/widget.repo.js';
import { surveyPageRoutes } from './surveys/survey-page.routes.js';
import { DEMO_WORKSPACE } from './demo/demo-data.js';

export const API_VERSION = '0.1.0';

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: { method: string; url: string; hidden: boolean }[];
  }
}

/** Builds the HTTP app without listening: tests inject requests, `start` listens. */
export async function buildApp(deps: Deps, opts: { logger?: FastifyServerOptions['logger'] } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: deps.bodyLimit,
    // Absurdly long ids and paths are rejected before routing.
    routerOptions: { maxParamLength: 200 },
    // Errors raised before routing (malformed percent-encoding, over-long params) get our error format too.
    frameworkErrors: errorHandler,
    ajv: { customOptions: { removeAdditional: false } },
    return503OnClosing: true,
  });
  // Every route, so tests can prove the OpenAPI document covers them all.
  const routes: { method: string; url: string; hidden: boolean }[] = [];
  app.decorate('routeTable', routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: r.url, hidden: Boolean((r.schema as { hide?: boolean } | undefined)?.hide) });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(errorHandler);
  // The API speaks JSON only (a text/plain body is a 415, not a string that fails validation),
  // decoded as strict UTF-8: invalid bytes would otherwise be replaced with U+FFFD and stored.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(new AppError('invalid_string', 'body is not valid UTF-8'), undefined);
      return;
    }
    parseJson(req, text, done);
  });
  // Set below, after the plugins: page URLs of the agent console (/inbox …) are not API 404s.
  let consolePages: Awaited<ReturnType<typeof consoleRoutes>> | null = null;
  app.setNotFoundHandler((req, reply) => {
    if (consolePages?.wantsPage(req)) return consolePages.sendPage(reply);
    void reply.status(404).send(new AppError('not_found', `no route for ${req.method} ${req.url.split('?')[0]}`).toJSON());
  });

  // NUL bytes and lone surrogates would either fail inside PostgreSQL (a 500) or be silently
  // replaced on the way in; refuse them up front wherever a client can put text.
  app.addHook('preValidation', async (req) => {
    assertCleanStrings(req.params, 'params');
    assertCleanStrings(req.query, 'querystring');
    assertCleanStrings(req.body, 'body');
  });

  await app.register(cookie);
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Meridian API',
        version: API_VERSION,
        description:
          'Helpdesk API. Authenticate with `Authorization: Bearer <token>` (from `meridian token create`) or a session cookie from `/api/v1/auth/login`. ' +
          'Errors are `{ "error": { "code", "message", "details"? } }` with stable codes. Creates accept an `Idempotency-Key` header. ' +
          `Bodies over ${deps.bodyLimit} bytes are refused with 413.`,
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'meridian_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });

  registerAuth(app, deps);
  healthRoutes(app, deps);
  authRoutes(app, deps);
  conversationsRoutes(app, deps);
  messagesRoutes(app, deps);
  customersRoutes(app, deps);
  agentsRoutes(app, deps);
  teamsRoutes(app, deps);
  calendarsRoutes(app, deps);
  slaRoutes(app, deps);
  routingRoutes(app, deps);
  cultureRoutes(app, deps);
  streamRoutes(app, deps);
  translationRoutes(app, deps);
  translationSettingsRoutes(app, deps);
  acksRoutes(app, deps);
  surveysRoutes(app, deps);
  languageRoutes(app, deps);
  toneRoutes(app, deps);
  templatesRoutes(app, deps);
  reportsRoutes(app, deps);
  feedbackRoutes(app, deps);
  schedulingRoutes(app, deps);
  imapRoutes(app, deps);
  mailAdminRoutes(app, deps);
  mailOutboundRoutes(app, deps);
  channelOutboundRoutes(app, deps);
  attachmentsRoutes(app, deps);
  callsRoutes(app, deps);
  mentionsRoutes(app, deps);
  abuseRoutes(app, deps);
  channelsRoutes(app, deps);
  changesRoutes(app, deps);
  await app.register(channelWebhookRoutes(deps));
  // The demo page embeds the demo workspace's widget unless ?key= names another.
  widgetBundleRoutes(app, { defaultKey: () => widgetKeyOfSlug(deps.db, DEMO_WORKSPACE.slug) });
  widgetRoutes(app, deps);
  await surveyPageRoutes(app, deps);
  consolePages = await consoleRoutes(app);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  return app;
}
