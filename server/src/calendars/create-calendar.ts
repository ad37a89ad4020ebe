import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { recordChange } from '../events/events.repo.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { CalendarDefinition } from './calendar.schema.js';
import { calendarNameTaken, insertCalendar, type CalendarRow } from './calendars.repo.js';
import type { CreateCalendarBody } from './calendars.schema.js';
import { validateCalendar } from './validate.js';

export type Actor = Pick<AuditEntry, 'actorType' | 'actorId'>;

/**
 * What the schema cannot check (the zone exists, intervals do not overlap, the holiday region is
 * known, dates are real), with each problem's path as the client sent it: `body/definition/…`.
 */
export function checkDefinition(definition: unknown): CalendarDefinition {
  try {
    return validateCalendar(definition);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    throw new AppError(
      err.code,
      err.message,
      err.details?.map((d) => ({ ...d, path: `body/definition${d.path === '/' ? '' : d.path}` })),
    );
  }
}

export async function assertNameFree(tx: Queryable, workspaceId: string, name: string, self?: string): Promise<void> {
  if (await calendarNameTaken(tx, workspaceId, name, self)) {
    throw new AppError('already_exists', 'a calendar with this name exists', [{ path: 'body/name', message: 'taken' }]);
  }
}

export async function createCalendar(
  tx: Queryable,
  workspaceId: string,
  actor: Actor,
  body: CreateCalendarBody,
  at: Date,
): Promise<CalendarRow> {
  const definition = checkDefinition(body.definition);
  await assertNameFree(tx, workspaceId, body.name);
  const row = await insertCalendar(tx, workspaceId, { id: newId(), name: body.name, definition }, at);
  await recordChange(
    tx,
    workspaceId,
    { type: 'calendar.created', subjectId: row.id, payload: { calendarId: row.id } },
    { ...actor, action: 'calendar.create', targetType: 'calendar', targetId: row.id },
    at,
  );
  return row;
}
