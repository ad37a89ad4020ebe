import { expect } from 'vitest';
import { outboxBacklog } from '../events/events.repo.js';
import { OutboxProcessor } from '../jobs/outbox-processor.js';
import { call, type Harness, type TestWorkspace } from './harness.js';
import { slaOnEvents } from '../sla/evaluate.js';

/** Test set-up for SLA tests: a team on a Berlin office calendar, a lead in it, and an outbox that runs the SLA handler. */

export const BERLIN_OFFICE = { timeZone: 'Europe/Berlin', weekly: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' }] };

export interface SlaFixture {
  teamId: string;
  calendarId: string;
  leadId: string;
  customerId: string;
  /** Errors the SLA handler reported (it never throws into the drain). */
  errors: unknown[];
  /** Delivers every committed event through the SLA handler. */
  drain(): Promise<void>;
  post(url: string, body: unknown, status?: number): Promise<any>;
  patch(url: string, body: unknown): Promise<any>;
  get(url: string): Promise<any>;
}

export async function slaFixture(h: Harness, ws: TestWorkspace): Promise<SlaFixture> {
  const errors: unknown[] = [];
  const outbox = new OutboxProcessor(h.db, h.clock, [slaOnEvents((err) => errors.push(err))]);
  const send = async (method: 'GET' | 'POST' | 'PATCH', url: string, body: unknown, status: number) => {
    const res = await call(h, ws.token, method, url, body);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json();
  };
  const f = {
    errors,
    async drain() {
      // On PostgreSQL a transaction anywhere on the server can hold events back briefly (pg_snapshot_xmin).
      for (let i = 0; i < 200; i++) {
        await outbox.drain();
        if ((await outboxBacklog(h.db, 'default')) === 0) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('outbox did not drain');
    },
    post: (url: string, body: unknown, status = 201) => send('POST', url, body, status),
    patch: (url: string, body: unknown) => send('PATCH', url, body, 200),
    get: (url: string) => send('GET', url, undefined, 200),
  };
  const calendar = await f.post('/api/v1/calendars', { name: 'Berlin office', definition: BERLIN_OFFICE });
  const lead = await f.post('/api/v1/agents', { email: `lead-${ws.slug}@example.com`, name: 'Lead', role: 'lead' });
  const team = await f.post('/api/v1/teams', { name: 'Berlin', timeZone: 'Europe/Berlin', calendarId: calendar.id, memberIds: [lead.id] });
  const customer = await f.post('/api/v1/customers', { name: 'Kunde', emails: [`kunde-${ws.slug}@example.com`], country: 'DE' });
  return { ...f, teamId: team.id, calendarId: calendar.id, leadId: lead.id, customerId: customer.id };
}

/** SLA events of a workspace as `type metric#cycle`, in order. */
export async function slaEvents(h: Harness, workspaceId: string): Promise<string[]> {
  const { rows } = await h.db.query<{ type: string; payload: { metric?: string; cycle?: number } }>(
    `SELECT type, payload FROM events WHERE workspace_id = $1 AND type LIKE 'sla.%' ORDER BY id`,
    [workspaceId],
  );
  return rows.map((r) => `${r.type} ${r.payload.metric}#${r.payload.cycle}`);
}
