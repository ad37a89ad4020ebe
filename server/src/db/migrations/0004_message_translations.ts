// Translations of messages for the agents who read them (inbound) or for the customer (outbound).
// One row per message and language; an 'untranslated' row records why and is retried.
export const up = /* sql */ `
ALTER TABLE messages ADD CONSTRAINT messages_workspace_id_id UNIQUE (workspace_id, id);

CREATE TABLE message_translations (
  workspace_id uuid NOT NULL,
  message_id uuid NOT NULL,
  language text NOT NULL,
  source_language text NOT NULL,
  status text NOT NULL CHECK (status IN ('translated', 'untranslated')),
  text text,
  provider text,
  flags text[] NOT NULL DEFAULT '{}',
  attempts integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, message_id, language),
  FOREIGN KEY (workspace_id, message_id) REFERENCES messages (workspace_id, id) ON DELETE CASCADE
);
`;
