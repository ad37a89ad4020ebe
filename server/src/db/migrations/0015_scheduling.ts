// Scheduling (scheduling/): outbound messages drafted now and delivered at send_at, and snoozes and
// follow-up reminders on conversations. The scheduler job finds due rows through the partial
// indexes (status = 'scheduled'), locks each row and checks its status in one transaction, so a
// row is delivered, woken or fired exactly once however often the job runs.
export const up = /* sql */ `
CREATE TABLE scheduled_messages (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  conversation_id uuid NOT NULL,
  body jsonb NOT NULL,
  send_at timestamptz NOT NULL,
  requested text NOT NULL,
  status text NOT NULL CHECK (status IN ('scheduled', 'sent', 'cancelled')),
  message_id uuid,
  created_by_type text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (workspace_id, id),
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, created_by) REFERENCES agents (workspace_id, id) ON DELETE SET NULL (created_by)
);
CREATE INDEX scheduled_messages_conversation ON scheduled_messages (workspace_id, conversation_id, send_at, id);
CREATE INDEX scheduled_messages_due ON scheduled_messages (send_at) WHERE status = 'scheduled';

CREATE TABLE conversation_snoozes (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  conversation_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('snooze', 'follow_up')),
  until timestamptz NOT NULL,
  note text,
  status text NOT NULL CHECK (status IN ('scheduled', 'done', 'cancelled')),
  created_by_type text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL,
  done_at timestamptz,
  UNIQUE (workspace_id, id),
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, created_by) REFERENCES agents (workspace_id, id) ON DELETE SET NULL (created_by)
);
CREATE INDEX conversation_snoozes_conversation ON conversation_snoozes (workspace_id, conversation_id, until, id);
CREATE INDEX conversation_snoozes_due ON conversation_snoozes (until) WHERE status = 'scheduled';
-- One snooze at a time per conversation: a new one replaces the old.
CREATE UNIQUE INDEX conversation_snoozes_one ON conversation_snoozes (workspace_id, conversation_id)
  WHERE status = 'scheduled' AND kind = 'snooze';
`;
