import net from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/**
 * A real SMTP receiver on 127.0.0.1 (`smtp-server`) that captures what Meridian sends out: the test
 * stands where the workspace's relay would. No TLS; AUTH is off unless `auth: true`, and then any
 * credentials are accepted over cleartext and the user name is recorded with each message.
 */

const HOST = '127.0.0.1';

export interface SinkReply {
  code: number;
  message: string;
}

export interface SmtpSinkOptions {
  /**
   * Refuse the first N deliveries (at the end of DATA, after the whole message was sent) with
   * `rejectWith`, default `451 4.3.0 …`, then accept. Without `rejectWith` this is a relay that
   * fails temporarily and recovers.
   */
  failFirst?: number;
  /** The reply for refused deliveries. Given without `failFirst`, every delivery is refused with it. */
  rejectWith?: SinkReply;
  /** Advertise AUTH PLAIN/LOGIN and accept any credentials (recorded as `user`). AUTH stays optional. */
  auth?: boolean;
}

export interface SinkEnvelope {
  /** MAIL FROM address; '' for the null sender `<>`. */
  from: string;
  to: string[];
}

export interface SinkMessage {
  envelope: SinkEnvelope;
  /** The message exactly as received (CRLF line ends, dot-unstuffed). */
  raw: Buffer;
  /** The AUTH user, when the client authenticated. */
  user?: string;
  receivedAt: Date;
}

export interface SinkRejection extends SinkMessage {
  reply: SinkReply;
}

/**
 * How "down" looks to a client: `refuse` closes the listener (connection refused) and drops open
 * connections; `greet421` keeps listening but greets with `421 … Service not available` and hangs up.
 */
export type DownMode = 'refuse' | 'greet421';

export interface SmtpSink {
  host: string;
  port: number;
  /** Accepted messages, in order. */
  messages: SinkMessage[];
  /** Deliveries refused by `failFirst` / `rejectWith`, in order. */
  rejected: SinkRejection[];
  /** Every DATA attempt so far (accepted + refused). */
  readonly attempts: number;
  /** Resolves with the accepted messages once there are at least `n`; rejects after `timeoutMs` (default 10 s). */
  waitFor(n: number, timeoutMs?: number): Promise<SinkMessage[]>;
  /** Simulates a relay outage (see {@link DownMode}); `setDown(false)` listens again on the same port. */
  setDown(down: boolean, mode?: DownMode): Promise<void>;
  stop(): Promise<void>;
}

const DEFAULT_TEMPFAIL: SinkReply = { code: 451, message: '4.3.0 Temporary failure (smtp-sink failFirst)' };

function replyError({ code, message }: SinkReply): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

function envelopeOf(session: SMTPServerSession): SinkEnvelope {
  const { mailFrom, rcptTo } = session.envelope;
  return { from: mailFrom ? mailFrom.address : '', to: rcptTo.map((r) => r.address) };
}

/** Starts an SMTP receiver on 127.0.0.1 at a free port. */
export async function startSmtpSink(opts: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const rejected: SinkRejection[] = [];
  const waiters = new Set<() => void>();
  const sockets = new Set<net.Socket>();
  let attempts = 0;
  let down: DownMode | undefined;
  let listening = false;
  let stopped = false;
  const failFirst = opts.failFirst ?? (opts.rejectWith ? Infinity : 0);
  const failReply = opts.rejectWith ?? DEFAULT_TEMPFAIL;

  const server = new SMTPServer({
    name: 'smtp-sink.meridian.test',
    banner: 'Meridian test sink',
    logger: false,
    disableReverseLookup: true,
    disabledCommands: opts.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authMethods: ['PLAIN', 'LOGIN'],
    authOptional: true,
    allowInsecureAuth: true,
    onConnect(_session, callback) {
      if (down === 'greet421') return callback(replyError({ code: 421, message: 'smtp-sink.meridian.test Service not available' }));
      callback();
    },
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? '' });
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        const user = typeof session.user === 'string' && session.user !== '' ? session.user : undefined;
        const message: SinkMessage = { envelope: envelopeOf(session), raw: Buffer.concat(chunks), receivedAt: new Date() };
        if (user !== undefined) message.user = user;
        attempts++;
        if (attempts <= failFirst) {
          rejected.push({ ...message, reply: failReply });
          return callback(replyError(failReply));
        }
        messages.push(message);
        for (const w of waiters) w();
        callback(null, 'Ok: queued by smtp-sink');
      });
    },
  });
  // An 'error' without a listener would throw in the test process; a client misbehaving is not our failure.
  server.on('error', () => undefined);
  // Track raw sockets so an outage or stop() can drop open connections at once.
  server.server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      server.server.once('error', onError);
      server.server.listen(port, HOST, () => {
        server.server.off('error', onError);
        listening = true;
        resolve();
      });
    });
  const close = () =>
    new Promise<void>((resolve) => {
      if (!listening) return resolve();
      listening = false;
      server.server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });

  await listen(0);
  const port = (server.server.address() as net.AddressInfo).port;

  return {
    host: HOST,
    port,
    messages,
    rejected,
    get attempts() {
      return attempts;
    },
    waitFor(n, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < n) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(messages.slice());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `smtp-sink: ${messages.length} of ${n} messages within ${timeoutMs} ms (${attempts} attempts, ${rejected.length} refused)`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async setDown(isDown, mode = 'refuse') {
      if (stopped) throw new Error('smtp-sink: setDown after stop()');
      if (!isDown) {
        down = undefined;
        if (!listening) await listen(port);
        return;
      }
      down = mode;
      if (mode === 'refuse') await close();
      else for (const s of sockets) s.destroy();
    },
    async stop() {
      stopped = true;
      down = 'refuse';
      waiters.clear();
      await close();
    },
  };
}
