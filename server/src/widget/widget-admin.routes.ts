import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf } from '../http/actor.js';
import { principalOf } from '../http/auth.js';
import type { Deps } from '../http/deps.js';
import { errorResponses } from '../http/schemas.js';
import { notFound } from '../lib/errors.js';
import { embedScript } from './bundle.routes.js';
import type { WidgetDirectory } from './directory.js';
import { openSecret, rotateWidgetKey, saveWidgetSettings } from './save-widget-settings.js';
import { findSettings, type WidgetSettingsRow } from './widget.repo.js';
import { RotateBody, WidgetSettingsBody, WidgetSettingsView } from './widget.schema.js';

/** What a site pastes into its pages: the loader of bundle.routes.ts (it never holds the page's load event back). */
export function embedSnippet(origin: string, publicKey: string): string {
  return `<script>${embedScript(`${origin}/widget.js`, publicKey)}</script>`;
}

const originOf = (req: FastifyRequest): string => `${req.protocol}://${req.host}`;

export function widgetAdminRoutes(app: FastifyInstance, deps: Deps, directory: WidgetDirectory): void {
  const tags = ['widget'];
  const view = (req: FastifyRequest, row: WidgetSettingsRow) => ({
    enabled: row.enabled,
    publicKey: row.publicKey,
    identitySecret: openSecret(deps.secretBox, row),
    identityRequired: row.identityRequired,
    allowedOrigins: row.allowedOrigins,
    teamId: row.teamId,
    preChatFields: row.preChatFields,
    greeting: row.greeting,
    snippet: embedSnippet(originOf(req), row.publicKey),
    updatedAt: row.updatedAt.toISOString(),
  });

  app.get(
    '/api/v1/widget/settings',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'The chat widget: key, identity secret, embed snippet and settings (admin)',
        response: { 200: WidgetSettingsView, ...errorResponses },
      },
    },
    async (req) => {
      const row = await findSettings(deps.db, principalOf(req).workspaceId);
      if (!row) throw notFound('widget settings');
      return view(req, row);
    },
  );

  app.put<{ Body: WidgetSettingsBody }>(
    '/api/v1/widget/settings',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Set up or change the chat widget (admin)',
        description:
          'The first call creates the workspace key (wk_…, public, in the snippet) and the identity secret (for the site’s server ' +
          'to compute `hash = HMAC-SHA256(user id)` or sign an HS256 JWT). `teamId` picks whose hours and reply time the widget shows.',
        body: WidgetSettingsBody,
        response: { 200: WidgetSettingsView, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const row = await deps.db.transaction((tx) =>
        saveWidgetSettings(tx, p.workspaceId, deps.secretBox, actorOf(p), req.body, deps.clock()),
      );
      directory.forget(p.workspaceId);
      deps.onCommit();
      return view(req, row);
    },
  );

  app.post<{ Body: RotateBody }>(
    '/api/v1/widget/settings/rotate',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Replace the identity secret or the public key (admin)',
        body: RotateBody,
        response: { 200: WidgetSettingsView, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const row = await deps.db.transaction((tx) =>
        rotateWidgetKey(tx, p.workspaceId, deps.secretBox, actorOf(p), req.body.what, deps.clock()),
      );
      directory.forget(p.workspaceId);
      deps.onCommit();
      return view(req, row);
    },
  );
}
