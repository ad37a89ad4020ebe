import type net from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { MailIngest } from '../ingest.types.js';
import { BareLfDetector } from './line-endings.js';

/**
 * The inbound SMTP listener. It moves bytes and answers its peer; what a message is, is the ingest's.
 *
 * - RCPT TO: the address must belong to a workspace (`resolveRecipient`), else 550 5.1.1. One
 *   transaction delivers to one workspace: a recipient of another workspace gets 452 4.5.3, which
 *   RFC 5321 §4.5.3.1.10 defines for "too many recipients" and which clients must treat as "send the
 *   rest again in another transaction" (a 5xx would bounce it, a 451 would make some clients retry
 *   the whole message later).
 * - DATA is counted and checked while it streams: over `maxBytes` → 552 5.3.4, a bare LF → 550 5.6.0
 *   (RFC 5321 §2.3.8); from that point nothing more is buffered. All buffered DATA together is capped
 *   (`maxBufferedBytes`): a message that would go over it gets 452 4.3.1 and is sent again later.
 * - 250 only once `ingest` resolved, i.e. the message (and its attachments) are committed
 *   (RFC 1123 §5.3.3: a 250 is a promise to deliver); an ingest failure is ours → 451 4.3.0.
 * - STARTTLS only with a certificate; AUTH is off (this is an MX, not a submission server).
 * smtp-server does not print enhanced status codes itself (its default), because its code→enhanced
 * map would label these refusals wrongly (552 as "mailbox full", a bare LF as "bad mailbox"); our
 * replies carry the right RFC 3463 code in their text.
 */

export interface SmtpListenerOptions {
  host: string;
  port: number;
  ingest: MailIngest;
  /** The name in the greeting and EHLO. */
  name?: string;
  /** Largest message accepted (advertised with SIZE). Default 25 MiB. */
  maxBytes?: number;
  /** Bytes of DATA held in memory across all connections. Default 256 MiB. */
  maxBufferedBytes?: number;
  /** Simultaneous connections (more get 421). Default 100. */
  maxClients?: number;
  /** Recipients per transaction (more get 452). Default 100. */
  maxRecipients?: number;
  /** PEM key and certificate: STARTTLS is offered only with both. */
  tls?: { key: Buffer; cert: Buffer } | undefined;
  onError?: (err: unknown, what: string) => void;
}

export interface SmtpListener {
  host: string;
  port: number;
  /** Stops accepting, lets running deliveries finish (and answer), then closes what is left with 421. */
  close(): Promise<void>;
}

export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

