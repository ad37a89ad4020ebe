import type { FastifyInstance } from 'fastify';
import { findConversation } from '../conversations/conversations.repo.js';
import { principalOf } from '../http/auth.js';
import type { Deps } from '../http/deps.js';
import { errorResponses, IdParams, Page } from '../http/schemas.js';
import { notFound } from '../lib/errors.js';
import { Download, sendDownload } from '../storage/download.js';
import { findAttachment, listAttachments, type AttachmentRow } from './attachments.repo.js';
import { AttachmentMeta } from './mail-admin.schema.js';

const meta = ({ blobKey: _k, conversationId: _c, ...a }: AttachmentRow) => a;

/** Files customers sent: listed per conversation, fetched only as downloads (never rendered by the console's origin). */
export function attachmentsRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['attachments'];

  app.get<{ Params: { id: string } }>(
    '/api/v1/conversations/:id/attachments',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Attachments of a conversation, oldest first (inline images included, flagged)',
        params: IdParams,
        response: { 200: Page(AttachmentMeta), ...errorResponses },
      },
    },
    async (req) => {
      const ws = principalOf(req).workspaceId;
      if (!(await findConversation(deps.db, ws, req.params.id))) throw notFound('conversation');
      return { data: (await listAttachments(deps.db, ws, req.params.id)).map(meta), nextCursor: null };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/attachments/:id',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Download an attachment',
        description:
          'Always `Content-Disposition: attachment` with `X-Content-Type-Options: nosniff` and a sandboxing CSP; types a browser would ' +
          'render or run (HTML, SVG, XML, scripts) are sent as application/octet-stream.',
        params: IdParams,
        response: { 200: Download, ...errorResponses },
      },
    },
    async (req, reply) => {
      const a = await findAttachment(deps.db, principalOf(req).workspaceId, req.params.id);
      if (!a) throw notFound('attachment');
      return sendDownload(reply, await deps.blobs.get(a.blobKey), { name: a.name, contentType: a.contentType });
    },
  );
}
