import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { isBlocked } from '../abuse/blocks.repo.js';
import type { Deps, PublicEvent } from '../http/deps.js';
import { ErrorResponse } from '../http/schemas.js';
import { AppError } from '../lib/errors.js';
import { isUuid } from '../lib/ids.js';
import type { MessageRow } from '../messages/messages.repo.js';
import type { WidgetDirectory } from './directory.js';
import type { WidgetConn, WidgetGateway } from './gateway.js';
import type { WidgetLimits } from './limits.js';
import { presentMessages, widgetMessage } from './present.js';
import { WIDGET_CLOSE, type ClientFrame, type ServerFrame } from './protocol.js';
import { acceptVisitorMessage } from './visitor-message.js';
import { visitorByToken } from './visitor.js';
import { originAllowed } from './widget-access.js';
import { visibleConversations, visibleMessages, type VisibleMessageRow, type VisitorRow } from './widget.repo.js';
import { ConfigQuery } from './widget.schema.js';

type Conn = WidgetConn & { visitor: VisitorRow; current: string | null };

const HELLO_TIMEOUT_MS = 10_000;
const REPLAY_LIMIT = 200;
const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;
const MAX_ATTACHMENTS = 10;

/** A frame from the browser, checked by hand (it is small, and this runs for every keystroke's typing frame). */
export function parseFrame(raw: string): ClientFrame | null {
  let f: unknown;
  try {
    f = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!f || typeof f !== 'object' || Array.isArray(f)) return null;
  const o = f as Record<string, unknown>;
  switch (o.t) {
    case 'hello':
      if (typeof o.visitorToken !== 'string') return null;
      if (o.since !== undefined && o.since !== null && (typeof o.since !== 'string' || !isUuid(o.since))) return null;
      return { t: 'hello', visitorToken: o.visitorToken, since: (o.since as string | null | undefined) ?? null };
    case 'send': {
      if (typeof o.clientId !== 'string' || !CLIENT_ID.test(o.clientId) || typeof o.text !== 'string') return null;
      let fields: Record<string, string> | undefined;
      if (o.fields !== undefined) {
        if (!o.fields || typeof o.fields !== 'object' || Array.isArray(o.fields)) return null;
        fields = {};
        for (const [k, v] of Object.entries(o.fields)) if (typeof v === 'string') fields[k] = v;
      }
      let attachmentIds: string[] | undefined;
      if (o.attachmentIds !== undefined) {
        if (!Array.isArray(o.attachmentIds) || o.attachmentIds.length > MAX_ATTACHMENTS) return null;
        if (!o.attachmentIds.every((x): x is string => typeof x === 'string' && isUuid(x))) return null;
        attachmentIds = [...new Set(o.attachmentIds)];
      }
      return { t: 'send', clientId: o.clientId, text: o.text, ...(fields ? { fields } : {}), ...(attachmentIds ? { attachmentIds } : {}) };
    }
    case 'typing':
      return typeof o.on === 'boolean' ? { t: 'typing', on: o.on } : null;
    case 'ping':
      return { t: 'ping' };
    default:
      return null;
  }
}

/**
 * GET /api/v1/widget/socket?key=wk_… — the visitor's live chat. The first frame must be `hello` with
 * the visitor token (kept out of the URL, so out of access logs); the server answers `welcome` with
 * what the visitor missed since the message id it last holds, then `ack`s each message it stores.
 */
