import { readFileSync } from 'node:fs';
import type { Config } from '../../config.js';
import type { Db } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import type { SecretBox } from '../../lib/secret-box.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { createMailIngest } from '../ingest-mail.js';
import type { MailIngest, MailReprocess } from '../ingest.types.js';
import { ThreadTokens } from '../thread-token.js';
import { ImapPoller } from './imap-poller.js';
import { startSmtpListener, type SmtpListener } from './smtp-listener.js';

export interface Receivers {
  ingest: MailIngest & MailReprocess;
  imapPoller: ImapPoller;
  /** The SMTP listener's port once started (0 when it is off). */
  smtpPort(): number;
  /** Starts the SMTP listener (when config.smtpPort > 0) and the IMAP poller. */
  start(): Promise<void>;
  /** Stops taking mail: the listener answers what it has, the poller finishes the message it is on. */
  stop(): Promise<void>;
}

type Log = { error: (o: unknown, m?: string) => void };

/** The ingest and both ways mail arrives, as `meridian start` runs them. */
export function createReceivers(
  config: Config,
  deps: { db: Db; clock: Clock; secretBox: SecretBox; blobs: BlobStore; onCommit: () => void; log: () => Log },
): Receivers {
  const ingest = createMailIngest({
    db: deps.db,
    clock: deps.clock,
    blobs: deps.blobs,
    tokens: new ThreadTokens(deps.secretBox),
    onCommit: deps.onCommit,
  });
  // Read at start: a missing or unreadable file stops the server with the file's name.
  const tls = config.smtpTls ? { cert: readFileSync(config.smtpTls.certFile), key: readFileSync(config.smtpTls.keyFile) } : undefined;
  const imapPoller = new ImapPoller({
    db: deps.db,
    clock: deps.clock,
    ingest,
    secretBox: deps.secretBox,
    allowedHosts: config.providerAllowedHosts,
    intervalMs: (config.imapPollSeconds ?? 60) * 1000,
    singleProcess: config.db.kind === 'pglite',
    onError: (err, workspaceId) => deps.log().error({ err, workspaceId }, 'IMAP poll failed'),
  });
  let listener: SmtpListener | undefined;
  return {
    ingest,
    imapPoller,
    smtpPort: () => listener?.port ?? 0,
    async start() {
      if (config.smtpPort > 0) {
        listener = await startSmtpListener({
          host: config.smtpHost,
          port: config.smtpPort,
          ingest,
          maxBytes: config.smtpMaxBytes,
          tls,
          onError: (err, what) => deps.log().error({ err }, `SMTP: ${what}`),
        });
      }
      await imapPoller.start();
    },
    async stop() {
      await Promise.all([listener?.close(), imapPoller.stop()]);
    },
  };
}
