// Auto-acknowledgements (acks/). acknowledgements is the log: one row per inbound conversation the
// job decided about, sent or suppressed with the reason; its primary key makes the acknowledgement
// happen once per conversation (the row is inserted in the transaction that writes the message and
// the conversation.acknowledged event). The partial index serves the per-sender window: the last
// acknowledgement sent to an address. acknowledgement_settings holds a workspace's choice (no row:
// on, 240-minute window). conversations_team_created serves the team's recent first replies and
// its queue (the ETA's inputs).
export const up = /* sql */ `
CREATE TABLE acknowledgements (
  workspace_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  recipient text NOT NULL,
  decided_at timestamptz NOT NULL,
  sent_at timestamptz,
  promised_at timestamptz,
  language text,
  text text,
  message_id uuid,
  suppressed text CHECK (suppressed IN ('auto_submitted', 'precedence', 'auto_response_suppressed', 'mailing_list', 'loop',
                                        'null_sender', 'automated_sender', 'rate_limited', 'already_answered', 'no_opening')),
  detail text,
  basis jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (workspace_id, conversation_id),
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE,
  CHECK ((sent_at IS NULL) = (suppressed IS NOT NULL)),
  CHECK (sent_at IS NULL OR (promised_at IS NOT NULL AND text IS NOT NULL AND message_id IS NOT NULL))
);
CREATE INDEX acknowledgements_recipient ON acknowledgements (workspace_id, recipient, sent_at DESC) WHERE sent_at IS NOT NULL;

CREATE TABLE acknowledgement_settings (
  workspace_id uuid PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  enabled boolean NOT NULL,
  window_minutes integer NOT NULL CHECK (window_minutes BETWEEN 0 AND 10080),
  updated_at timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS conversations_team_created ON conversations (workspace_id, team_id, created_at DESC);
`;
