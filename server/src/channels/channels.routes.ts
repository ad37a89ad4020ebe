import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../http/actor.js';
import { principalOf } from '../http/auth.js';
import type { Deps } from '../http/deps.js';
import { errorResponses, IdParams } from '../http/schemas.js';
import { notFound } from '../lib/errors.js';
import { findChannelAccount, listChannelAccounts, type ChannelAccountRow } from './accounts.repo.js';
import { SECRET_NAMES } from './channel-secrets.js';
import { ChannelAccount, ChannelAccountList, CreateChannelBody, UpdateChannelBody } from './channels.schema.js';
import { addChannelAccount, changeChannelAccount, removeChannelAccount } from './manage-channel-account.js';
import { webhookPath } from './webhook-url.js';

/** Admin routes for WhatsApp, Telegram and SMS accounts: settings in, secrets write-only, the webhook to paste out. */
export function channelsRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['channels'];
  const present = (row: ChannelAccountRow) => {
    const path = webhookPath(row.kind, row.webhookId);
    return {
      id: row.id,
      kind: row.kind,
      name: row.name,
      enabled: row.enabled,
      settings: row.settings,
      // Every secret is required when the account is made and kept on change, so all are set.
      secretsSet: [...SECRET_NAMES[row.kind]] as string[],
      webhookPath: path,
      webhookUrl: deps.publicUrl ? `${deps.publicUrl}${path}` : null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  };

  app.get(
    '/api/v1/channels',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'WhatsApp, Telegram and SMS accounts of this workspace (admin)',
        response: { 200: ChannelAccountList, ...errorResponses },
      },
    },
    async (req) => ({ data: (await listChannelAccounts(deps.db, principalOf(req).workspaceId)).map(present) }),
  );

  app.post<{ Body: CreateChannelBody }>(
    '/api/v1/channels',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Connect a WhatsApp Cloud API number, Telegram bot or Twilio SMS sender (admin)',
        description:
          'Secrets are sealed at rest and never returned. The answer names the webhook to set in the provider console ' +
          '(`webhookUrl`, or `webhookPath` under the server’s public URL): messages sent to it with a valid signature open or continue conversations.',
        body: CreateChannelBody,
        response: { 201: ChannelAccount, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const row = await deps.db.transaction((tx) =>
        addChannelAccount(tx, p.workspaceId, actorOf(p), req.body, deps.secretBox, deps.clock()),
      );
      deps.onCommit();
      return reply.status(201).send(present(row));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/channels/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'One channel account (admin; never its secrets)',
        params: IdParams,
        response: { 200: ChannelAccount, ...errorResponses },
      },
    },
    async (req) => {
      const row = await findChannelAccount(deps.db, principalOf(req).workspaceId, req.params.id);
      if (!row) throw notFound('channel account');
      return present(row);
    },
  );

  app.patch<{ Params: { id: string }; Body: UpdateChannelBody }>(
    '/api/v1/channels/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Change a channel account (admin)',
        description:
          'Settings and secrets of the account’s own kind; a secret left out is kept. `enabled: false` makes its webhook answer 404.',
        params: IdParams,
        body: UpdateChannelBody,
        response: { 200: ChannelAccount, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const row = await deps.db.transaction((tx) =>
        changeChannelAccount(tx, p.workspaceId, actorOf(p), req.params.id, req.body, deps.secretBox, deps.clock()),
      );
      deps.onCommit();
      return present(row);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/channels/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Disconnect a channel account (admin)',
        description: 'Its webhook stops answering; the conversations it brought stay.',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      await deps.db.transaction((tx) => removeChannelAccount(tx, p.workspaceId, actorOf(p), req.params.id, deps.clock()));
      deps.onCommit();
      return reply.status(204).send();
    },
  );
}
