/**
 * The contract between the ways mail arrives (the SMTP listener, the IMAP poller) and the code that
 * turns a raw message into a conversation. Receivers only move bytes and answer their peer; every
 * decision about the message (dedupe, threading, loops, bounces, quarantine) is the ingest's.
 */

export interface InboundEnvelope {
  /** SMTP MAIL FROM (null for the null sender `<>`, as DSNs use); for IMAP, the stored Return-Path, else the From address. */
  mailFrom: string | null;
  /** The recipients this workspace accepted (SMTP RCPT TO; for IMAP the mailbox's address). */
  rcptTo: string[];
  receivedVia: 'smtp' | 'imap';
  /** The connecting peer for SMTP (kept with the message for tracing abuse). */
  remoteAddress?: string | undefined;
}

export type IngestOutcome =
  | { kind: 'created' | 'continued'; workspaceId: string; conversationId: string; messageId: string }
  /** Seen before (same Message-ID, or the same bytes when there is none): nothing written, still a success. */
  | { kind: 'duplicate'; workspaceId: string; conversationId: string | null }
  /** Kept as raw bytes with a reason, listed for admins and reprocessable; never lost. */
  | { kind: 'quarantined'; workspaceId: string; quarantineId: string; reason: string }
  /** A delivery status notification: the failing address was marked, no conversation opened. */
  | { kind: 'bounce'; workspaceId: string; failedAddresses: string[] }
  /** Stored on the conversation but nothing automatic answers it (auto-reply, bulk, loop). */
  | { kind: 'suppressed'; workspaceId: string; conversationId: string | null; reason: string }
  /** The sender is blocked (abuse/blocks.repo.ts): recorded in the ledger, nothing else; still a success so the sender stops retrying. */
  | { kind: 'blocked'; workspaceId: string; sender: string };

export interface MailIngest {
  /** The workspace an address receives mail for (its own addresses and their +tag forms), or null. */
  resolveRecipient(address: string): Promise<{ workspaceId: string } | null>;
  /**
   * Stores the message durably and decides what it is. Resolves only after the transaction that
   * holds the message (or its quarantine copy) has committed: a receiver may answer 250 or mark the
   * message seen then, and not before. Rejects only for failures of our own (database down), which
   * receivers answer with a temporary error (451) so the sender retries.
   */
  ingest(raw: Buffer, envelope: InboundEnvelope & { workspaceId: string }): Promise<IngestOutcome>;
}

/** Admins release a quarantined message: it goes through ingest again, caps aside. */
export interface MailReprocess {
  reprocess(workspaceId: string, quarantineId: string): Promise<IngestOutcome>;
}
