import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';

/** OpenAPI shape of a file download (the body is the file's bytes). */
export const Download = Type.String({ description: 'the file, as an attachment download' });

/**
 * Types a browser would render or run from our origin are served as opaque bytes: customer files
 * must never become pages, scripts or styles of the console, whatever they claim to be.
 */
const ACTIVE = /(html|xml|svg|javascript|ecmascript|css|xhtml|x-shockwave)/i;

/** RFC 6266 / 5987: an ASCII fallback plus the exact UTF-8 name. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Sends bytes as a download only: attachment disposition, nosniff, and a CSP that sandboxes whatever is opened. */
export function sendDownload(reply: FastifyReply, body: Buffer, file: { name: string; contentType: string }): FastifyReply {
  const type = ACTIVE.test(file.contentType) ? 'application/octet-stream' : file.contentType;
  return reply
    .header('content-type', type)
    .header('content-disposition', contentDisposition(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cross-origin-resource-policy', 'same-origin')
    .header('cache-control', 'private, no-store')
    .send(body);
}
