import type { Queryable } from '../db/types.js';
import { recordChange } from '../events/events.repo.js';
import { notFound } from '../lib/errors.js';
import { findCalendar, updateCalendarRow, type CalendarRow } from './calendars.repo.js';
import type { UpdateCalendarBody } from './calendars.schema.js';
import { assertNameFree, checkDefinition, type Actor } from './create-calendar.js';

/** Renames a calendar and/or replaces its definition (whole: a definition is one consistent unit). */
export async function updateCalendar(
  tx: Queryable,
  workspaceId: string,
  actor: Actor,
  id: string,
  body: UpdateCalendarBody,
  at: Date,
): Promise<CalendarRow> {
  const current = await findCalendar(tx, workspaceId, id);
  if (!current) throw notFound('calendar');
  const definition = body.definition === undefined ? current.definition : checkDefinition(body.definition);
  const name = body.name ?? current.name;
  if (name !== current.name) await assertNameFree(tx, workspaceId, name, id);
  const row = (await updateCalendarRow(tx, workspaceId, id, { name, definition }, at))!;
  const changed = Object.keys(body);
  await recordChange(
    tx,
    workspaceId,
    { type: 'calendar.updated', subjectId: id, payload: { calendarId: id, changed } },
    { ...actor, action: 'calendar.update', targetType: 'calendar', targetId: id, data: { changed } },
    at,
  );
  return row;
}
