// Queued conversations are routed again when capacity appears (an agent comes online, or an agent's
// conversation is solved or closed): such decisions are stored with the trigger 'queue'. An SLA
// breach whose policy says so hands the conversation to someone else on shift: trigger 'escalation'.
export const up = /* sql */ `
ALTER TABLE routing_decisions DROP CONSTRAINT routing_decisions_trigger_check;
ALTER TABLE routing_decisions ADD CONSTRAINT routing_decisions_trigger_check CHECK (trigger IN ('created', 'requested', 'queue', 'escalation'));
CREATE INDEX conversations_queue ON conversations (workspace_id, team_id, created_at)
  WHERE assignee_id IS NULL AND status IN ('new', 'open');
`;
