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

export interface VolumeRow {
  key: string | null;
  label: string | null;
  conversations: number;
  replied: number;
  firstReplyMedianSeconds: number | null;
  slaTargets: number;
  slaMet: number;
}

/**
 * Conversations customers started (an inbound message; as for demand) in [from, to) grouped by language (primary subtag), channel, team or the
 * customer's country: how many, how many got an outbound reply, the median time to the first one,
 * and SLA targets decided on them (met: achieved without a breach). `by` picks a fixed column, never
 * text from the request.
 */
export async function conversationVolume(
  q: Queryable,
  workspaceId: string,
  by: 'language' | 'channel' | 'team' | 'country',
  from: Date,
  to: Date,
): Promise<VolumeRow[]> {
  const key = {
    language: `split_part(c.language, '-', 1)`,
    channel: 'c.channel',
    team: 'c.team_id::text',
    country: 'cu.country',
  }[by];
  const { rows } = await q.query<Record<keyof VolumeRow, string | number | null>>(
    `WITH c AS (
       SELECT ${key} AS key, ${by === 'team' ? 't.name' : key} AS label, c.created_at,
              (SELECT min(m.created_at) FROM messages m
                WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id AND m.direction = 'outbound') AS first_reply_at,
              s.decided, s.met
         FROM conversations c
         JOIN customers cu ON cu.workspace_id = c.workspace_id AND cu.id = c.customer_id
         LEFT JOIN teams t ON t.workspace_id = c.workspace_id AND t.id = c.team_id
         CROSS JOIN LATERAL (
           SELECT count(*) FILTER (WHERE x.achieved_at IS NOT NULL OR x.breached_at IS NOT NULL) AS decided,
                  count(*) FILTER (WHERE x.achieved_at IS NOT NULL AND x.breached_at IS NULL) AS met
             FROM conversation_sla x WHERE x.workspace_id = c.workspace_id AND x.conversation_id = c.id
         ) s
        WHERE c.workspace_id = $1 AND c.created_at >= $2 AND c.created_at < $3
          AND EXISTS (SELECT 1 FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id AND m.direction = 'inbound')
     )
     SELECT key, min(label) AS label, count(*) AS conversations, count(first_reply_at) AS replied,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_reply_at - created_at)) AS "firstReplyMedianSeconds",
            sum(decided) AS "slaTargets", sum(met) AS "slaMet"
       FROM c GROUP BY key ORDER BY count(*) DESC, key NULLS LAST`,
    [workspaceId, from, to],
  );
  const num = (v: string | number | null) => Number(v ?? 0);
  return rows.map((r) => ({
    key: r.key === null ? null : String(r.key),
    label: r.label === null ? null : String(r.label),
    conversations: num(r.conversations),
    replied: num(r.replied),
    firstReplyMedianSeconds: r.firstReplyMedianSeconds === null ? null : Math.round(num(r.firstReplyMedianSeconds)),
    slaTargets: num(r.slaTargets),
    slaMet: num(r.slaMet),
  }));
}
