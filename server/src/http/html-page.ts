import type { FastifyReply } from 'fastify';

/**
 * The headers of a page Meridian renders itself outside the console (the widget's demo page, the survey
 * page): HTML, never cached, never sniffed, no Referer to other sites (URLs may carry tokens), and the
 * page's own CSP.
 */
export const htmlPage = (reply: FastifyReply, csp: string): FastifyReply =>
  reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('content-security-policy', csp);
