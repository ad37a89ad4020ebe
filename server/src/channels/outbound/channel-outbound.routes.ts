import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/actor.js';
import { principalOf } from '../../http/auth.js';
import { decodeCursor, paginate } from '../../http/cursor.js';
import type { Deps } from '../../http/deps.js';
import { errorResponses, IdParams, Page } from '../../http/schemas.js';
import { ChannelOutboxItem, ListChannelOutboxQuery, WhatsAppTemplateBody } from './channel-outbound.schema.js';
import { listChannelOutbox } from './outbox.repo.js';
import { retryChannelMessage } from './retry-channel-message.js';
import { sendWhatsAppTemplate } from './send-whatsapp-template.js';

/** Outbound WhatsApp, Telegram and SMS: the outbox, retries, WhatsApp templates. */
export function channelOutboundRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['channels'];

  app.get<{ Querystring: ListChannelOutboxQuery }>(
    '/api/v1/channels/outbox',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Outbound WhatsApp, Telegram and SMS messages, newest first, with their delivery status (lead)',
        description:
          'queued → sending → sent → delivered → read as the provider reports it; held (with `heldReason`: no_recipient, no_account, ' +
          'account_disabled, awaiting_review, outside_24h_window) or failed (with `failedReason` and the provider error in `lastError`).',
        querystring: ListChannelOutboxQuery,
        response: { 200: Page(ChannelOutboxItem), ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 25;
      const rows = await listChannelOutbox(deps.db, principalOf(req).workspaceId, {
        limit,
        status: req.query.status,
        channel: req.query.channel,
        conversationId: req.query.conversationId,
        after: decodeCursor(req.query.cursor),
      });
      return paginate(rows, limit, (r) => r.createdAt);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/channels/outbox/:id/retry',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Send a failed or held channel message again now (lead)',
        description:
          '409 when it is queued, being sent or sent already, or waits for its translation review (approve the reply instead). ' +
          'A WhatsApp reply outside the 24-hour window is held again: send a template.',
        params: IdParams,
        response: { 200: ChannelOutboxItem, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const row = await deps.db.transaction((tx) => retryChannelMessage(tx, p.workspaceId, actorOf(p), req.params.id, deps.clock()));
      deps.onCommit();
      return row;
    },
  );

  app.post<{ Params: { id: string }; Body: WhatsAppTemplateBody }>(
    '/api/v1/conversations/:id/whatsapp/template',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Send an approved WhatsApp template to the customer (also outside the 24-hour window)',
        description:
          "`name` and `language` as approved in WhatsApp Manager; `components` are the parameters in Meta's documented shape, passed " +
          'through. Adds an outbound message naming the template and queues it; the answer is its outbox row. 409 when the ' +
          'conversation is not a WhatsApp one or no customer message says which number and account to use.',
        params: IdParams,
        body: WhatsAppTemplateBody,
        response: { 201: ChannelOutboxItem, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const row = await deps.db.transaction((tx) => sendWhatsAppTemplate(tx, p.workspaceId, p, req.params.id, req.body, deps.clock()));
      deps.onCommit();
      return reply.code(201).send(row);
    },
  );
}
