// Close the loop (issue 8): a "change" a lead made because of feedback, the feedback linked to it,
// and a ledger of who was told. Links are per conversation (a survey response is linked through its
// conversation and remembered), and carry the customer so announcing groups them per customer. The
// ledger has one row per (change, customer), written in the same transaction as the note, so a
// repeated or concurrent announcement can never tell a customer twice.
export const up = /* sql */ `
CREATE TABLE changes (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  title text NOT NULL,
  description text NOT NULL,
  source_language text NOT NULL,
  texts jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL CHECK (status IN ('draft', 'announced')),
  created_by_type text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  announced_at timestamptz,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX changes_created ON changes (workspace_id, created_at DESC, id DESC);

CREATE TABLE change_links (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  change_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  response_id uuid,
  linked_at timestamptz NOT NULL,
  announced_at timestamptz,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, change_id, conversation_id),
  FOREIGN KEY (workspace_id, change_id) REFERENCES changes (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX change_links_conversation ON change_links (workspace_id, conversation_id);
CREATE INDEX change_links_customer ON change_links (workspace_id, change_id, customer_id);

CREATE TABLE change_announcements (
  workspace_id uuid NOT NULL,
  change_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  message_id uuid NOT NULL,
  language text NOT NULL,
  text_source text NOT NULL CHECK (text_source IN ('lead', 'machine', 'original')),
  text_language text NOT NULL,
  flags text[] NOT NULL DEFAULT '{}',
  announced_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, change_id, customer_id),
  FOREIGN KEY (workspace_id, change_id) REFERENCES changes (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id) ON DELETE CASCADE
);
`;
