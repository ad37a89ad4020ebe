import type { Queryable } from '../db/types.js';
import type { Cursor } from '../http/cursor.js';
import type { CalendarDefinition } from './calendar.schema.js';

export interface CalendarRow {
  id: string;
  name: string;
  definition: CalendarDefinition;
  createdAt: Date;
  updatedAt: Date;
}

const COLS = `id, name, definition, created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function insertCalendar(
  q: Queryable,
  workspaceId: string,
  c: { id: string; name: string; definition: CalendarDefinition },
  at: Date,
): Promise<CalendarRow> {
  const { rows } = await q.query<CalendarRow>(
    `INSERT INTO calendars (id, workspace_id, name, definition, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING ${COLS}`,
    [c.id, workspaceId, c.name, JSON.stringify(c.definition), at],
  );
  return rows[0]!;
}

/**
 * Changes name and definition. updated_at is the calendar's version (compiled calendars are cached
 * by id and updated_at), so it always moves forward, by a millisecond when the clock has not:
 * two saves in one millisecond, or a clock behind the stored value, must not look unchanged.
 */
export async function updateCalendarRow(
  q: Queryable,
  workspaceId: string,
  id: string,
  c: { name: string; definition: CalendarDefinition },
  at: Date,
): Promise<CalendarRow | undefined> {
  const { rows } = await q.query<CalendarRow>(
    `UPDATE calendars SET name = $3, definition = $4, updated_at = GREATEST($5::timestamptz, updated_at + interval '1 millisecond')
      WHERE workspace_id = $1 AND id = $2 RETURNING ${COLS}`,
    [workspaceId, id, c.name, JSON.stringify(c.definition), at],
  );
  return rows[0];
}

export async function findCalendar(q: Queryable, workspaceId: string, id: string): Promise<CalendarRow | undefined> {
  const { rows } = await q.query<CalendarRow>(`SELECT ${COLS} FROM calendars WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
  return rows[0];
}

/** Another calendar of the workspace with this name (other than `exceptId`). */
export async function calendarNameTaken(q: Queryable, workspaceId: string, name: string, exceptId?: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM calendars WHERE workspace_id = $1 AND name = $2 AND id IS DISTINCT FROM $3`, [
    workspaceId,
    name,
    exceptId ?? null,
  ]);
  return rows.length > 0;
}

export async function calendarExists(q: Queryable, workspaceId: string, id: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM calendars WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
  return rows.length > 0;
}

/** Oldest first, keyset-paged like teams; `limit + 1` rows so the caller can tell a next page exists. */
export async function listCalendars(q: Queryable, workspaceId: string, limit: number, after?: Cursor): Promise<CalendarRow[]> {
  const params: unknown[] = [workspaceId];
  let where = 'workspace_id = $1';
  if (after) {
    params.push(after.at, after.id);
    where += ` AND (created_at, id) > ($2::timestamptz, $3::uuid)`;
  }
  params.push(limit + 1);
  const { rows } = await q.query<CalendarRow>(
    `SELECT ${COLS} FROM calendars WHERE ${where} ORDER BY created_at, id LIMIT $${params.length}`,
    params,
  );
  return rows;
}
