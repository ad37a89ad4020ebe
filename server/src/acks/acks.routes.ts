import type { FastifyInstance } from 'fastify';
import { actorOf } from '../http/actor.js';
import { principalOf } from '../http/auth.js';
import type { Deps } from '../http/deps.js';
import { errorResponses } from '../http/schemas.js';
import { findAckSettings } from './acks.repo.js';
import { AckSettingsBody, AckSettingsView } from './acks.schema.js';
import { updateAckSettings } from './save-ack-settings.js';

export function acksRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['acknowledgements'];

  app.get(
    '/api/v1/settings/acknowledgements',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Auto-acknowledgement settings (admin): on or off, and the per-sender window',
        response: { 200: AckSettingsView, ...errorResponses },
      },
    },
    async (req) => findAckSettings(deps.db, principalOf(req).workspaceId),
  );

  app.put<{ Body: AckSettingsBody }>(
    '/api/v1/settings/acknowledgements',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Change the auto-acknowledgement settings (admin)',
        description:
          'New customer conversations are acknowledged in the customer’s language with the time a person will answer, unless the ' +
          'mail is automatic or bulk (RFC 3834) or the sender was acknowledged within `windowMinutes`. Applies to conversations ' +
          'decided after the change.',
        body: AckSettingsBody,
        response: { 200: AckSettingsView, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const row = await deps.db.transaction((tx) => updateAckSettings(tx, p.workspaceId, actorOf(p), req.body, deps.clock()));
      deps.onCommit();
      return row;
    },
  );
}
