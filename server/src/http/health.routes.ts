import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from './deps.js';

export function healthRoutes(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/api/v1/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Liveness and database reachability',
        security: [],
        response: { 200: Type.Object({ status: Type.Literal('ok'), engine: Type.String(), time: Type.String({ format: 'date-time' }) }) },
      },
    },
    async () => {
      await deps.db.query('SELECT 1');
      return { status: 'ok' as const, engine: deps.db.engine, time: deps.clock().toISOString() };
    },
  );
}
