import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/actor.js';
import { principalOf } from '../../http/auth.js';
import { decodeCursor, paginate } from '../../http/cursor.js';
import type { Deps } from '../../http/deps.js';
import { errorResponses, IdParams, Page } from '../../http/schemas.js';
import { findMailSettings, type MailSettingsRow } from './mail-settings.repo.js';
import { ListOutboxQuery, MailSettings, OutboxItem, PutMailSettingsBody } from './mail-outbound.schema.js';
import { listOutbox } from './outbox.repo.js';
import { relayFor } from './relay.js';
import { retryMail } from './retry-mail.js';
import { updateMailSettings } from './update-mail-settings.js';

/** Outbound mail: the workspace's relay and sender settings, the outbox, retries. */
export function mailOutboundRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['mail'];
  // Never the password; which relay is in use follows the sender's precedence (workspace, then server).
  const present = (ws: string, s: MailSettingsRow) => ({
    enabled: s.enabled,
    fromName: s.fromName,
    fromAddress: s.fromAddress,
    relayUrl: s.relayUrl,
    relayUser: s.relayUser,
    passwordSet: s.relaySecret !== null,
    relay: s.relayUrl ? ('workspace' as const) : relayFor(s, deps.secretBox, ws, deps.smtpRelay) ? ('server' as const) : null,
    updatedAt: s.updatedAt,
  });

  app.get(
    '/api/v1/mail/settings',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Outbound mail settings (admin; never the relay password)',
        response: { 200: MailSettings, ...errorResponses },
      },
    },
    async (req) => {
      const ws = principalOf(req).workspaceId;
      return present(ws, await findMailSettings(deps.db, ws));
    },
  );

  app.put<{ Body: PutMailSettingsBody }>(
    '/api/v1/mail/settings',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Set outbound mail: on/off, From, the relay (admin)',
        description:
          'Fields left out keep their value. Mail goes through the workspace relay when `relayUrl` is set, else through the ' +
          "server's (--smtp-relay); without either it waits in the outbox. `relayPassword` is sealed at rest and never returned " +
          '(null clears it; changing the relay or user without a new one clears it too). Private or loopback relay hosts are ' +
          'refused unless the operator allowed them (MERIDIAN_PROVIDER_ALLOWED_HOSTS). `fromAddress` must be an address the ' +
          'workspace receives mail at; null: the address the customer wrote to, else the first.',
        body: PutMailSettingsBody,
        response: { 200: MailSettings, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const row = await deps.db.transaction((tx) =>
        updateMailSettings(
          tx,
          p.workspaceId,
          actorOf(p),
          req.body,
          { box: deps.secretBox, allowedHosts: deps.providerAllowedHosts },
          deps.clock(),
        ),
      );
      deps.onCommit();
      return present(p.workspaceId, row);
    },
  );

  app.get<{ Querystring: ListOutboxQuery }>(
    '/api/v1/mail/outbox',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Outbound e-mail, newest first: queued, sent, failed (with the relay response) or held (with the reason)',
        querystring: ListOutboxQuery,
        response: { 200: Page(OutboxItem), ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 25;
      const rows = await listOutbox(deps.db, principalOf(req).workspaceId, {
        limit,
        status: req.query.status,
        conversationId: req.query.conversationId,
        after: decodeCursor(req.query.cursor),
      });
      return paginate(rows, limit, (r) => r.createdAt);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/mail/outbox/:id/retry',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Send a failed or held e-mail again now (admin)',
        description:
          'Also sends to an address a bounce reported failing. 409 when the mail is queued or sent already, waits for its ' +
          'translation review (approve the reply instead), or the customer has no e-mail address.',
        params: IdParams,
        response: { 200: OutboxItem, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const row = await deps.db.transaction((tx) => retryMail(tx, p.workspaceId, actorOf(p), req.params.id, deps.clock()));
      deps.onCommit();
      return row;
    },
  );
}
