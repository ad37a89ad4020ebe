// The chat widget (server/src/widget/). widget_settings: one per workspace, found by its public key
// (wk_…, in the page's script tag: the only unscoped lookup here, as a mail address is); the identity
// secret is sealed with the server key, workspace id as associated data.
// widget_visitors: a browser holding a visitor token (stored as SHA-256, like sessions); customer_id
// once it wrote or was identified; verified_id when the site vouched for it (HMAC or JWT).
// widget_conversations: which conversations a visitor may see — an unverified visitor sees only the
// ones it started, never the history of the customer whose e-mail it typed.
// widget_client_messages: the client ids a visitor's messages were stored under, so a resend after a
// dropped socket answers with the stored message instead of storing it twice.
// widget_uploads: files a visitor uploaded for a message not yet sent; the message claims them (once),
// and they become ordinary attachments of it. Unclaimed ones are the visitor's alone.
export const up = /* sql */ `
CREATE TABLE widget_settings (
  workspace_id uuid PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  public_key text NOT NULL UNIQUE,
  secret_sealed text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  identity_required boolean NOT NULL DEFAULT false,
  allowed_origins text[] NOT NULL DEFAULT '{}',
  team_id uuid,
  pre_chat_fields jsonb NOT NULL DEFAULT '[]',
  greeting jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, id) ON DELETE SET NULL (team_id)
);

CREATE TABLE widget_visitors (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  customer_id uuid,
  verified_id text,
  locale text,
  time_zone text,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  UNIQUE (workspace_id, id),
  FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id) ON DELETE SET NULL (customer_id)
);
CREATE INDEX widget_visitors_customer ON widget_visitors (workspace_id, customer_id);

CREATE TABLE widget_conversations (
  workspace_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  visitor_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, conversation_id),
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, visitor_id) REFERENCES widget_visitors (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX widget_conversations_visitor ON widget_conversations (workspace_id, visitor_id, created_at DESC);

CREATE TABLE widget_client_messages (
  workspace_id uuid NOT NULL,
  visitor_id uuid NOT NULL,
  client_id text NOT NULL,
  message_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, visitor_id, client_id),
  FOREIGN KEY (workspace_id, visitor_id) REFERENCES widget_visitors (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE widget_uploads (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL,
  visitor_id uuid NOT NULL,
  name text NOT NULL,
  content_type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  blob_key text NOT NULL,
  message_id uuid,
  created_at timestamptz NOT NULL,
  UNIQUE (workspace_id, id),
  FOREIGN KEY (workspace_id, visitor_id) REFERENCES widget_visitors (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX widget_uploads_visitor ON widget_uploads (workspace_id, visitor_id, created_at);
`;
