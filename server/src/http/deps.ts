import type { Db } from '../db/types.js';
import type { Clock } from '../lib/clock.js';
import type { SecretBox } from '../lib/secret-box.js';
import type { MailIngest, MailReprocess } from '../email/ingest.types.js';
import type { ImapPoller } from '../email/receivers/imap-poller.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { Translator } from '../translation/translator.js';
import type { WidgetLimitsConfig } from '../widget/limits.js';

/** Everything the HTTP app needs from the outside world; tests build their own. */
export interface Deps {
  db: Db;
  clock: Clock;
  /** Called after a transaction that wrote outbox events has committed. */
  onCommit: () => void;
  /** Subscribe to committed workspace events (realtime stream). */
  subscribe?: (workspaceId: string, fn: (ev: PublicEvent) => void) => () => void;
  /** Sends an event that is not stored (typing) to this process's subscribers. */
  publish?: (workspaceId: string, ev: PublicEvent) => void;
  /** Machine translation (with protection and memory); answers 'untranslated' when no engine is set. */
  translator: Translator;
  /** Seals provider keys at rest (server key). */
  secretBox: SecretBox;
  /** The server's outbound relay (--smtp-relay), used by workspaces without their own. */
  smtpRelay?: string | undefined;
  /** Private hosts workspace-configured engines may reach anyway (MERIDIAN_PROVIDER_ALLOWED_HOSTS). */
  providerAllowedHosts: readonly string[];
  /** Fetches workspaces' IMAP mailboxes (POST /mail/imap/poll); absent where the server fetches no mail. */
  imapPoller?: Pick<ImapPoller, 'poll'> | undefined;
  /** Attachments and raw mail (filesystem under MERIDIAN_BLOB_DIR). */
  blobs: BlobStore;
  /** Inbound mail ingest (quarantine reprocessing); the receivers use the same one. */
  mailIngest: MailIngest & MailReprocess;
  /** The server's public base URL (MERIDIAN_PUBLIC_URL), no trailing slash: webhook URLs and Twilio's signed URL. */
  publicUrl?: string | undefined;
  /** Chat widget abuse limits (defaults in widget/limits.ts); benchmarks lift them. */
  widgetLimits?: Partial<WidgetLimitsConfig> | undefined;
  bodyLimit: number;
  sessionTtlMs: number;
  secureCookies: boolean;
}

export interface PublicEvent {
  id: number;
  type: string;
  subjectId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}
