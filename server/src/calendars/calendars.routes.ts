import type { FastifyInstance } from 'fastify';
import { actorOf } from '../http/actor.js';
import { principalOf } from '../http/auth.js';
import { decodeCursor, paginate } from '../http/cursor.js';
import type { Deps } from '../http/deps.js';
import { createOnce } from '../http/idempotency.js';
import { errorResponses, IdParams, Page } from '../http/schemas.js';
import { AppError, notFound } from '../lib/errors.js';
import { addBusinessTime, isOpen, nextOpen, openings, SEARCH_HORIZON_DAYS } from './business-time.js';
import { findCalendar, listCalendars, type CalendarRow } from './calendars.repo.js';
import {
  AddBusinessTimeBody,
  AddBusinessTimeResult,
  Calendar,
  CalendarStateQuery,
  CalendarWithState,
  CreateCalendarBody,
  ListCalendarsQuery,
  MAX_OPENINGS_DAYS,
  Openings,
  OpeningsQuery,
  UpdateCalendarBody,
} from './calendars.schema.js';
import { compiledCalendars } from './compiled-cache.js';
import type { BusinessCalendar } from './compile.js';
import { MAX_YEAR, MIN_YEAR } from './compile.js';
import { createCalendar } from './create-calendar.js';
import { updateCalendar } from './update-calendar.js';
import { DAY_MS } from './zone.js';

const DEFAULT_OPENINGS_DAYS = 7;

/** An instant the client sent (the schema checked its form; a leap second or year 0 is still refused here). */
function instant(text: string, path: string): Date {
  const d = new Date(text);
  if (!Number.isFinite(d.getTime()))
    throw new AppError('validation_failed', `${path} is not a valid instant`, [{ path, message: 'invalid instant' }]);
  return d;
}

/** Runs calendar math, turning its RangeError (an instant outside MIN_YEAR–MAX_YEAR) into a 400 on `path`. */
function within<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw new AppError('validation_failed', `business calendars answer for the years ${MIN_YEAR}–${MAX_YEAR}`, [
      { path, message: 'out of range' },
    ]);
  }
}

export function calendarsRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['calendars'];

  async function load(workspaceId: string, id: string, instants: readonly Date[]): Promise<{ row: CalendarRow; cal: BusinessCalendar }> {
    const row = await findCalendar(deps.db, workspaceId, id);
    if (!row) throw notFound('calendar');
    return { row, cal: compiledCalendars.get(row, deps.clock(), instants) };
  }

  app.get<{ Querystring: ListCalendarsQuery }>(
    '/api/v1/calendars',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'List business calendars',
        querystring: ListCalendarsQuery,
        response: { 200: Page(Calendar), ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 25;
      const rows = await listCalendars(deps.db, principalOf(req).workspaceId, limit, decodeCursor(req.query.cursor));
      return paginate(rows, limit, (r) => r.createdAt);
    },
  );

  app.post<{ Body: CreateCalendarBody }>(
    '/api/v1/calendars',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Create a business calendar (lead or admin)',
        description:
          'Time zone, weekly hours (several a day; an end at or before the start runs past midnight), public holidays by country ' +
          'and subdivision (`date-holidays`), date or instant closures, extra working days. Problems are 400 `validation_failed` ' +
          'with a path per problem (`body/definition/weekly/1`: overlaps …).',
        body: CreateCalendarBody,
        response: { 201: Calendar, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      return createOnce(deps, req, reply, (tx) => createCalendar(tx, p.workspaceId, actorOf(p), req.body, deps.clock()));
    },
  );

  app.get<{ Params: { id: string }; Querystring: CalendarStateQuery }>(
    '/api/v1/calendars/:id',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Get a business calendar, with whether it is open at `at` (default now)',
        params: IdParams,
        querystring: CalendarStateQuery,
        response: { 200: CalendarWithState, ...errorResponses },
      },
    },
    async (req) => {
      const at = req.query.at === undefined ? deps.clock() : instant(req.query.at, 'querystring/at');
      const { row, cal } = await load(principalOf(req).workspaceId, req.params.id, [at]);
      const state = within('querystring/at', () => ({ at, open: isOpen(cal, at), nextOpen: nextOpen(cal, at) }));
      return { ...row, state };
    },
  );

  app.patch<{ Params: { id: string }; Body: UpdateCalendarBody }>(
    '/api/v1/calendars/:id',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Rename a calendar and/or replace its definition (lead or admin)',
        description: 'A definition replaces the stored one whole. Teams using the calendar follow it at once.',
        params: IdParams,
        body: UpdateCalendarBody,
        response: { 200: Calendar, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const row = await deps.db.transaction((tx) => updateCalendar(tx, p.workspaceId, actorOf(p), req.params.id, req.body, deps.clock()));
      deps.onCommit();
      return row;
    },
  );

  app.post<{ Params: { id: string }; Body: AddBusinessTimeBody }>(
    '/api/v1/calendars/:id/add',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Add business time: the instant `minutes` of open time after `from`',
        description:
          'Counts only open time. A due time landing on a closing time is that closing time; `minutes: 0` is `from` itself. ' +
          `\`due\` is null when it would lie more than ${SEARCH_HORIZON_DAYS} days after \`from\` (a calendar that never opens gives that). ` +
          'Writes nothing.',
        params: IdParams,
        body: AddBusinessTimeBody,
        response: { 200: AddBusinessTimeResult, ...errorResponses },
      },
    },
    async (req) => {
      const from = instant(req.body.from, 'body/from');
      const { cal } = await load(principalOf(req).workspaceId, req.params.id, [from]);
      return { due: within('body/from', () => addBusinessTime(cal, from, req.body.minutes)) };
    },
  );

  app.get<{ Params: { id: string }; Querystring: OpeningsQuery }>(
    '/api/v1/calendars/:id/openings',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Open intervals between `from` (default now) and `to` (default 7 days later)',
        description:
          `At most ${MAX_OPENINGS_DAYS} days. Intervals are clipped to [from, to); touching ones come back as one (an overnight ` +
          'shift is one opening). Encode a `+` offset as `%2B` in the query string.',
        params: IdParams,
        querystring: OpeningsQuery,
        response: { 200: Openings, ...errorResponses },
      },
    },
    async (req) => {
      const from = req.query.from === undefined ? deps.clock() : instant(req.query.from, 'querystring/from');
      const to =
        req.query.to === undefined ? new Date(from.getTime() + DEFAULT_OPENINGS_DAYS * DAY_MS) : instant(req.query.to, 'querystring/to');
      if (to < from) throw new AppError('validation_failed', '`to` is before `from`', [{ path: 'querystring/to', message: 'before from' }]);
      if (to.getTime() - from.getTime() > MAX_OPENINGS_DAYS * DAY_MS) {
        throw new AppError('validation_failed', `ask for at most ${MAX_OPENINGS_DAYS} days at a time`, [
          { path: 'querystring/to', message: `more than ${MAX_OPENINGS_DAYS} days after from` },
        ]);
      }
      const { cal } = await load(principalOf(req).workspaceId, req.params.id, [from, to]);
      return { openings: within('querystring/from', () => openings(cal, from, to)) };
    },
  );
}
