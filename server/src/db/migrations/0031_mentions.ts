// Mentions in internal notes: who was mentioned where, and whether they have looked. The note keeps
// the ids too (channel_meta.mentions) for display; this table is what notifies and what is unread.
export const up = /* sql */ `
CREATE TABLE mentions (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  message_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  agent_id uuid NOT NULL,
  by_agent_id uuid,
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, message_id, agent_id),
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, agent_id) REFERENCES agents (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX mentions_agent ON mentions (workspace_id, agent_id, created_at DESC, id DESC);
CREATE INDEX mentions_unread ON mentions (workspace_id, agent_id) WHERE read_at IS NULL;
`;
