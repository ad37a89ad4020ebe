import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgeConversation } from '../acks/acknowledge.js';
import { demoAgents, demoTeams } from '../demo/demo-data.js';
import { outboxBacklog } from '../events/events.repo.js';
import { OutboxProcessor } from '../jobs/outbox-processor.js';
import { slaOnEvents } from '../sla/evaluate.js';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';
import { demoCalendar, demoChain, demoFallbacks, demoRoutingRules } from './demo-setup.js';

/**
 * The story, end to end through the API: a Portuguese message arrives at 03:00 UTC on a
 * Brazilian public holiday (Tiradentes, Tuesday 21 April 2026: midnight in São Paulo, Monday 20:00
 * in San Francisco). São Paulo owns Portuguese but is closed; San Francisco, whose lead runs an
 * evening shift for Latin America and allowed Portuguese answered in Spanish, is on shift. The
 * conversation lands with a free Spanish-speaking agent there, gets its SLA clock on San
 * Francisco's calendar, and the customer is acknowledged in Portuguese, in São Paulo time, with a
 * promise on that calendar and queue.
 */
describe.each(ENGINES)('follow the sun, the whole story, on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  const team: Record<string, string> = {};
  const agent: Record<string, string> = {};

  const ok = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown, token = ws.token) => {
    const res = await call(h, token, method, url, body);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h);
    for (const a of demoAgents) {
      const { key, name, role, timeZone, languages, capacity } = a;
      agent[key] = (await ok('POST', '/api/v1/agents', { email: `${key}@example.com`, name, role, timeZone, languages, capacity })).id;
    }
    for (const t of demoTeams) {
      const definition = demoCalendar(t);
      if (t.key === 'san-francisco') {
        // A split day with an evening shift covering Latin America's afternoon.
        definition.weekly = [
          { days: [1, 2, 3, 4, 5], start: '08:00', end: '12:00' },
          { days: [1, 2, 3, 4, 5], start: '13:00', end: '21:00' },
        ];
      }
      const calendar = await ok('POST', '/api/v1/calendars', { name: t.name, definition });
      const memberIds = demoAgents.filter((a) => a.teamKeys.includes(t.key)).map((a) => agent[a.key]);
      team[t.key] = (
        await ok('POST', '/api/v1/teams', {
          name: t.name,
          timeZone: t.timeZone,
          languages: t.languages,
          memberIds,
          calendarId: calendar.id,
        })
      ).id;
    }
    const lead = await ws.tokenFor('lead');
    await ok(
      'PUT',
      '/api/v1/routing',
      {
        rules: demoRoutingRules.map((r) => ({ name: r.name, when: r.when, teamId: team[r.teamId] })),
        chains: [{ name: demoChain.name, teamIds: demoChain.teamIds.map((k) => team[k]) }],
        teams: demoTeams.map((t) => ({ teamId: team[t.key], mode: 'round_robin', bar: 'fluent', fallbacks: demoFallbacks[t.key] ?? [] })),
      },
      lead,
    );
    await ok('POST', '/api/v1/sla/policies', { name: 'Standard', default: true, targets: { firstReply: { minutes: 60 } } }, lead);
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)(
    'Portuguese at 03:00 UTC on Tiradentes reaches San Francisco, on its calendar, acknowledged in Portuguese',
    async () => {
      // Agents sign on for the evening: Megan (Spanish: working only) and Daniel (Spanish: native) in San Francisco.
      h.clock.set('2026-04-21T02:55:00Z');
      for (const key of ['megan-carter', 'daniel-reyes']) await ok('PATCH', `/api/v1/agents/${agent[key]}`, { status: 'online' });

      h.clock.set('2026-04-21T03:00:00Z');
      const customer = await ok('POST', '/api/v1/customers', {
        name: 'Mariana Souza',
        emails: ['mariana.souza@example.com.br'],
        locale: 'pt-BR',
        country: 'BR',
        timeZone: 'America/Sao_Paulo',
      });
      const created = await ok('POST', '/api/v1/conversations', {
        customer: { id: customer.id },
        channel: 'email',
        subject: 'Cobrança em duplicidade',
        message: {
          text: 'Boa noite, fui cobrada duas vezes pela mesma assinatura neste mês. Vocês podem estornar uma das cobranças, por favor?',
        },
      });
      expect(created).toMatchObject({ language: 'pt-BR', teamId: team['san-francisco'], assigneeId: agent['daniel-reyes'] });

      // Why it is there: São Paulo closed for the holiday, handed over along the chain to San Francisco, served in Spanish.
      const [decision] = (await ok('GET', `/api/v1/conversations/${created.id}/routing`)).data;
      expect(decision).toMatchObject({
        trigger: 'created',
        teamId: team['san-francisco'],
        agentId: agent['daniel-reyes'],
        servedIn: 'es',
        handover: { fromTeamId: team['sao-paulo'] },
      });
      const text = decision.steps.map((s: { text: string }) => s.text).join('\n');
      expect(text).toMatch(/São Paulo/);
      expect(text).toMatch(/San Francisco/);
      expect(text).toMatch(/Daniel Reyes/);

      // The SLA clock runs on San Francisco's calendar: 60 business minutes from 20:00 PDT end at 21:00 PDT.
      const outbox = new OutboxProcessor(h.db, h.clock, [slaOnEvents((err) => expect.fail(String(err)))]);
      for (let i = 0; i < 100 && ((await outbox.drain()) > 0 || (await outboxBacklog(h.db, 'default')) > 0); i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const { sla } = await ok('GET', `/api/v1/conversations/${created.id}`);
      const firstReply = sla.clocks.find((c: { metric: string }) => c.metric === 'first_reply');
      expect(firstReply).toMatchObject({ status: 'running', dueAt: '2026-04-21T04:00:00.000Z' });

      // The acknowledgement: in Portuguese, with a time on the customer's clock in São Paulo.
      const outcome = await h.db.transaction((tx) => acknowledgeConversation(tx, ws.id, created.id, h.clock()));
      expect(outcome.kind).toBe('sent');
      const messages = (await ok('GET', `/api/v1/conversations/${created.id}/messages`)).data as {
        authorType: string;
        text: string;
        language: string;
      }[];
      const ack = messages.find((m) => m.authorType === 'system')!;
      expect(ack.language).toBe('pt');
      const { rows } = await h.db.query<{ promised_at: Date; basis: { timeZone: string } }>(
        'SELECT promised_at, basis FROM acknowledgements WHERE workspace_id = $1 AND conversation_id = $2',
        [ws.id, created.id],
      );
      const promised = rows[0]!.promised_at;
      expect(rows[0]!.basis.timeZone).toBe('America/Sao_Paulo');
      // Promised while San Francisco is open or after it reopens: never inside its closed hours.
      const local = new Intl.DateTimeFormat('pt-BR', { timeZone: 'America/Sao_Paulo', hour: '2-digit', minute: '2-digit' }).format(
        promised,
      );
      expect(ack.text).toContain(local);
      expect(ack.text).toMatch(/Obrigad/);
    },
  );
});
