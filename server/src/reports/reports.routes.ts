import type { FastifyInstance } from 'fastify';
import { compileCalendar } from '../calendars/index.js';
import { principalOf } from '../http/auth.js';
import type { Deps } from '../http/deps.js';
import { errorResponses } from '../http/schemas.js';
import { coverageReport, weekStart } from './coverage.js';
import { inboundDemand, teamStaffing } from './reports.repo.js';
import { CoverageQuery, CoverageReport } from './reports.schema.js';

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
}
