// Messaging channels (channels/): WhatsApp Cloud API, Telegram Bot API and Twilio SMS accounts of a
// workspace. settings holds what is not secret (phone number id, bot username, account SID…);
// secrets_sealed is one JSON object of the account's secrets sealed with the server key, workspace id
// as associated data, never returned by the API. webhook_id is the random path segment a provider
// calls (≥ 128 bits): the one unscoped lookup, as a mail address is for e-mail, and only the first
// step: the request is then checked against the account's own signing secret.
// channel_inbound is the ledger of provider message ids taken in, so a webhook the provider delivers
// again (they retry on any non-2xx or timeout) is recognised and writes nothing. A row is claimed
// first (outcome NULL) so a concurrent delivery of the same id waits on it, then settled.
export const up = /* sql */ `
CREATE TABLE channel_accounts (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('whatsapp', 'telegram', 'sms')),
  name text NOT NULL,
  settings jsonb NOT NULL DEFAULT '{}',
  secrets_sealed text NOT NULL,
  webhook_id text NOT NULL UNIQUE CHECK (length(webhook_id) >= 22),
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (workspace_id, id)
);
CREATE INDEX channel_accounts_list ON channel_accounts (workspace_id, created_at, id);

CREATE TABLE channel_inbound (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL,
  account_id uuid NOT NULL,
  provider_message_id text NOT NULL,
  outcome text CHECK (outcome IN ('created', 'continued')),
  conversation_id uuid,
  message_id uuid,
  created_at timestamptz NOT NULL,
  UNIQUE (workspace_id, account_id, provider_message_id),
  FOREIGN KEY (workspace_id, account_id) REFERENCES channel_accounts (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE SET NULL (conversation_id)
);
CREATE INDEX channel_inbound_conversation ON channel_inbound (workspace_id, conversation_id);
`;
