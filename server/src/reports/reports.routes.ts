import type { FastifyInstance } from 'fastify';
import { compileCalendar } from '../calendars/index.js';
import { principalOf } from '../http/auth.js';
import type { Deps } from '../http/deps.js';
import { errorResponses } from '../http/schemas.js';
import { coverageReport, weekStart } from './coverage.js';
import { conversationVolume, inboundDemand, teamStaffing } from './reports.repo.js';
import { CoverageQuery, CoverageReport, VolumeQuery, VolumeReport } from './reports.schema.js';
import { volumeRange, volumeReport } from './volume.js';

const WEEK_MS = 7 * 24 * 3_600_000;

export function reportsRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Querystring: CoverageQuery }>(
    '/api/v1/reports/coverage',
    {
      config: { access: 'lead' },
      schema: {
        tags: ['reports'],
        summary: 'Demand by language and hour of the week (UTC) against agents on shift who cover it; gaps listed',
        description:
          'Demand: conversations customers started in the last `weeks` full weeks (Monday 00:00 UTC), averaged per week. ' +
          'On shift: team members reading the language at `proficiency` or better (default fluent) while their team calendar is open.',
        querystring: CoverageQuery,
        response: { 200: CoverageReport, ...errorResponses },
      },
    },
    async (req) => {
      const ws = principalOf(req).workspaceId;
      const weeks = req.query.weeks ?? 4;
      const proficiency = req.query.proficiency ?? 'fluent';
      // The last full weeks: the current one is not over, its demand would read low.
      const to = weekStart(deps.clock());
      const from = new Date(to.getTime() - weeks * WEEK_MS);
      const [demand, staffing] = await Promise.all([inboundDemand(deps.db, ws, from, to), teamStaffing(deps.db, ws)]);
      const teams = staffing.map((t) => ({
        id: t.id,
        agents: t.agents,
        calendar: t.calendar ? compileCalendar(t.calendar.definition) : null,
      }));
      const report = coverageReport({ from, weeks, demand, teams, bar: proficiency });
      return { from: from.toISOString(), to: to.toISOString(), weeks, proficiency, ...report };
    },
  );

  app.get<{ Querystring: VolumeQuery }>(
    '/api/v1/reports/volume',
    {
      config: { access: 'lead' },
      schema: {
        tags: ['reports'],
        summary: 'Conversations, first-reply medians and SLA attainment grouped by language, channel, team or country',
        description:
          'Conversations customers started between `from` and `to` (UTC days, both included; default the 30 days up to yesterday), ' +
          'grouped by `by`: how many, how many got a reply, the median wall-clock time to the first reply, and the share of ' +
          'SLA targets met among those decided (met or breached; running ones are left out).',
        querystring: VolumeQuery,
        response: { 200: VolumeReport, ...errorResponses },
      },
    },
    async (req) => {
      const ws = principalOf(req).workspaceId;
      const range = volumeRange(req.query, deps.clock());
      const by = req.query.by ?? 'language';
      const rows = await conversationVolume(deps.db, ws, by, range.start, range.end);
      return { by, from: range.from, to: range.to, ...volumeReport(rows) };
    },
  );
}
