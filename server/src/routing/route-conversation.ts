import { compiledCalendars, type CompiledCalendars } from '../calendars/compiled-cache.js';
import { updateConversationRow, type ConversationRow } from '../conversations/conversations.repo.js';
import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { appendEvent, recordChange } from '../events/events.repo.js';
import { AppError, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { decideRoute } from './decide.js';
import {
  hasTeams,
  insertDecision,
  loadRoutingConfig,
  lockRoundRobin,
  routingAgents,
  routingFacts,
  saveRoundRobin,
  type DecisionRow,
  type RoutingConfig,
  type RoutingFacts,
} from './routing.repo.js';
import type { RoutingInput, RoutingTeam } from './types.js';

type Actor = Pick<AuditEntry, 'actorType' | 'actorId'>;

export interface Routed {
  decision: DecisionRow;
  conversation: ConversationRow;
}

/** Done with: routing would hand imported history or finished work to someone. */
const FINISHED = new Set(['solved', 'closed']);

/**
 * Routes one conversation in the caller's transaction: loads what decideRoute needs, applies the
 * decision (team_id, assignee_id), moves the team's round-robin cursor, stores the decision with its
 * explanation and writes `conversation.routed`. Time is the caller's `at`.
 *
 * `created`: the create command calls it for a conversation that came without team and assignee;
 * a workspace without teams, or a conversation created solved or closed, is left alone (null), so
 * the ingest path pays one query there. `requested`: an agent asks to route it again now (after a
 * handover, say); the conversation is locked first so two requests do not both apply their pick, and
 * a changed team or assignee is also announced as `conversation.updated` (SLA clocks move to the new
 * team's calendar on that event, and realtime clients refresh on it). `queue`: capacity appeared
 * (see drain-queue.ts); like `requested`, but nothing is written unless the decision names an agent,
 * so a conversation that still has to wait gains no new decision each time someone comes online.
 * `escalation`: an SLA breach asks for someone else (`excludeAgentId`: the assignee who let it
 * lapse); with nobody else free it stays where it is, and nothing is written.
 */
export async function routeConversation(
  tx: Queryable,
  workspaceId: string,
  conversationId: string,
  actor: Actor,
  trigger: DecisionRow['trigger'],
  at: Date,
  calendars: CompiledCalendars = compiledCalendars,
  options: { excludeAgentId?: string | null } = {},
): Promise<Routed | null> {
  const requested = trigger !== 'created';
  let facts = requested ? await routingFacts(tx, workspaceId, conversationId, true) : undefined;
  if (requested && !facts) throw notFound('conversation');
  // A queued conversation is taken again only by an agent: one still waiting, or since assigned or finished, is left as it is.
  if (trigger === 'queue' && (FINISHED.has(facts!.status) || facts!.assigneeId)) return null;
  if (trigger === 'escalation' && FINISHED.has(facts!.status)) return null;
  if (facts && FINISHED.has(facts.status)) {
    throw new AppError('conflict', `the conversation is ${facts.status}: reopen it before routing it again`);
  }
  if (!requested && !(await hasTeams(tx, workspaceId))) return null;
  const config = await loadRoutingConfig(tx, workspaceId);
  if (config.teams.length === 0) {
    if (requested) throw new AppError('conflict', 'the workspace has no teams to route to');
    return null;
  }
  facts ??= await routingFacts(tx, workspaceId, conversationId, false);
  if (!facts) throw notFound('conversation');
  if (FINISHED.has(facts.status)) return null;

  // Locked before the loads are read: the previous routing's pick is committed by then and counted.
  const roundRobin = await lockRoundRobin(
    tx,
    workspaceId,
    config.teams.map((t) => t.id),
  );
  const agents = (await routingAgents(tx, workspaceId, conversationId)).filter((a) => a.id !== options.excludeAgentId);
  const decision = decideRoute(routingInput(config, facts, agents, roundRobin, at, calendars));
  if ((trigger === 'queue' || trigger === 'escalation') && !decision.agentId) return null;

  if (decision.teamId && decision.agentId) await saveRoundRobin(tx, workspaceId, decision.teamId, decision.agentId);
  const conversation = (await updateConversationRow(
    tx,
    workspaceId,
    conversationId,
    { teamId: decision.teamId, assigneeId: decision.agentId },
    at,
  ))!;
  const stored = await insertDecision(tx, workspaceId, { id: newId(), conversationId, trigger, decision }, at);
  await recordChange(
    tx,
    workspaceId,
    {
      type: 'conversation.routed',
      subjectId: conversationId,
      payload: {
        conversationId,
        decisionId: stored.id,
        trigger,
        teamId: decision.teamId,
        agentId: decision.agentId,
        urgent: decision.urgent,
        handover: decision.handover ? { fromTeamId: decision.handover.fromTeamId, reason: decision.handover.reason } : null,
      },
    },
    {
      ...actor,
      action: 'conversation.route',
      targetType: 'conversation',
      targetId: conversationId,
      data: { decisionId: stored.id, trigger, teamId: decision.teamId, agentId: decision.agentId },
    },
    at,
  );
  const changed = [
    ...(facts.teamId !== decision.teamId ? ['teamId'] : []),
    ...(facts.assigneeId !== decision.agentId ? ['assigneeId'] : []),
  ];
  if (requested && changed.length > 0) {
    await appendEvent(
      tx,
      workspaceId,
      { type: 'conversation.updated', subjectId: conversationId, payload: { conversationId, changed, status: conversation.status } },
      at,
    );
  }
  return { decision: stored, conversation };
}

function routingInput(
  config: RoutingConfig,
  facts: RoutingFacts,
  agents: RoutingInput['agents'],
  roundRobin: RoutingInput['roundRobin'],
  at: Date,
  calendars: CompiledCalendars,
): RoutingInput {
  const teams: RoutingTeam[] = config.teams.map((t) => ({
    id: t.id,
    name: t.name,
    languages: t.languages,
    calendar: t.calendar ? calendars.get(t.calendar, at, [at]) : null,
    mode: t.mode,
    bar: t.bar,
    fallbacks: t.fallbacks,
  }));
  return {
    now: at,
    conversation: {
      language: facts.language,
      priority: facts.priority,
      channel: facts.channel,
      customer: { country: facts.country, region: facts.region, tier: facts.tier },
      tags: facts.tags,
      // Where urgency cues are looked for: what the customer wrote first, under its subject.
      text: [facts.subject, facts.firstText].filter((s): s is string => !!s).join('\n'),
    },
    teams,
    agents,
    rules: config.rules,
    chains: config.chains,
    roundRobin,
  };
}
