import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { isBlocked } from '../abuse/blocks.repo.js';
import { normaliseAttachmentName, normaliseContentType } from '../email/attachment-name.js';
import type { Deps } from '../http/deps.js';
import { errorResponses } from '../http/schemas.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { WidgetDirectory } from './directory.js';
import type { WidgetLimits } from './limits.js';
import { visitorByToken } from './visitor.js';
import { takeIpBudget, widgetFor } from './widget-access.js';
import { insertUpload } from './widget.repo.js';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const UploadView = Type.Object({ id: Type.String(), name: Type.String(), contentType: Type.String(), size: Type.Integer() });

/**
 * POST /api/v1/widget/attachments: the file itself is the body (any type, at most 10 MiB), with the
 * widget key, visitor token and URI-encoded file name in headers. In its own scope because the API
 * otherwise parses JSON only. The bytes are stored first, then the row naming them; they belong to the
 * visitor until a message claims them. Served to agents only as downloads (storage/download.ts).
 */
export function widgetUploadRoutes(deps: Deps, ctx: { directory: WidgetDirectory; limits: WidgetLimits }) {
  return async (scope: FastifyInstance): Promise<void> => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_req, body, done) => done(null, body));
    scope.post(
      '/api/v1/widget/attachments',
      {
        config: { access: 'public' },
        bodyLimit: MAX_ATTACHMENT_BYTES,
        schema: {
          tags: ['widget'],
          summary: 'Upload a file for the visitor’s next message (public)',
          description:
            'The body is the file; headers `X-Widget-Key`, `X-Visitor-Token`, `X-File-Name` (URI-encoded) and its Content-Type. ' +
            'Send the returned id in the socket’s `send` frame (`attachmentIds`).',
          headers: Type.Object({
            'x-widget-key': Type.String({ pattern: '^wk_[A-Za-z0-9_-]{22}$' }),
            'x-visitor-token': Type.String({ maxLength: 100 }),
            'x-file-name': Type.Optional(Type.String({ maxLength: 1000 })),
          }),
          response: { 201: UploadView, ...errorResponses },
        },
      },
      async (req, reply) => {
        const now = deps.clock();
        takeIpBudget(ctx.limits, req, reply, now.getTime());
        const h = req.headers as Record<string, string | undefined>;
        const settings = await widgetFor(ctx.directory, h['x-widget-key']!, req);
        const ws = settings.workspaceId;
        const visitor = await visitorByToken(deps.db, ws, h['x-visitor-token']);
        if (!visitor) throw new AppError('unauthorized', 'unknown visitor: start a session first');
        if (await isBlocked(deps.db, ws, 'chat', visitor.id)) throw new AppError('forbidden', 'this visitor is blocked');
        const bytes = req.body;
        if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw new AppError('validation_failed', 'the body must be the file (not empty)');
        let raw = '';
        try {
          raw = decodeURIComponent(h['x-file-name'] ?? '');
        } catch {
          throw new AppError('validation_failed', 'X-File-Name must be URI-encoded', [
            { path: 'headers/x-file-name', message: 'bad encoding' },
          ]);
        }
        const contentType = normaliseContentType(h['content-type'] ?? '');
        const name = normaliseAttachmentName(raw, contentType);
        const stored = await deps.blobs.put(ws, bytes);
        const id = newId();
        await insertUpload(
          deps.db,
          ws,
          visitor.id,
          { id, name, contentType, size: stored.size, sha256: stored.sha256, blobKey: stored.key },
          now,
        );
        void reply.status(201);
        return { id, name, contentType, size: stored.size };
      },
    );
  };
}
