/**
 * The baseline leg's page: the same first page of rows as a static HTML table with no script,
 * served by a bare node:http server on loopback, so Chromium's cost of a page of rows is measured
 * without the console's JavaScript, API calls or React.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Row {
  id: string;
  subject: string | null;
  language: string | null;
  channel: string;
  updatedAt: string;
  customer: { name: string | null };
  lastMessage: { preview: string } | null;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function staticInbox(rows: Row[]): string {
  const trs = rows
    .map(
      (r) =>
        `<tr data-id="${esc(r.id)}"><td><input type="checkbox" aria-label="select"></td><th scope="row"><a href="/conversations/${esc(r.id)}">${esc(r.customer.name ?? '')}</a></th>` +
        `<td>${esc(r.subject ?? '')}<br>${esc(r.lastMessage?.preview ?? '')}</td><td>${esc(r.language ?? '')}</td><td>${esc(r.channel)}</td><td>${esc(r.updatedAt)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inbox</title></head><body><main><h1>Inbox</h1>
<table class="inbox-table"><thead><tr><th></th><th>Customer</th><th>Subject</th><th>Language</th><th>Channel</th><th>Updated</th></tr></thead>
<tbody>${trs}</tbody></table></main></body></html>`;
}

/** Serves `html` at every path; resolves with its URL and a close function. */
export async function serveStatic(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
