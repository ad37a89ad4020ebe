// Business calendars per workspace (definition as validated by calendars/validate.ts, stored as
// sent) and the calendar each team works by. The team's reference is a composite key like every
// tenant reference, so it cannot name another workspace's calendar; NULL means "no calendar yet".
// No ON DELETE: a calendar a team uses cannot disappear from under it.
export const up = /* sql */ `
CREATE TABLE calendars (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name text NOT NULL,
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (workspace_id, name),
  UNIQUE (workspace_id, id)
);
CREATE INDEX calendars_created ON calendars (workspace_id, created_at, id);

ALTER TABLE teams
  ADD COLUMN calendar_id uuid,
  ADD CONSTRAINT teams_calendar_fk FOREIGN KEY (workspace_id, calendar_id) REFERENCES calendars (workspace_id, id);
CREATE INDEX teams_calendar ON teams (workspace_id, calendar_id) WHERE calendar_id IS NOT NULL;
`;
