import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.js';
import { toDetails } from './validation.js';

// Fastify's own error codes mapped to ours. Anything unmapped with a 4xx status becomes
// bad_request; everything else is internal and its details never reach the client.
const FASTIFY_CODES: Record<string, () => AppError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () => new AppError('payload_too_large', 'request body is larger than the limit'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => new AppError('unsupported_media_type', 'send JSON with Content-Type: application/json'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => new AppError('bad_request', 'Content-Length does not match the body'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => new AppError('invalid_json', 'body is empty but Content-Type is JSON'),
  FST_ERR_CTP_INVALID_JSON_BODY: () => new AppError('invalid_json', 'body is not valid JSON'),
  FST_ERR_BAD_URL: () => new AppError('bad_request', 'malformed URL'),
  FST_ERR_MAX_PARAM_LENGTH: () => new AppError('invalid_id', 'a path parameter is too long'),
  FST_ERR_ASYNC_CONSTRAINT: () => new AppError('bad_request', 'malformed request'),
};

export function toAppError(err: FastifyError | Error): AppError {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError & { validation?: unknown[]; validationContext?: string };
  if (fe.validation) {
    const part = fe.validationContext ?? 'body';
    return new AppError('validation_failed', 'request does not match the schema', toDetails(fe.validation as never, part));
  }
  if (fe.code && FASTIFY_CODES[fe.code]) return FASTIFY_CODES[fe.code]!();
  // A unique constraint lost to a concurrent request: the client may retry and will then see the winner.
  if ((fe as { code?: string }).code === '23505') return new AppError('conflict', 'a concurrent request changed the same record; retry');
  if (err instanceof SyntaxError) return new AppError('invalid_json', 'body is not valid JSON');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError(
      fe.statusCode === 413 ? 'payload_too_large' : fe.statusCode === 415 ? 'unsupported_media_type' : 'bad_request',
      'malformed request',
    );
  }
  return new AppError('internal', 'internal error');
}

export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const appErr = toAppError(err);
  if (appErr.code === 'internal') request.log.error({ err }, 'unhandled error');
  void reply.status(appErr.status).type('application/json').send(appErr.toJSON());
}
