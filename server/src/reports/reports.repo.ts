import type { Queryable } from '../db/types.js';
import type { Proficiency } from './coverage.js';

/** Conversations the customer started, per language (primary subtag) and UTC hour of the week, in [from, to). */
export async function inboundDemand(
  q: Queryable,
  workspaceId: string,
  from: Date,
  to: Date,
): Promise<{ language: string; hourOfWeek: number; count: number }[]> {
  const { rows } = await q.query<{ language: string; hourOfWeek: number | string; count: number | string }>(
    `SELECT split_part(c.language, '-', 1) AS language,
            ((extract(isodow FROM c.created_at AT TIME ZONE 'UTC') - 1) * 24 + extract(hour FROM c.created_at AT TIME ZONE 'UTC'))::int AS "hourOfWeek",
            count(*) AS count
       FROM conversations c
      WHERE c.workspace_id = $1 AND c.created_at >= $2 AND c.created_at < $3 AND c.language IS NOT NULL
        AND EXISTS (SELECT 1 FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id AND m.direction = 'inbound')
      GROUP BY 1, 2`,
    [workspaceId, from, to],
  );
  // bigint counts come back as strings from pg and numbers from PGlite.
  return rows.map((r) => ({ language: r.language, hourOfWeek: Number(r.hourOfWeek), count: Number(r.count) }));
}

export interface TeamStaffing {
  id: string;
  calendar: { id: string; definition: unknown; updatedAt: Date } | null;
  agents: { id: string; languages: { tag: string; proficiency: Proficiency }[] }[];
}

/** Every team with its calendar and its members' languages. */
export async function teamStaffing(q: Queryable, workspaceId: string): Promise<TeamStaffing[]> {
  const { rows } = await q.query<{
    id: string;
    calendarId: string | null;
    definition: unknown;
    calendarUpdatedAt: Date | null;
    agents: TeamStaffing['agents'] | null;
  }>(
    `SELECT t.id, c.id AS "calendarId", c.definition, c.updated_at AS "calendarUpdatedAt",
            (SELECT json_agg(json_build_object('id', a.id, 'languages', a.languages) ORDER BY a.id)
               FROM team_members tm JOIN agents a ON a.workspace_id = tm.workspace_id AND a.id = tm.agent_id
              WHERE tm.workspace_id = t.workspace_id AND tm.team_id = t.id) AS agents
       FROM teams t LEFT JOIN calendars c ON c.workspace_id = t.workspace_id AND c.id = t.calendar_id
      WHERE t.workspace_id = $1 ORDER BY t.created_at, t.id`,
    [workspaceId],
  );
  return rows.map((r) => ({
    id: r.id,
    calendar: r.calendarId ? { id: r.calendarId, definition: r.definition, updatedAt: new Date(r.calendarUpdatedAt!) } : null,
    agents: r.agents ?? [],
  }));
}
