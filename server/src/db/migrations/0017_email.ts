// Inbound e-mail (email/). mail_addresses: the addresses a workspace receives at (one workspace per
// address, lower-cased; +tags resolve to the plain address). mail_messages is the ledger of every
// inbound message accepted, keyed by its Message-ID (or a digest of the bytes when it has none), so a
// redelivery — SMTP retry after a lost 250, IMAP fetch after a crash — is recognised and writes
// nothing. The raw bytes of each are kept in the blob store (raw_key). mail_quarantine keeps what could
// not be ingested, raw, with the reason, until an admin reprocesses it. attachments: files of
// messages, stored under server-generated keys. mail_failing_addresses: addresses a DSN reported as
// failing (outbound mail to them is held back by the sender).
export const up = /* sql */ `
CREATE TABLE mail_addresses (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  address text NOT NULL UNIQUE CHECK (address = lower(address) AND position('+' in split_part(address, '@', 1)) = 0),
  name text,
  created_at timestamptz NOT NULL,
  UNIQUE (workspace_id, id)
);

CREATE TABLE mail_messages (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  dedupe_key text NOT NULL,
  message_id_header text,
  outcome text NOT NULL CHECK (outcome IN ('created', 'continued', 'quarantined', 'bounce', 'suppressed')),
  reason text,
  conversation_id uuid,
  message_id uuid,
  sender text,
  received_via text NOT NULL CHECK (received_via IN ('smtp', 'imap')),
  mail_from text,
  rcpt_to text[] NOT NULL DEFAULT '{}',
  raw_key text NOT NULL,
  size integer NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (workspace_id, dedupe_key),
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE SET NULL (conversation_id)
);
CREATE INDEX mail_messages_header ON mail_messages (workspace_id, message_id_header) WHERE message_id_header IS NOT NULL;
CREATE INDEX mail_messages_sender ON mail_messages (workspace_id, sender, created_at DESC);
CREATE INDEX mail_messages_conversation ON mail_messages (workspace_id, conversation_id, created_at DESC);

CREATE TABLE mail_quarantine (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  mail_message_id uuid NOT NULL,
  reason text NOT NULL,
  detail text,
  subject text,
  sender text,
  released_at timestamptz,
  released_outcome text,
  created_at timestamptz NOT NULL,
  UNIQUE (workspace_id, id),
  FOREIGN KEY (mail_message_id) REFERENCES mail_messages (id) ON DELETE CASCADE
);
CREATE INDEX mail_quarantine_list ON mail_quarantine (workspace_id, created_at DESC, id DESC);

CREATE TABLE attachments (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  message_id uuid NOT NULL,
  name text NOT NULL,
  content_type text NOT NULL,
  size integer NOT NULL,
  content_id text,
  inline boolean NOT NULL DEFAULT false,
  sha256 text NOT NULL,
  blob_key text NOT NULL,
  created_at timestamptz NOT NULL,
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX attachments_message ON attachments (workspace_id, message_id);

CREATE TABLE mail_failing_addresses (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  address text NOT NULL,
  status text,
  diagnostic text,
  bounces integer NOT NULL DEFAULT 1,
  last_bounced_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, address)
);
`;
