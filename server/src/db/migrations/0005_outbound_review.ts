// Outbound replies written in the agent's language and delivered machine-translated: the
// translation row keeps its back-translation and says it is the text the customer receives;
// critical content waits in outbound_reviews until an agent fluent in the target language approves.
export const up = /* sql */ `
ALTER TABLE message_translations ADD COLUMN back_text text;
ALTER TABLE message_translations ADD COLUMN delivered boolean NOT NULL DEFAULT false;

CREATE TABLE outbound_reviews (
  workspace_id uuid NOT NULL,
  message_id uuid NOT NULL,
  language text NOT NULL,
  status text NOT NULL CHECK (status IN ('awaiting_review', 'approved')),
  reasons jsonb NOT NULL DEFAULT '[]',
  requested_at timestamptz NOT NULL,
  reviewed_by uuid,
  reviewed_at timestamptz,
  PRIMARY KEY (workspace_id, message_id),
  FOREIGN KEY (workspace_id, message_id) REFERENCES messages (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, reviewed_by) REFERENCES agents (workspace_id, id)
);
CREATE INDEX outbound_reviews_waiting ON outbound_reviews (workspace_id, requested_at) WHERE status = 'awaiting_review';
`;
