// Routing (routing/): what a lead configures — ordered rules, follow-the-sun chains, per-team assignment
// settings — the round-robin cursor per team, and every decision taken, with its explanation.
//
// Every reference to a team is a composite key, so settings cannot name another workspace's team. Settings
// go when their team goes (a rule or chain link without its team routes nothing); decisions are history and
// keep their team and agent, like conversations do. A team is in at most one chain: routing takes the chain
// of the owning team, and two would make "the next team" ambiguous.
export const up = /* sql */ `
CREATE TABLE routing_rules (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  position integer NOT NULL,
  name text NOT NULL,
  conditions jsonb NOT NULL DEFAULT '{}',
  team_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, position),
  FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE routing_chains (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  position integer NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, position)
);

CREATE TABLE routing_chain_teams (
  workspace_id uuid NOT NULL,
  chain_id uuid NOT NULL,
  position integer NOT NULL,
  team_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, chain_id, position),
  UNIQUE (workspace_id, team_id),
  FOREIGN KEY (workspace_id, chain_id) REFERENCES routing_chains (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, id) ON DELETE CASCADE
);

-- A team without a row routes with the defaults (round robin, fluent, no fallbacks).
CREATE TABLE routing_team_settings (
  workspace_id uuid NOT NULL,
  team_id uuid NOT NULL,
  mode text NOT NULL CHECK (mode IN ('round_robin', 'least_loaded')),
  proficiency_bar text NOT NULL CHECK (proficiency_bar IN ('native', 'fluent', 'working', 'basic')),
  fallbacks jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (workspace_id, team_id),
  FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, id) ON DELETE CASCADE
);

-- The row routing locks (FOR UPDATE) before it reads loads and picks: concurrent routings in a workspace
-- take turns. last_agent_id is a cursor compared by id order, not a reference: no foreign key, so an
-- agent who leaves does not hold the cursor (or the agent row) in place.
CREATE TABLE routing_round_robin (
  workspace_id uuid NOT NULL,
  team_id uuid NOT NULL,
  last_agent_id uuid,
  PRIMARY KEY (workspace_id, team_id),
  FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE routing_decisions (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  decided_at timestamptz NOT NULL,
  trigger text NOT NULL CHECK (trigger IN ('created', 'requested')),
  team_id uuid,
  agent_id uuid,
  urgent boolean NOT NULL,
  served_in text,
  handover jsonb,
  steps jsonb NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, id),
  FOREIGN KEY (workspace_id, agent_id) REFERENCES agents (workspace_id, id)
);
CREATE INDEX routing_decisions_conversation ON routing_decisions (workspace_id, conversation_id, decided_at DESC, id DESC);
`;
