// One dialect for both engines: only what PostgreSQL 15 supports (PGlite runs 18).
export const up = /* sql */ `
CREATE TABLE workspaces (
  id uuid PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE agents (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  email text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'lead', 'agent')),
  password_hash text,
  time_zone text NOT NULL,
  languages jsonb NOT NULL DEFAULT '[]',
  capacity integer NOT NULL DEFAULT 10,
  status text NOT NULL DEFAULT 'offline' CHECK (status IN ('online', 'away', 'offline')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (workspace_id, email),
  UNIQUE (workspace_id, id)
);

CREATE TABLE teams (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name text NOT NULL,
  time_zone text NOT NULL,
  languages text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (workspace_id, name),
  UNIQUE (workspace_id, id)
);

-- Composite foreign keys carry workspace_id so a row can never point into another workspace.
CREATE TABLE team_members (
  workspace_id uuid NOT NULL,
  team_id uuid NOT NULL,
  agent_id uuid NOT NULL,
  PRIMARY KEY (team_id, agent_id),
  FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, agent_id) REFERENCES agents (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX team_members_agent ON team_members (workspace_id, agent_id);

CREATE TABLE customers (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name text,
  locale text,
  country text,
  time_zone text,
  preferred_channel text,
  formality text CHECK (formality IN ('formal', 'informal')),
  tier text,
  attributes jsonb NOT NULL DEFAULT '{}',
  consent jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (workspace_id, id)
);
CREATE INDEX customers_updated ON customers (workspace_id, updated_at DESC, id DESC);

-- Emails, phones and external ids: one row each, unique per workspace, so lookups and
-- de-duplication are index hits rather than array scans.
CREATE TABLE customer_identities (
  workspace_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('email', 'phone', 'external')),
  value text NOT NULL,
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (workspace_id, kind, value),
  FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX customer_identities_customer ON customer_identities (workspace_id, customer_id);

CREATE TABLE conversations (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  channel text NOT NULL,
  subject text,
  status text NOT NULL CHECK (status IN ('new', 'open', 'pending', 'on_hold', 'solved', 'closed')),
  priority text NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  language text,
  customer_id uuid NOT NULL,
  team_id uuid,
  assignee_id uuid,
  tags text[] NOT NULL DEFAULT '{}',
  message_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  last_message_at timestamptz,
  solved_at timestamptz,
  closed_at timestamptz,
  UNIQUE (workspace_id, id),
  FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id),
  FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, id),
  FOREIGN KEY (workspace_id, assignee_id) REFERENCES agents (workspace_id, id)
);
CREATE INDEX conversations_updated ON conversations (workspace_id, updated_at DESC, id DESC);
CREATE INDEX conversations_created ON conversations (workspace_id, created_at DESC, id DESC);
CREATE INDEX conversations_status ON conversations (workspace_id, status, updated_at DESC);
CREATE INDEX conversations_customer ON conversations (workspace_id, customer_id);
CREATE INDEX conversations_assignee ON conversations (workspace_id, assignee_id);
CREATE INDEX conversations_tags ON conversations USING gin (tags);

CREATE TABLE messages (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  direction text NOT NULL CHECK (direction IN ('inbound', 'outbound', 'note')),
  author_type text NOT NULL CHECK (author_type IN ('customer', 'agent', 'system', 'api')),
  author_id uuid,
  text text NOT NULL,
  html text,
  language text,
  attachments jsonb NOT NULL DEFAULT '[]',
  channel_meta jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX messages_conversation ON messages (workspace_id, conversation_id, created_at, id);

-- Outbox: commands write events in their own transaction; processors pick them up after commit.
CREATE TABLE events (
  id bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  type text NOT NULL,
  subject_id uuid,
  payload jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  processed_at timestamptz
);
CREATE INDEX events_unprocessed ON events (id) WHERE processed_at IS NULL;
CREATE INDEX events_workspace ON events (workspace_id, id);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  actor_type text NOT NULL,
  actor_id uuid,
  action text NOT NULL,
  target_type text,
  target_id uuid,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL
);
CREATE INDEX audit_log_workspace ON audit_log (workspace_id, id DESC);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'lead', 'agent')),
  token_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL,
  agent_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  FOREIGN KEY (workspace_id, agent_id) REFERENCES agents (workspace_id, id) ON DELETE CASCADE
);

-- Stored in the same transaction as the create it answers for, so a retried request
-- after a crash either finds the original result or finds nothing was written.
CREATE TABLE idempotency_keys (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  principal text NOT NULL,
  key text NOT NULL,
  method text NOT NULL,
  path text NOT NULL,
  request_hash text NOT NULL,
  status_code integer NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, principal, key)
);
`;
