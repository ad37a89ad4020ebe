// Surveys (issue 8). One survey per solved conversation at most, decided once (sent, or suppressed
// with the reason, like acknowledgements). The response copies the conversation's dimensions as they
// were when the survey was decided (team, agent, channel, language, country, tags), so analytics
// group on one table and a later reassignment does not move a score to someone who never served
// the customer. Tokens are not stored: links carry an HMAC over the survey id and expiry, and the
// score is single-use because a survey has at most one response row.
export const up = /* sql */ `
CREATE TABLE survey_settings (
  workspace_id uuid PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  enabled boolean NOT NULL,
  kind text NOT NULL CHECK (kind IN ('csat', 'nps', 'ces')),
  ask_comment boolean NOT NULL,
  reasons jsonb NOT NULL DEFAULT '[]',
  delay_minutes integer NOT NULL CHECK (delay_minutes BETWEEN 0 AND 10080),
  quiet_start smallint NOT NULL CHECK (quiet_start BETWEEN 0 AND 23),
  quiet_end smallint NOT NULL CHECK (quiet_end BETWEEN 0 AND 23),
  throttle_days integer NOT NULL CHECK (throttle_days BETWEEN 0 AND 365),
  link_ttl_hours integer NOT NULL CHECK (link_ttl_hours BETWEEN 1 AND 2160),
  channels text[] NOT NULL,
  texts jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL
);

CREATE TABLE surveys (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('csat', 'nps', 'ces')),
  status text NOT NULL CHECK (status IN ('scheduled', 'sent', 'suppressed', 'answered')),
  suppressed text,
  detail text,
  locale text,
  channel text NOT NULL,
  team_id uuid,
  agent_id uuid,
  language text,
  country text,
  tags text[] NOT NULL DEFAULT '{}',
  decided_at timestamptz NOT NULL,
  due_at timestamptz,
  sent_at timestamptz,
  expires_at timestamptz,
  message_id uuid,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, conversation_id),
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id) ON DELETE CASCADE,
  CHECK ((status = 'suppressed') = (suppressed IS NOT NULL))
);
CREATE INDEX surveys_due ON surveys (due_at) WHERE status = 'scheduled';
CREATE INDEX surveys_customer_sent ON surveys (workspace_id, customer_id, sent_at DESC) WHERE sent_at IS NOT NULL;
CREATE INDEX surveys_sent ON surveys (workspace_id, sent_at) WHERE sent_at IS NOT NULL;

CREATE TABLE survey_responses (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  survey_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('csat', 'nps', 'ces')),
  score smallint NOT NULL CHECK (score BETWEEN 0 AND 10),
  reasons text[] NOT NULL DEFAULT '{}',
  comment text,
  comment_language text,
  comment_translation text,
  comment_translation_language text,
  sentiment real,
  source text NOT NULL CHECK (source IN ('link', 'widget', 'api')),
  answered_at timestamptz NOT NULL,
  commented_at timestamptz,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, survey_id),
  FOREIGN KEY (workspace_id, survey_id) REFERENCES surveys (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX survey_responses_answered ON survey_responses (workspace_id, answered_at DESC, id DESC);
`;
