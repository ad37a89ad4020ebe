// sort=sla_due on a view (mine, team, unassigned, …) gathers the view's conversations whose SLA clocks
// can run (statuses new, open, on_hold) before sorting them by due: these partial indexes hold just
// those, so the work follows an agent's live inbox rather than their whole history.
export const up = /* sql */ `
CREATE INDEX conversations_running_assignee ON conversations (workspace_id, assignee_id) WHERE status IN ('new', 'open', 'on_hold');
CREATE INDEX conversations_running_team ON conversations (workspace_id, team_id) WHERE status IN ('new', 'open', 'on_hold');
`;
