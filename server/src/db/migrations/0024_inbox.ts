// The agent console's inbox (issue 7).
// sla_conversations.next_due_at / next_due_metric: the earliest due instant among the conversation's
// running SLA clocks, written by saveClocks under the header lock every SLA writer already takes, so
// `sort=sla_due` walks one index instead of aggregating clocks per row. It lives on the header and not
// on conversations because SLA writers run in the outbox drain: a row lock on conversations there
// would order against request transactions that lock several conversations (routing), i.e. deadlock.
// Views: mine and unassigned walk (workspace, assignee, updated), team (workspace, team, updated); the
// old (workspace, assignee) index is a prefix of the new one.
// Search: 'simple' text search (no stemming: one configuration for every language) over the subject,
// the customer's name and e-mail addresses, and the first 10,000 characters of each message (the cap
// keeps a 100k-character message far below tsvector's 1 MB limit). Expression indexes, so nothing has
// to be kept in step by hand; queries must repeat the exact expressions (conversations/search.ts).
export const up = /* sql */ `
ALTER TABLE sla_conversations ADD COLUMN next_due_at timestamptz, ADD COLUMN next_due_metric text;
UPDATE sla_conversations s SET (next_due_at, next_due_metric) = (
  SELECT c.due_at, c.metric FROM conversation_sla c
   WHERE c.workspace_id = s.workspace_id AND c.conversation_id = s.conversation_id AND c.status = 'running' AND c.due_at IS NOT NULL
   ORDER BY c.due_at, c.metric LIMIT 1);
CREATE INDEX sla_conversations_next_due ON sla_conversations (workspace_id, next_due_at, conversation_id) WHERE next_due_at IS NOT NULL;

CREATE INDEX conversations_assignee_updated ON conversations (workspace_id, assignee_id, updated_at DESC, id DESC);
DROP INDEX conversations_assignee;
CREATE INDEX conversations_team_updated ON conversations (workspace_id, team_id, updated_at DESC, id DESC);

CREATE INDEX conversations_subject_search ON conversations USING gin (to_tsvector('simple', coalesce(subject, '')));
CREATE INDEX customers_name_search ON customers USING gin (to_tsvector('simple', coalesce(name, '')));
CREATE INDEX customer_identities_email_search ON customer_identities USING gin (to_tsvector('simple', value)) WHERE kind = 'email';
CREATE INDEX messages_search ON messages USING gin (to_tsvector('simple', left(text, 10000)));
`;
