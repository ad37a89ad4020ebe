import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../db/types.js';
import { AppError } from '../lib/errors.js';
import { principalOf } from './auth.js';
import type { Deps } from './deps.js';
import { findIdempotent, saveIdempotent } from './idempotency.repo.js';

const KEY_RE = /^[\x21-\x7e]{1,255}$/;

/**
 * Runs a create in one transaction. With an Idempotency-Key header the response is stored in
 * that same transaction, so a retry after a crash or timeout either replays the committed
 * result or finds nothing was written and runs again.
 */
export async function createOnce<T>(deps: Deps, req: FastifyRequest, reply: FastifyReply, run: (tx: Queryable) => Promise<T>): Promise<T> {
  const principal = principalOf(req);
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) {
    const result = await deps.db.transaction(run);
    deps.onCommit();
    void reply.status(201);
    return result;
  }
  if (typeof raw !== 'string' || !KEY_RE.test(raw)) {
    throw new AppError('validation_failed', 'Idempotency-Key must be 1–255 printable ASCII characters', [
      { path: 'headers/idempotency-key', message: 'invalid' },
    ]);
  }
  const principalKey = `${principal.kind}:${principal.id}`;
  const requestHash = createHash('sha256')
    .update(`${req.method} ${req.routeOptions.url ?? req.url}\n${JSON.stringify(req.params)}\n${JSON.stringify(req.body ?? null)}`)
    .digest('hex');

  const replay = async (): Promise<T | undefined> => {
    const prior = await findIdempotent(deps.db, principal.workspaceId, principalKey, raw);
    if (!prior) return undefined;
    if (prior.requestHash !== requestHash) {
      throw new AppError('idempotency_key_reused', 'this Idempotency-Key was used with a different request');
    }
    void reply.status(prior.statusCode).header('idempotent-replayed', 'true');
    return prior.response as T;
  };

  const earlier = await replay();
  if (earlier !== undefined) return earlier;
  try {
    const result = await deps.db.transaction(async (tx) => {
      const r = await run(tx);
      await saveIdempotent(
        tx,
        principal.workspaceId,
        {
          principal: principalKey,
          key: raw,
          method: req.method,
          path: req.url.slice(0, 500),
          requestHash,
          statusCode: 201,
          response: r,
        },
        deps.clock(),
      );
      return r;
    });
    deps.onCommit();
    void reply.status(201);
    return result;
  } catch (err) {
    // Two concurrent requests with one key: the loser rolls back and replays the winner.
    if ((err as { code?: string }).code === '23505' && String((err as Error).message).includes('idempotency_keys')) {
      const winner = await replay();
      if (winner !== undefined) return winner;
    }
    throw err;
  }
}
