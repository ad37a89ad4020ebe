// Abuse control and phone calls (issue 6).
// blocked_senders: addresses a workspace refuses on a channel (e-mail sender, phone number, Telegram
// chat, chat visitor id), checked by each inbound path before it stores anything; created_by is the
// agent who blocked (null for API tokens and the system); id names a block in the API and in list cursors.
// mail_messages.outcome gains 'blocked': mail from a blocked sender is acknowledged to the sending
// server (so it does not retry) and recorded in the ledger, but opens and continues nothing.
// calls: phone calls logged by agents on a conversation; message_id is the call's timeline entry
// (an internal note, never sent). recording_url is a link shown to agents, never fetched by us.
export const up = /* sql */ `
CREATE TABLE blocked_senders (
  id uuid NOT NULL,
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('email', 'chat', 'whatsapp', 'telegram', 'sms', 'phone')),
  address text NOT NULL CHECK (length(address) BETWEEN 1 AND 320),
  reason text CHECK (length(reason) <= 500),
  created_by uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, channel, address),
  UNIQUE (workspace_id, id),
  FOREIGN KEY (workspace_id, created_by) REFERENCES agents (workspace_id, id) ON DELETE SET NULL (created_by)
);
CREATE INDEX blocked_senders_list ON blocked_senders (workspace_id, created_at DESC, id DESC);

ALTER TABLE mail_messages DROP CONSTRAINT mail_messages_outcome_check;
ALTER TABLE mail_messages ADD CONSTRAINT mail_messages_outcome_check
  CHECK (outcome IN ('created', 'continued', 'quarantined', 'bounce', 'suppressed', 'blocked'));

CREATE TABLE calls (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  conversation_id uuid NOT NULL,
  message_id uuid,
  direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  from_number text CHECK (from_number ~ '^\\+[1-9][0-9]{6,14}$'),
  to_number text CHECK (to_number ~ '^\\+[1-9][0-9]{6,14}$'),
  started_at timestamptz NOT NULL,
  duration_seconds integer NOT NULL CHECK (duration_seconds BETWEEN 0 AND 86400),
  outcome text NOT NULL CHECK (outcome IN ('answered', 'missed', 'voicemail', 'busy', 'failed')),
  notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 10000),
  recording_url text CHECK (length(recording_url) <= 2000),
  agent_id uuid,
  created_at timestamptz NOT NULL,
  UNIQUE (workspace_id, id),
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, agent_id) REFERENCES agents (workspace_id, id) ON DELETE SET NULL (agent_id)
);
CREATE INDEX calls_conversation ON calls (workspace_id, conversation_id, started_at DESC, id DESC);
`;
