import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { principalOf } from '../http/auth.js';
import { decodeCursor, paginate } from '../http/cursor.js';
import type { Deps } from '../http/deps.js';
import { errorResponses, IdParams, Page } from '../http/schemas.js';
import { AppError, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { Download, sendDownload } from '../storage/download.js';
import { clearFailing, deleteAddress, findQuarantine, insertAddress, listAddresses, listFailing, listQuarantine } from './mail.repo.js';
import {
  FailingAddress,
  FailingAddressParams,
  ListQuarantineQuery,
  MailAddress,
  PostAddressBody,
  QuarantineItem,
  ReprocessResult,
} from './mail-admin.schema.js';

/** Admin routes for inbound mail: the addresses a workspace receives at, bounced addresses, quarantine. */
export function mailAdminRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['mail'];

  app.get(
    '/api/v1/mail/addresses',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Addresses this workspace receives mail at (admin)',
        response: { 200: Page(MailAddress), ...errorResponses },
      },
    },
    async (req) => ({ data: await listAddresses(deps.db, principalOf(req).workspaceId), nextCursor: null }),
  );

  app.post<{ Body: PostAddressBody }>(
    '/api/v1/mail/addresses',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Receive mail at an address (admin)',
        description:
          'Mail to the address, and to its `+tag` forms, opens or continues conversations in this workspace, whether it arrives at ' +
          'the SMTP listener (point MX or forwarding at it) or is fetched over IMAP. An address belongs to one workspace (409 when taken).',
        body: PostAddressBody,
        response: { 201: MailAddress, ...errorResponses },
      },
    },
    async (req, reply) => {
      const ws = principalOf(req).workspaceId;
      const address = req.body.address.toLowerCase();
      const local = address.slice(0, address.lastIndexOf('@'));
      if (local.includes('+')) {
        throw new AppError('validation_failed', 'add the plain address; its +tag forms are received with it', [
          { path: 'body/address', message: 'must not contain +' },
        ]);
      }
      const row = { id: newId(), address, name: req.body.name?.trim() || null, createdAt: deps.clock() };
      const inserted = await deps.db.transaction((tx) => insertAddress(tx, ws, row));
      if (!inserted) throw new AppError('already_exists', 'mail to this address is already received by a workspace');
      return reply.status(201).send(row);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/mail/addresses/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Stop receiving mail at an address (admin)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const ws = principalOf(req).workspaceId;
      if (!(await deps.db.transaction((tx) => deleteAddress(tx, ws, req.params.id)))) throw notFound('mail address');
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/mail/failing-addresses',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Customer addresses that bounced (most recent first)',
        description: 'Delivery status notifications mark an address here instead of opening a conversation; replies to it are held.',
        response: { 200: Page(FailingAddress), ...errorResponses },
      },
    },
    async (req) => ({ data: await listFailing(deps.db, principalOf(req).workspaceId), nextCursor: null }),
  );

  app.delete<{ Params: FailingAddressParams }>(
    '/api/v1/mail/failing-addresses/:address',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Forget that an address bounced (admin), so mail to it goes out again',
        params: FailingAddressParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const ws = principalOf(req).workspaceId;
      const address = req.params.address.toLowerCase();
      if (!(await deps.db.transaction((tx) => clearFailing(tx, ws, address)))) throw notFound('failing address');
      return reply.status(204).send();
    },
  );

  app.get<{ Querystring: ListQuarantineQuery }>(
    '/api/v1/mail/quarantine',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Mail kept aside with the reason (admin): malformed or hostile structure, loops, floods',
        querystring: ListQuarantineQuery,
        response: { 200: Page(QuarantineItem), ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 25;
      const rows = await listQuarantine(deps.db, principalOf(req).workspaceId, {
        limit,
        cursor: decodeCursor(req.query.cursor),
        released: req.query.released,
      });
      return paginate(rows, limit, (r) => r.createdAt);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/mail/quarantine/:id',
    {
      config: { access: 'admin' },
      schema: { tags, summary: 'One quarantined message (admin)', params: IdParams, response: { 200: QuarantineItem, ...errorResponses } },
    },
    async (req) => {
      const row = await findQuarantine(deps.db, principalOf(req).workspaceId, req.params.id);
      if (!row) throw notFound('quarantined message');
      const { ledger: _ledger, mailMessageId: _m, ...item } = row;
      return item;
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/mail/quarantine/:id/raw',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'The quarantined message as received, downloaded as message/rfc822 (admin)',
        params: IdParams,
        response: { 200: Download, ...errorResponses },
      },
    },
    async (req, reply) => {
      const row = await findQuarantine(deps.db, principalOf(req).workspaceId, req.params.id);
      if (!row) throw notFound('quarantined message');
      return sendDownload(reply, await deps.blobs.get(row.ledger.rawKey), {
        name: `quarantine-${row.id}.eml`,
        contentType: 'message/rfc822',
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/mail/quarantine/:id/reprocess',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Ingest a quarantined message again (admin); flood caps do not hold it back a second time',
        description: 'Answers what became of it; a message that is still malformed stays quarantined. Reprocessed once (409 after).',
        params: IdParams,
        response: { 200: ReprocessResult, ...errorResponses },
      },
    },
    async (req) => {
      const out = await deps.mailIngest.reprocess(principalOf(req).workspaceId, req.params.id);
      return {
        outcome: out.kind,
        conversationId: 'conversationId' in out ? out.conversationId : null,
        reason: 'reason' in out ? out.reason : null,
      };
    },
  );
}
