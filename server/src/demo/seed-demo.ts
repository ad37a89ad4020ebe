import { insertAgent } from '../agents/agents.repo.js';
import { hashPassword } from '../auth/passwords.js';
import type { CalendarDefinition } from '../calendars/calendar.schema.js';
import { createCalendar } from '../calendars/create-calendar.js';
import { updateConversationRow, type ConversationRow } from '../conversations/conversations.repo.js';
import { createConversation } from '../conversations/create-conversation.js';
import { createCustomer } from '../customers/save-customer.js';
import type { Db } from '../db/types.js';
import { appendEvent } from '../events/events.repo.js';
import { insertAddress } from '../email/mail.repo.js';
import { newId } from '../lib/ids.js';
import type { SecretBox } from '../lib/secret-box.js';
import { addMessage } from '../messages/add-message.js';
import { demoChain, demoFallbacks, demoRoutingRules } from '../routing/demo-setup.js';
import type { PutRoutingBody } from '../routing/routing.schema.js';
import { saveRouting } from '../routing/save-routing.js';
import { createSlaPolicy } from '../sla/save-policy.js';
import { createTeam } from '../teams/create-team.js';
import { createWorkspace } from '../workspaces/create-workspace.js';
import { findWorkspaceBySlug, type Workspace } from '../workspaces/workspaces.repo.js';
import { saveWidgetSettings } from '../widget/save-widget-settings.js';
import {
  DEMO_ADMIN_PASSWORD,
  DEMO_MAIL_ADDRESS,
  DEMO_WORKSPACE,
  demoAgents,
  demoConversations,
  demoCustomers,
  demoSlaPolicies,
  demoTeams,
  type DemoTeam,
} from './demo-data.js';

const SYSTEM = { actorType: 'system', actorId: null } as const;

/** A demo team's business calendar: its hours in its zone, public holidays of its region ("DE-BE" → DE, BE). */
function demoCalendar(t: DemoTeam): { name: string; definition: CalendarDefinition } {
  const [country, subdivision] = t.holidayRegion.split('-') as [string, string | undefined];
  return {
    name: `${t.name} hours`,
    definition: {
      timeZone: t.timeZone,
      weekly: t.hours.map((h) => ({ days: h.days, start: h.start, end: h.end })),
      holidays: { country, ...(subdivision ? { subdivision } : {}) },
    },
  };
}

/** The routing a lead of the demo would set: rules by language and country, the follow-the-sun chain, fluent bars, fallbacks. */
function demoRouting(teamIds: Map<string, string>): PutRoutingBody {
  const id = (key: string) => teamIds.get(key)!;
  return {
    rules: demoRoutingRules.map((r) => ({ name: r.name, when: r.when as PutRoutingBody['rules'][number]['when'], teamId: id(r.teamId) })),
    chains: [{ name: demoChain.name, teamIds: demoChain.teamIds.map(id) }],
    teams: demoTeams.map((t) => ({ teamId: id(t.key), mode: 'round_robin', bar: 'fluent', fallbacks: demoFallbacks[t.key] ?? [] })),
  };
}

/**
 * Seeds the demo workspace (slug `demo`) in one transaction. Idempotent: an existing
 * demo workspace is left as it is. Every demo agent's password is DEMO_ADMIN_PASSWORD.
 */
