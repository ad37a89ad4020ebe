import http from 'node:http';

/** One request as the local server received it: what left Meridian. */
export interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  raw: string;
  json: unknown;
}

export interface Reply {
  status?: number;
  body?: unknown;
  /** Sent as-is instead of JSON. */
  text?: string;
  delayMs?: number;
}

/**
 * A local stand-in for a cloud API on 127.0.0.1: it records each request and answers with the
 * provider's documented response shape (or a failure), so tests assert both directions.
 */
export async function replayServer(reply: (r: Received) => Reply): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      let json: unknown = undefined;
      try {
        json = raw ? JSON.parse(raw) : undefined;
      } catch {
        json = undefined;
      }
      const r: Received = { method: req.method ?? '', path: u.pathname, query: u.searchParams, headers: req.headers, raw, json };
      received.push(r);
      const out = reply(r);
      const send = (): void => {
        res.statusCode = out.status ?? 200;
        if (out.text !== undefined) {
          res.setHeader('content-type', 'text/html');
          res.end(out.text);
        } else {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify(out.body ?? {}));
        }
      };
      if (out.delayMs) setTimeout(send, out.delayMs).unref();
      else send();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
