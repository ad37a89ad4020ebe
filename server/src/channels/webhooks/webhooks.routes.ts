import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../http/deps.js';
import { AppError } from '../../lib/errors.js';
import { findChannelAccountByWebhook, type ChannelAccountRow, type ChannelKind } from '../accounts.repo.js';
import { openSecrets } from '../channel-secrets.js';
import { WebhookParams } from '../channels.schema.js';
import { ingestChannelMessages } from '../ingest-channel.js';
import type { ParsedWebhook } from './inbound.types.js';
import { RawBody } from './raw-body.js';
import { safeEqual, verifyTelegramSecret, verifyTwilioSignature, verifyWhatsAppSignature } from './signatures.js';
import { parseTelegram } from './telegram.js';
import { EMPTY_TWIML, parseTwilio } from './twilio.js';
import { parseWhatsApp } from './whatsapp.js';

type Req = FastifyRequest<{ Params: WebhookParams }>;

const VerifyQuery = Type.Object({
  'hub.mode': Type.Optional(Type.String({ maxLength: 50 })),
  'hub.verify_token': Type.Optional(Type.String({ maxLength: 500 })),
  // Meta sends a number; anything else is refused rather than reflected.
  'hub.challenge': Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_.-]{1,200}$' })),
});

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Provider webhooks: public, found by the random webhook id in the path, then verified with the
 * account's own secret over the exact bytes received (an encapsulated scope with its own body
 * parsers keeps them: the API's JSON parser would not). A disabled or unknown account is a 404 and a
 * bad or missing signature a 401, both before anything is stored. A verified body with nothing
 * usable in it is logged and answered 200: providers retry non-2xx answers, and the same bytes
 * would fail the same way for days.
 */
export function channelWebhookRoutes(deps: Deps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, new RawBody(body as Buffer)));
    const schema = (summary: string) => ({ hide: true, summary, params: WebhookParams });
    const config = { access: 'public' as const };

    async function account(req: Req, kind: ChannelKind): Promise<ChannelAccountRow> {
      const row = await findChannelAccountByWebhook(deps.db, kind, req.params.webhookId);
      if (!row || !row.enabled) throw new AppError('not_found', 'no such webhook');
      return row;
    }
    const raw = (req: FastifyRequest): Buffer => (req.body instanceof RawBody ? req.body.bytes : Buffer.alloc(0));
    const unauthorized = () => new AppError('unauthorized', 'the webhook signature does not verify');

    /** Stores what a verified body holds; answers only after the commit. */
    async function take(req: FastifyRequest, row: ChannelAccountRow, parsed: ParsedWebhook): Promise<void> {
      if (parsed.ignored.length) req.log.info({ accountId: row.id, ignored: parsed.ignored.slice(0, 20) }, 'webhook: parts ignored');
      const { outcomes, statusesApplied } = await ingestChannelMessages(deps, row, parsed.messages, parsed.statuses);
      const rejected = outcomes.filter((o) => o.kind === 'rejected');
      if (rejected.length) req.log.warn({ accountId: row.id, rejected }, 'webhook: messages refused by the conversation model');
      if (parsed.statuses.length)
        req.log.debug({ accountId: row.id, statuses: parsed.statuses.length, statusesApplied }, 'webhook: delivery statuses');
    }

    function json(req: FastifyRequest, row: ChannelAccountRow): unknown {
      try {
        return JSON.parse(utf8.decode(raw(req))) as unknown;
      } catch {
        req.log.warn({ accountId: row.id }, 'webhook: signed body is not JSON');
        return null;
      }
    }

    app.get<{ Params: WebhookParams; Querystring: Record<string, string | undefined> }>(
      '/webhooks/whatsapp/:webhookId',
      {
        config,
        schema: {
          ...schema('WhatsApp webhook verification (Meta calls it once when the callback URL is saved)'),
          querystring: VerifyQuery,
        },
      },
      async (req, reply: FastifyReply) => {
        const row = await account(req, 'whatsapp');
        const q = req.query;
        const { verifyToken } = openSecrets(deps.secretBox, row as ChannelAccountRow<'whatsapp'>);
        if (q['hub.mode'] !== 'subscribe' || !q['hub.challenge'] || !safeEqual(verifyToken, q['hub.verify_token'] ?? '')) {
          throw new AppError('forbidden', 'the verify token does not match');
        }
        return reply.type('text/plain; charset=utf-8').header('x-content-type-options', 'nosniff').send(q['hub.challenge']);
      },
    );

    app.post<{ Params: WebhookParams }>(
      '/webhooks/whatsapp/:webhookId',
      { config, schema: schema('WhatsApp Cloud API webhook (X-Hub-Signature-256)') },
      async (req, reply) => {
        const row = await account(req, 'whatsapp');
        const { appSecret } = openSecrets(deps.secretBox, row as ChannelAccountRow<'whatsapp'>);
        if (!verifyWhatsAppSignature(appSecret, raw(req), header(req, 'x-hub-signature-256'))) throw unauthorized();
        await take(req, row, parseWhatsApp(json(req, row), row, deps.clock()));
        return reply.status(200).send({ ok: true });
      },
    );

    app.post<{ Params: WebhookParams }>(
      '/webhooks/telegram/:webhookId',
      { config, schema: schema('Telegram Bot API webhook (X-Telegram-Bot-Api-Secret-Token)') },
      async (req, reply) => {
        const row = await account(req, 'telegram');
        const { secretToken } = openSecrets(deps.secretBox, row as ChannelAccountRow<'telegram'>);
        if (!verifyTelegramSecret(secretToken, header(req, 'x-telegram-bot-api-secret-token'))) throw unauthorized();
        await take(req, row, parseTelegram(json(req, row), row));
        return reply.status(200).send({ ok: true });
      },
    );

    app.post<{ Params: WebhookParams }>(
      '/webhooks/twilio/:webhookId',
      { config, schema: schema('Twilio Messaging webhook and status callback (X-Twilio-Signature)') },
      async (req, reply) => {
        const row = await account(req, 'sms');
        const { authToken } = openSecrets(deps.secretBox, row as ChannelAccountRow<'sms'>);
        // Twilio signs the URL it called: ours as the public sees it, path and query as received.
        const url = `${deps.publicUrl ?? `${req.protocol}://${req.host}`}${req.url}`;
        const form = req.headers['content-type']?.toLowerCase().startsWith('application/x-www-form-urlencoded');
        const params = form ? [...new URLSearchParams(raw(req).toString('utf8'))] : [];
        if (!verifyTwilioSignature(authToken, url, params, header(req, 'x-twilio-signature'))) throw unauthorized();
        await take(req, row, parseTwilio(new Map(params), row, deps.clock()));
        return reply.status(200).type('text/xml; charset=utf-8').send(EMPTY_TWIML);
      },
    );
  };
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}