export async function seedDemo(db: Db, now: Date, box?: SecretBox): Promise<{ created: boolean; workspace: Workspace }> {
  const existing = await findWorkspaceBySlug(db, DEMO_WORKSPACE.slug);
  if (existing) return { created: false, workspace: existing };
  const passwordHash = await hashPassword(DEMO_ADMIN_PASSWORD);

  const workspace = await db.transaction(async (tx) => {
    const ws = await createWorkspace(tx, DEMO_WORKSPACE, now);
    const agentIds = new Map<string, string>();
    for (const a of demoAgents) {
      const id = newId();
      await insertAgent(
        tx,
        ws.id,
        {
          id,
          email: a.email,
          name: a.name,
          role: a.role,
          timeZone: a.timeZone,
          languages: a.languages,
          capacity: a.capacity,
          status: 'offline',
          passwordHash,
        },
        now,
      );
      agentIds.set(a.key, id);
    }
    const teamIds = new Map<string, string>();
    for (const t of demoTeams) {
      const memberIds = demoAgents.filter((a) => a.teamKeys.includes(t.key)).map((a) => agentIds.get(a.key)!);
      const calendar = await createCalendar(tx, ws.id, SYSTEM, demoCalendar(t), now);
      const team = await createTeam(
        tx,
        ws.id,
        SYSTEM,
        { name: t.name, timeZone: t.timeZone, languages: t.languages, memberIds, calendarId: calendar.id },
        now,
      );
      teamIds.set(t.key, team.id);
    }
    await saveRouting(tx, ws.id, SYSTEM, demoRouting(teamIds), now);
    // The chat widget (its identity secret is sealed with the server key, so only when one is given).
    // No team: the demo routes follow the sun, so the widget promises the whole workspace's reply time.
    if (box) await saveWidgetSettings(tx, ws.id, box, SYSTEM, { enabled: true, preChatFields: [{ name: 'name', required: false }] }, now);
    for (const policy of demoSlaPolicies) await createSlaPolicy(tx, ws.id, SYSTEM, policy, now);
    await insertAddress(tx, ws.id, { id: newId(), address: DEMO_MAIL_ADDRESS, name: 'Demo support', createdAt: now });
    const customerIds = new Map<string, string>();
    for (const c of demoCustomers) {
      const created = await createCustomer(
        tx,
        ws.id,
        SYSTEM,
        {
          name: c.name,
          emails: [c.email],
          ...(c.phone ? { phones: [c.phone] } : {}),
          locale: c.locale,
          country: c.country,
          timeZone: c.timeZone,
          preferredChannel: c.preferredChannel,
          ...(c.formality ? { formality: c.formality } : {}),
          tier: c.tier,
        },
        now,
      );
      customerIds.set(c.key, created.id);
    }
    for (const conv of demoConversations) {
      const start = now.getTime() - conv.hoursAgo * 3600_000;
      const [first, ...rest] = conv.messages;
      const at = (m: { minutesAfterStart: number }) => new Date(start + m.minutesAfterStart * 60_000);
      const author = (m: { agentKey?: string }) => ({ agentId: m.agentKey ? agentIds.get(m.agentKey)! : null });
      const created = await createConversation(
        tx,
        ws.id,
        author(first!),
        SYSTEM,
        {
          customer: { id: customerIds.get(conv.customerKey)! },
          channel: conv.channel,
          subject: conv.subject,
          status: conv.status,
          priority: conv.priority,
          language: conv.language,
          teamId: teamIds.get(conv.teamKey)!,
          ...(conv.assigneeKey ? { assigneeId: agentIds.get(conv.assigneeKey)! } : {}),
          tags: conv.tags,
          message: { direction: first!.direction, text: first!.text, language: first!.language },
        },
        at(first!),
      );
      let last: ConversationRow = created;
      for (const m of rest) {
        last = (await addMessage(tx, ws.id, author(m), created, { direction: m.direction, text: m.text, language: m.language }, at(m)))
          .conversation;
      }
      // A late inbound message reopens a solved conversation; the demo wants its stated status.
      if (last.status !== conv.status) {
        const lastAt = last.lastMessageAt ?? at(first!);
        await updateConversationRow(
          tx,
          ws.id,
          created.id,
          {
            status: conv.status,
            solvedAt: conv.status === 'solved' ? lastAt : null,
            closedAt: conv.status === 'closed' ? lastAt : null,
          },
          lastAt,
        );
      }
    }
    await appendEvent(tx, ws.id, { type: 'workspace.seeded', subjectId: ws.id, payload: { demo: true } }, now);
    return ws;
  });
  return { created: true, workspace };
}
