// Outbound e-mail (email/outbound/). mail_settings: per workspace, the relay that overrides the
// server's (--smtp-relay; its password sealed with the server key, bound to the workspace), the From
// name and address (one of the workspace's mail_addresses; null: the mailbox the customer wrote to,
// else the first), and whether mail goes out at all. mail_outbox: one row per outbound message of an
// e-mail conversation (unique per message, so a replayed event never queues it twice), with its
// recipient and threading decided when queued, and the sender's attempts, backoff and outcome.
export const up = /* sql */ `
CREATE TABLE mail_settings (
  workspace_id uuid PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  enabled boolean NOT NULL DEFAULT true,
  from_name text,
  from_address text,
  relay_url text,
  relay_user text,
  relay_secret text,
  updated_at timestamptz NOT NULL
);

CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  conversation_id uuid NOT NULL,
  message_id uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  recipient text,
  status text NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'held')),
  reason text,
  forced boolean NOT NULL DEFAULT false,
  subject text NOT NULL,
  in_reply_to text,
  references_header text,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_error text,
  smtp_response text,
  message_id_header text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  sent_at timestamptz,
  UNIQUE (workspace_id, id),
  UNIQUE (workspace_id, message_id),
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'queued';
CREATE INDEX mail_outbox_list ON mail_outbox (workspace_id, created_at DESC, id DESC);
CREATE INDEX mail_outbox_status ON mail_outbox (workspace_id, status, created_at DESC, id DESC);
CREATE INDEX mail_outbox_conversation ON mail_outbox (workspace_id, conversation_id, created_at DESC);
`;