export function widgetSocketRoutes(
  app: FastifyInstance,
  deps: Deps,
  ctx: { directory: WidgetDirectory; gateway: WidgetGateway; limits: WidgetLimits },
): void {
  const { directory, gateway, limits } = ctx;
  app.route<{ Querystring: ConfigQuery }>({
    method: 'GET',
    url: '/api/v1/widget/socket',
    config: { access: 'public' },
    schema: {
      tags: ['widget'],
      summary: 'The widget’s WebSocket (public; frames in server/src/widget/protocol.ts)',
      description:
        'Open with a WebSocket upgrade; the first frame is {"t":"hello","visitorToken","since"}. Messages are {"t":"send","clientId","text"}, ' +
        'acknowledged once stored ({"t":"ack"}); a resend with the same clientId is answered with the stored message. A plain GET answers 426.',
      querystring: ConfigQuery,
      response: { 426: ErrorResponse },
    },
    handler: async () => {
      throw new AppError('upgrade_required', 'this endpoint speaks WebSocket: send an Upgrade request');
    },
    wsHandler: (socket: WebSocket, req) => {
      const now = () => deps.clock().getTime();
      const close = (code: number, why: string) => socket.close(code, why);
      if (!limits.ipSockets.take(req.ip, now())) return close(WIDGET_CLOSE.rateLimited, 'too many connections');
      const frames = limits.socketFrames();
      let conn: Conn | null = null;
      let helloSeen = false;
      let sending: Promise<void> = Promise.resolve();
      const send = (f: ServerFrame) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(f));
      };
      const fail = (code: string, message: string, clientId?: string) =>
        send({ t: 'error', code, message, ...(clientId ? { clientId } : {}) });
      const timer = setTimeout(() => close(WIDGET_CLOSE.helloTimeout, 'hello expected'), HELLO_TIMEOUT_MS);
      const cleanup = () => {
        clearTimeout(timer);
        if (conn) gateway.detach(conn);
      };
      socket.on('close', cleanup);
      socket.on('error', cleanup);

      const hello = async (f: Extract<ClientFrame, { t: 'hello' }>) => {
        const settings = await directory.byKey(req.query.key);
        if (!settings?.enabled || !originAllowed(settings, req.headers.origin)) return close(WIDGET_CLOSE.unauthorized, 'unknown widget');
        const ws = settings.workspaceId;
        const visitor = await visitorByToken(deps.db, ws, f.visitorToken);
        if (!visitor) return close(WIDGET_CLOSE.unauthorized, 'unknown visitor');
        if (await isBlocked(deps.db, ws, 'chat', visitor.id)) return close(WIDGET_CLOSE.blocked, 'blocked');
        if (gateway.socketsOf(ws, visitor.id) >= limits.config.socketsPerVisitor) return close(WIDGET_CLOSE.rateLimited, 'too many tabs');
        if (socket.readyState !== socket.OPEN) return;
        const c: Conn = { workspaceId: ws, visitorId: visitor.id, visitor, send, current: null };
        // Watch before reading: a reply committed meanwhile arrives twice at worst (the widget keeps one per id), never not at all.
        gateway.attach(c);
        conn = c;
        const conversations = await visibleConversations(deps.db, ws, visitor);
        for (const cv of conversations) gateway.watch(c, cv.id);
        const ids = conversations.map((cv) => cv.id);
        const rows = await visibleMessages(deps.db, ws, ids, { after: f.since ?? null, limit: f.since ? REPLAY_LIMIT : 50 });
        const current = conversations.find((cv) => cv.channel === 'chat' && cv.status !== 'closed')?.id ?? null;
        c.current = current;
        send({ t: 'welcome', visitorId: visitor.id, conversationId: current, messages: await presentMessages(deps.db, ws, rows) });
      };

      const sendMessage = async (c: Conn, f: Extract<ClientFrame, { t: 'send' }>) => {
        if (f.text.trim() === '' && !f.attachmentIds?.length) return fail('validation_failed', 'the message is empty', f.clientId);
        if (f.text.length > limits.config.maxMessageLength) {
          return fail('message_too_long', `at most ${limits.config.maxMessageLength} characters`, f.clientId);
        }
        if (!limits.visitorMessages.take(`${c.workspaceId}:${c.visitorId}`, now())) {
          return fail('rate_limited', 'slow down: too many messages', f.clientId);
        }
        // The block check shares the message's transaction (one statement with the resend check, after the visitor's lock).
        const r = await deps.db.transaction((tx) =>
          acceptVisitorMessage(
            tx,
            c.workspaceId,
            c.visitor,
            { clientId: f.clientId, text: f.text, attachmentIds: f.attachmentIds, fields: f.fields, locale: c.visitor.locale },
            deps.clock(),
          ),
        );
        if (r.blocked) return close(WIDGET_CLOSE.blocked, 'blocked');
        if (!r.duplicate) deps.onCommit();
        c.current = r.conversationId;
        gateway.watchForVisitor(c.workspaceId, c.visitorId, r.conversationId);
        // A new message is acked from what was just stored (no second query); a resend reads the stored one.
        const row =
          r.message && !f.attachmentIds?.length
            ? storedVisitorMessage(r.message, f.clientId)
            : (await visibleMessages(deps.db, c.workspaceId, [r.conversationId], { messageId: r.messageId, limit: 1 }))[0];
        if (!row) return;
        // Attachments are read back only when the message has some.
        const message = f.attachmentIds?.length ? (await presentMessages(deps.db, c.workspaceId, [row]))[0]! : widgetMessage(row);
        send({ t: 'ack', clientId: f.clientId, message });
        if (!r.duplicate) gateway.ackedTo(c, r.messageId);
      };

      socket.on('message', (data, isBinary) => {
        if (isBinary) return close(1003, 'text frames only');
        if (!frames.take('f', now())) return fail('rate_limited', 'slow down');
        const f = parseFrame(String(data));
        if (!f) return fail('bad_frame', 'not a widget frame');
        if (f.t === 'ping') return send({ t: 'pong' });
        if (f.t === 'hello') {
          if (helloSeen) return fail('bad_frame', 'hello was already sent');
          helloSeen = true;
          clearTimeout(timer);
          hello(f).catch((err: unknown) => {
            req.log.error({ err }, 'widget hello failed');
            close(1011, 'internal error');
          });
          return;
        }
        const c = conn;
        if (!c) return fail('bad_frame', 'send hello first');
        if (f.t === 'typing') {
          if (c.current) deps.publish?.(c.workspaceId, typingEvent(c, c.current, f.on, deps.clock()));
          return;
        }
        // One after another per socket: on PostgreSQL two sends in flight would race for the visitor's lock, and the
        // later message could be stored (and acknowledged) before the earlier one, as resends after a reconnect are.
        sending = sending.then(() =>
          sendMessage(c, f).catch((err: unknown) => {
            req.log.error({ err }, 'widget message failed');
            fail(
              err instanceof AppError ? err.code : 'internal',
              err instanceof AppError ? err.message : 'the message was not stored: send it again',
              f.clientId,
            );
          }),
        );
      });
    },
  });
}

/** The visitor's own message as visibleMessages would read it back: inbound, untranslated, with its client id. */
function storedVisitorMessage(m: MessageRow, clientId: string): VisibleMessageRow {
  return {
    id: m.id,
    conversationId: m.conversationId,
    direction: 'inbound',
    authorType: m.authorType,
    authorName: null,
    text: m.text,
    deliveredText: null,
    deliveredNotice: null,
    clientId,
    createdAt: m.createdAt,
  };
}

/** Visitor typing goes to the agents' stream straight from the hub: not stored, not in the outbox. */
function typingEvent(c: Conn, conversationId: string, on: boolean, at: Date): PublicEvent {
  return {
    id: 0,
    type: 'conversation.typing',
    subjectId: conversationId,
    payload: { conversationId, who: 'customer', on, visitorId: c.visitorId },
    createdAt: at.toISOString(),
  };
}
