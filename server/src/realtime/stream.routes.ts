import type { FastifyInstance } from 'fastify';
import { principalOf } from '../http/auth.js';
import type { Deps } from '../http/deps.js';

/**
 * GET /api/v1/stream upgrades to a WebSocket that carries the caller's workspace events
 * (message.created, conversation.created, conversation.updated, …) as JSON text frames.
 * Authenticated like every other route: session cookie or Authorization: Bearer.
 */
export function streamRoutes(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/api/v1/stream',
    {
      websocket: true,
      config: { access: 'agent' },
      schema: { tags: ['realtime'], summary: 'WebSocket stream of workspace events (upgrade)', hide: false },
    },
    (socket, req) => {
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
  );
}
