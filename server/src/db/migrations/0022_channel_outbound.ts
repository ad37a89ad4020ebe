// Outbound messages on WhatsApp, Telegram and SMS (channels/outbound/). One channel_outbox row per
// outbound message of such a conversation (unique per message, so a replayed event never queues it
// twice): the account and recipient decided when queued (from the customer's latest inbound message),
// what goes out (text: the message or its delivered translation, read at send time; template: the
// WhatsApp template in payload), and the sender's state. 'sending' is a claim under lease_until: a
// sender that died mid-send leaves the row due again when the lease ends. Provider ids of every part
// sent (long text is split) find the row again when delivery statuses arrive; statuses only move
// forward (sent → delivered → read).
export const up = /* sql */ `
CREATE TABLE channel_outbox (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  conversation_id uuid NOT NULL,
  message_id uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  account_id uuid,
  channel text NOT NULL CHECK (channel IN ('whatsapp', 'telegram', 'sms')),
  recipient text,
  body_kind text NOT NULL CHECK (body_kind IN ('text', 'template')),
  payload jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'held')),
  held_reason text,
  failed_reason text,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  lease_until timestamptz,
  parts_sent integer NOT NULL DEFAULT 0,
  provider_message_id text,
  provider_message_ids text[] NOT NULL DEFAULT '{}',
  last_error text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  sent_at timestamptz,
  delivered_at timestamptz,
  read_at timestamptz,
  failed_at timestamptz,
  UNIQUE (workspace_id, id),
  UNIQUE (workspace_id, message_id),
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, account_id) REFERENCES channel_accounts (workspace_id, id) ON DELETE SET NULL (account_id)
);
CREATE INDEX channel_outbox_due ON channel_outbox (next_attempt_at) WHERE status = 'queued';
CREATE INDEX channel_outbox_lease ON channel_outbox (lease_until) WHERE status = 'sending';
CREATE INDEX channel_outbox_list ON channel_outbox (workspace_id, created_at DESC, id DESC);
CREATE INDEX channel_outbox_status ON channel_outbox (workspace_id, status, created_at DESC, id DESC);
CREATE INDEX channel_outbox_conversation ON channel_outbox (workspace_id, conversation_id, created_at DESC);
CREATE INDEX channel_outbox_provider_ids ON channel_outbox USING gin (provider_message_ids);
`;
