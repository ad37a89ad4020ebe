// IMAP mailboxes a workspace has mail fetched from (email/receivers/). One per workspace: where it is,
// how to log in (the password sealed with the server key, workspace id as associated data), which
// folder, and the poller's place in it: the folder's UIDVALIDITY and the highest UID ingested, so a
// restart resumes where the last commit left off (a refetch is harmless: ingest dedupes by
// Message-ID). lease_until keeps two processes on one PostgreSQL from polling the same mailbox at
// once without holding a transaction open over the network.
export const up = /* sql */ `
CREATE TABLE mail_imap_accounts (
  workspace_id uuid PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  host text NOT NULL,
  port integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
  security text NOT NULL CHECK (security IN ('tls', 'starttls', 'none')),
  username text NOT NULL,
  password_sealed text NOT NULL,
  mailbox text NOT NULL DEFAULT 'INBOX',
  address text,
  idle boolean NOT NULL DEFAULT false,
  enabled boolean NOT NULL DEFAULT true,
  uid_validity bigint,
  last_uid bigint NOT NULL DEFAULT 0,
  lease_until timestamptz,
  last_poll_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
`;
