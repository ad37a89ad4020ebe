import type { FastifyInstance } from 'fastify';
import { principalOf } from '../http/auth.js';
import type { Deps } from '../http/deps.js';
import { ErrorResponse } from '../http/schemas.js';
import { AppError } from '../lib/errors.js';

/**
 * GET /api/v1/stream upgrades to a WebSocket that carries the caller's workspace events
 * (message.created, conversation.created, conversation.updated, …) as JSON text frames.
 * Authenticated like every other route: session cookie or Authorization: Bearer.
 */
export function streamRoutes(app: FastifyInstance, deps: Deps): void {
  app.route({
    method: 'GET',
    url: '/api/v1/stream',
    config: { access: 'agent' },
    schema: {
      tags: ['realtime'],
      summary: 'WebSocket stream of committed workspace events',
      description:
        'Open with a WebSocket upgrade. The first frame is {"type":"hello"}; every later frame is one event ' +
        '{"id","type","subjectId","payload","createdAt"} such as message.created or conversation.updated. A plain GET answers 426.',
      response: { 426: ErrorResponse, 401: ErrorResponse },
    },
    handler: async () => {
      throw new AppError('upgrade_required', 'this endpoint speaks WebSocket: send an Upgrade request');
    },
    wsHandler: (socket, req) => {
      const p = principalOf(req);
      if (!deps.subscribe) {
        socket.close(1011, 'realtime unavailable');
        return;
      }
      const unsubscribe = deps.subscribe(p.workspaceId, (ev) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(ev));
      });
      socket.on('close', unsubscribe);
      socket.on('error', unsubscribe);
      // Clients may ping with any text; the stream is one-way otherwise.
      socket.on('message', () => undefined);
      socket.send(JSON.stringify({ type: 'hello', workspaceId: p.workspaceId }));
    },
  });
}