/** An error smtp-server sends as `<code> <message>`. */
function reply(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startSmtpListener(opts: SmtpListenerOptions): Promise<SmtpListener> {
  const { ingest } = opts;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxBuffered = opts.maxBufferedBytes ?? 256 * 1024 * 1024;
  const onError = opts.onError ?? (() => undefined);
  // Per connection: recipient address (lower case) → workspace, as resolved at RCPT.
  const resolved = new Map<string, Map<string, string>>();
  const inFlight = new Set<Promise<unknown>>();
  let buffered = 0;
  let closing = false;

  const workspaceOf = (session: SMTPServerSession, address: string) => resolved.get(session.id)?.get(address.toLowerCase());

  const server = new SMTPServer({
    name: opts.name,
    banner: 'Meridian ESMTP',
    logger: false,
    disableReverseLookup: true,
    // An MX takes mail for its own addresses without authentication.
    authOptional: true,
    disabledCommands: opts.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(opts.tls ? { key: opts.tls.key, cert: opts.tls.cert } : {}),
    size: maxBytes,
    maxClients: opts.maxClients ?? 100,
    maxRecipients: opts.maxRecipients ?? 100,

    onConnect(session, callback) {
      if (closing) return callback(reply(421, '4.3.2 Shutting down, try again later'));
      resolved.set(session.id, new Map());
      callback();
    },
    onClose(session) {
      resolved.delete(session.id);
    },
    onMailFrom(_address, _session, callback) {
      if (closing) return callback(reply(421, '4.3.2 Shutting down, try again later'));
      callback();
    },
    onRcptTo(address, session, callback) {
      const rcpt = address.address;
      ingest.resolveRecipient(rcpt).then(
        (found) => {
          if (!found) return callback(reply(550, `5.1.1 <${rcpt}>: no such mailbox here`));
          resolved.get(session.id)?.set(rcpt.toLowerCase(), found.workspaceId);
          const first = session.envelope.rcptTo[0];
          const txWorkspace = first ? workspaceOf(session, first.address) : undefined;
          if (txWorkspace !== undefined && txWorkspace !== found.workspaceId) {
            return callback(reply(452, `4.5.3 <${rcpt}>: send it in another transaction (one organisation per message)`));
          }
          callback();
        },
        (err: unknown) => {
          onError(err, 'resolving a recipient');
          callback(reply(451, '4.3.0 Temporary failure, try again later'));
        },
      );
    },
    onData(stream: SMTPServerDataStream, session, done) {
      let answered = false;
      const callback = (err: Error | null, message?: string) => {
        if (answered) return;
        answered = true;
        done(err, message);
      };
      const chunks: Buffer[] = [];
      const lf = new BareLfDetector();
      let size = 0;
      let held = 0;
      let refusal: Error | undefined;
      const release = () => {
        buffered -= held;
        held = 0;
        chunks.length = 0;
      };
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (refusal) return;
        if (size > maxBytes) refusal = reply(552, `5.3.4 Message too big: the limit is ${maxBytes} bytes`);
        else if (lf.push(chunk)) refusal = reply(550, '5.6.0 Bare LF line ending; lines must end with CRLF (RFC 5321 2.3.8)');
        else if (buffered + chunk.length > maxBuffered) refusal = reply(452, '4.3.1 Too much mail in progress, try again later');
        if (refusal) return release();
        chunks.push(chunk);
        held += chunk.length;
        buffered += chunk.length;
      });
      stream.once('error', (err) => {
        release();
        onError(err, 'reading DATA');
        callback(reply(451, '4.3.0 Temporary failure, try again later'));
      });
      stream.once('end', () => {
        if (refusal) return callback(refusal);
        const raw = Buffer.concat(chunks);
        release();
        const rcptTo = session.envelope.rcptTo.map((r) => r.address);
        const workspaceId = rcptTo.length > 0 ? workspaceOf(session, rcptTo[0]!) : undefined;
        if (workspaceId === undefined) return callback(reply(451, '4.3.0 Temporary failure, try again later'));
        const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address || null : null;
        const job = ingest.ingest(raw, { mailFrom, rcptTo, receivedVia: 'smtp', remoteAddress: session.remoteAddress, workspaceId }).then(
          () => callback(null, '2.6.0 Message accepted'),
          (err: unknown) => {
            onError(err, 'ingesting a message');
            callback(reply(451, '4.3.0 Temporary failure, try again later'));
          },
        );
        inFlight.add(job);
        void job.finally(() => inFlight.delete(job));
      });
    },
  });
  server.on('error', (err) => onError(err, 'SMTP connection'));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.server.listen(opts.port, opts.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address() as net.AddressInfo;

  let closed: Promise<void> | undefined;
  return {
    host: address.address,
    port: address.port,
    close() {
      closed ??= (async () => {
        closing = true;
        const done = new Promise<void>((resolve) => server.close(() => resolve()));
        // Deliveries whose DATA is in: their peer gets its answer before the database goes away.
        while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
        // Everyone else has been promised nothing: 421 and hang up (they send again later).
        for (const c of server.connections) {
          c.send(421, '4.3.2 Shutting down, try again later');
          c.close();
        }
        await done;
      })();
      return closed;
    },
  };
}
