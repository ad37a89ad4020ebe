// SLA policies and the clocks they set on conversations (sla/). A conversation's clocks hang off one
// sla_conversations row: the lock every SLA writer (outbox handler, evaluator) takes first, holding
// the policy chosen at creation, the calendar the clocks count on and what the clocks last saw.
// The calendar is the conversation's team's (teams.calendar_id), followed at each transition, so it
// is recorded here without a foreign key. sla_events is the ledger that makes each warning, breach
// and achievement an event exactly once: its key is (conversation, metric, kind, cycle) and the
// insert shares the transaction of the outbox event it announces.
export const up = /* sql */ `
CREATE TABLE sla_policies (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name text NOT NULL,
  position integer NOT NULL,
  is_default boolean NOT NULL DEFAULT false,
  conditions jsonb NOT NULL DEFAULT '{}',
  targets jsonb NOT NULL,
  warning jsonb NOT NULL,
  escalation jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (workspace_id, name),
  UNIQUE (workspace_id, id),
  CHECK (NOT is_default OR conditions = '{}')
);
CREATE UNIQUE INDEX sla_policies_one_default ON sla_policies (workspace_id) WHERE is_default;
CREATE INDEX sla_policies_order ON sla_policies (workspace_id, position, id);

CREATE TABLE sla_conversations (
  workspace_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  policy_id uuid,
  calendar_id uuid,
  status text NOT NULL,
  awaiting_reply boolean NOT NULL,
  last_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, conversation_id),
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, policy_id) REFERENCES sla_policies (workspace_id, id)
);

CREATE TABLE conversation_sla (
  workspace_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  metric text NOT NULL CHECK (metric IN ('first_reply', 'next_reply', 'resolution')),
  cycle integer NOT NULL CHECK (cycle >= 1),
  policy_id uuid NOT NULL,
  time_basis text NOT NULL CHECK (time_basis IN ('business', 'calendar')),
  target_ms bigint NOT NULL,
  warn_before_ms bigint NOT NULL,
  started_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'paused', 'stopped')),
  due_at timestamptz,
  warn_at timestamptz,
  paused_since timestamptz,
  paused_ms bigint NOT NULL DEFAULT 0,
  remaining_ms bigint,
  warned_at timestamptz,
  breached_at timestamptz,
  achieved_at timestamptz,
  stopped_at timestamptz,
  PRIMARY KEY (workspace_id, conversation_id, metric, cycle),
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES sla_conversations (workspace_id, conversation_id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, policy_id) REFERENCES sla_policies (workspace_id, id)
);
-- What the evaluator looks for: running clocks past due, or past their warning, not yet recorded.
CREATE INDEX conversation_sla_due ON conversation_sla (due_at) WHERE status = 'running' AND breached_at IS NULL;
CREATE INDEX conversation_sla_warn ON conversation_sla (warn_at)
  WHERE status = 'running' AND warned_at IS NULL AND breached_at IS NULL;

CREATE TABLE sla_events (
  workspace_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  metric text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('warned', 'breached', 'achieved')),
  cycle integer NOT NULL,
  at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, conversation_id, metric, kind, cycle),
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE
);
`;
