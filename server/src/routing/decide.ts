import { isOpen, nextOpen } from '../calendars/index.js';
import { primaryLanguage } from '../lib/language-tag.js';
import { pickAgent, type AgentPick } from './assign.js';
import { coverage, languageName, ruleMatches, type Coverage } from './match.js';
import type { FollowTheSunChain, Handover, RoutingDecision, RoutingInput, RoutingStep, RoutingTeam } from './types.js';
import { DEFAULT_URGENCY, detectUrgency } from './urgency.js';

/**
 * Where a conversation goes and why, as a pure function of its input (`now` included).
 *
 *  1. The owning team: the first rule that matches, else the first team declaring the language,
 *     else the default team.
 *  2. Urgent (a priority the lead named, or an urgency cue in the text): the first team on shift
 *     now that serves the language and has someone free — owner first, then its chain, then any
 *     other team — even outside the owner's region and chain. Nobody free anywhere: as usual.
 *  3. Owner open: assigned inside it (or queued there when nobody is free; an open team keeps its
 *     own conversations). Owner closed: the next open team in its follow-the-sun chain that serves
 *     the language, teams declaring it before teams serving it through a fallback, one with a free
 *     agent before one without; none open: queued for the owner until it opens.
 * Each step appends a RoutingStep, so the stored explanation reads in the order things were decided.
 */
export function decideRoute(input: RoutingInput): RoutingDecision {
  const c = input.conversation;
  const steps: RoutingStep[] = [];
  const language = c.language ? primaryLanguage(c.language) : '';
  if (input.teams.length === 0) {
    return { ...empty(input, language), steps: [{ code: 'no_teams', text: 'The workspace has no teams' }] };
  }
  if (language === '') steps.push({ code: 'language_unknown', text: 'Language not known yet: every team and agent can read it' });

  const urgency = detectUrgency(c, input.urgency ?? DEFAULT_URGENCY);
  if (urgency) {
    const why =
      urgency.by === 'priority' ? `priority ${urgency.priority}` : `"${urgency.cue}" (${languageName(urgency.language)} urgency cue)`;
    steps.push({ code: 'urgent_detected', text: `Urgent: ${why}` });
  }
  const owner = owningTeam(input, language, steps);
  const chain = input.chains.find((ch) => ch.teamIds.includes(owner.id)) ?? null;
  const ctx: Ctx = { input, language, steps, owner, chain, urgent: urgency !== null };
  return (urgency && urgentRoute(ctx)) || regularRoute(ctx);
}

interface Ctx {
  input: RoutingInput;
  /** Primary subtag, '' when unknown. */
  language: string;
  steps: RoutingStep[];
  owner: RoutingTeam;
  chain: FollowTheSunChain | null;
  urgent: boolean;
}

interface Candidate {
  team: RoutingTeam;
  coverage: Coverage;
}

function owningTeam(input: RoutingInput, language: string, steps: RoutingStep[]): RoutingTeam {
  const teams = new Map(input.teams.map((t) => [t.id, t]));
  // A rule naming a team that is gone cannot own anything; storage prevents it, replays may not.
  const rule = input.rules.find((r) => teams.has(r.teamId) && ruleMatches(r, input.conversation));
  if (rule) {
    const team = teams.get(rule.teamId)!;
    steps.push({ code: 'rule_matched', ruleId: rule.id, teamId: team.id, text: `Rule "${rule.name}" sends it to ${team.name}` });
    return team;
  }
  steps.push({ code: 'no_rule_matched', text: 'No routing rule matches' });
  const declaring = language === '' ? undefined : input.teams.find((t) => coverage(t, language)?.via === 'language');
  if (declaring) {
    steps.push({
      code: 'language_team',
      teamId: declaring.id,
      text: `${declaring.name} is the first team serving ${languageName(language)}`,
    });
    return declaring;
  }
  const team = teams.get(input.defaultTeamId ?? '') ?? input.teams[0]!;
  steps.push({ code: 'default_team', teamId: team.id, text: `${team.name} is the default team` });
  return team;
}

function urgentRoute(ctx: Ctx): RoutingDecision | null {
  const { input, owner } = ctx;
  const ordered = unique([owner, ...chainAfter(ctx), ...input.teams]);
  // Closed teams are not listed (that would be most of the world at night); open ones passed over
  // for want of a free agent are, once the urgent route succeeds. If it fails, the regular route explains.
  const busy = new Map<string, string>();
  const found = firstFree(ctx, openServing(ctx, ordered, new Map()), busy);
  if (!found) {
    ctx.steps.push({
      code: 'urgent_no_team_on_shift',
      text: `Urgent, but no team on shift now has anyone free who reads ${lang(ctx)}: routed as usual`,
    });
    return null;
  }
  ctx.steps.push(...skipNotes(ordered, busy, found.candidate));
  const { team, coverage: cov } = found.candidate;
  if (team.id === owner.id) {
    ctx.steps.push({ code: 'team_open', teamId: team.id, text: `${team.name} is open` });
    return finish(ctx, team, cov, found.pick, null);
  }
  const ownerState = isTeamOpen(owner, input.now) ? 'open but nobody there is free' : closedUntil(owner, input.now);
  ctx.steps.push({
    code: 'urgent_override',
    teamId: team.id,
    text: `Urgent: ${team.name} is on shift now and takes it ahead of ${owner.name} (${ownerState})`,
  });
  const handover: Handover = {
    fromTeamId: owner.id,
    toTeamId: team.id,
    reason: 'urgent_override',
    note: `Urgent ${lang(ctx)} conversation of ${owner.name} (${ownerState}), sent to ${team.name} because it is on shift now.`,
  };
  return finish(ctx, team, cov, found.pick, handover);
}

function regularRoute(ctx: Ctx): RoutingDecision {
  const { input, owner, chain, steps } = ctx;
  const ownCoverage = coverage(owner, ctx.language || null) ?? { via: 'language', language: ctx.language };
  if (isTeamOpen(owner, input.now)) {
    steps.push({ code: 'team_open', teamId: owner.id, text: `${owner.name} is open` });
    return finish(ctx, owner, ownCoverage, pickAgent(owner, input.agents, ctx.language, input.roundRobin), null);
  }
  const opens = owner.calendar && nextOpen(owner.calendar, input.now);
  steps.push({
    code: 'owning_team_closed',
    teamId: owner.id,
    ...(opens ? { at: opens.toISOString() } : {}),
    text: `${owner.name} is ${closedUntil(owner, input.now)}`,
  });
  if (!chain) {
    steps.push({ code: 'no_chain', teamId: owner.id, text: `${owner.name} is in no follow-the-sun chain: queued until it opens` });
    return finish(ctx, owner, ownCoverage, null, null);
  }
  const order = chainAfter(ctx);
  const skipped = new Map<string, string>();
  const candidates = openServing(ctx, order, skipped);
  if (candidates.length === 0) {
    steps.push(...skipNotes(order, skipped, null));
    steps.push({
      code: 'no_open_team',
      teamId: owner.id,
      text: `No open team in "${chain.name}" serves ${lang(ctx)}: queued for ${owner.name} until it opens`,
    });
    return finish(ctx, owner, ownCoverage, null, null);
  }
  // Prefer a team with someone free; if none has, the first open one still sees it before the owner.
  const found = firstFree(ctx, candidates, skipped);
  const target = found?.candidate ?? candidates[0]!;
  const pick = found?.pick ?? pickAgent(target.team, input.agents, ctx.language, input.roundRobin);
  if (target.coverage.via === 'language') {
    for (const c of candidates) {
      if (c.coverage.via === 'fallback')
        skipped.set(c.team.id, `serves ${lang(ctx)} only through a fallback; teams declaring it come first`);
    }
  }
  steps.push(...skipNotes(order, skipped, target));
  const handover: Handover = {
    fromTeamId: owner.id,
    toTeamId: target.team.id,
    reason: 'owning_team_closed',
    note: `${owner.name} is ${closedUntil(owner, input.now)}; ${target.team.name} is the next open team in "${chain.name}" serving ${lang(ctx)}.`,
  };
  steps.push({ code: 'handover', teamId: target.team.id, text: `Handed over from ${owner.name} to ${target.team.name}` });
  return finish(ctx, target.team, target.coverage, pick, handover);
}

/**
 * Why the chain's teams before the chosen one were passed over, in chain order. Teams after it
 * are no part of the story — unless it serves the language only through a fallback, when every
 * team that would have been preferred explains why it was not.
 */
function skipNotes(order: RoutingTeam[], skipped: Map<string, string>, target: Candidate | null): RoutingStep[] {
  const stop = target === null || target.coverage.via === 'fallback' ? order.length : order.indexOf(target.team);
  return order
    .filter((t, i) => i < stop && t !== target?.team && skipped.has(t.id))
    .map((t) => ({ code: 'team_skipped', teamId: t.id, text: `${t.name}: ${skipped.get(t.id)}` }));
}

/** The owner's chain from the team after it, wrapping round, without the owner. */
function chainAfter(ctx: Ctx): RoutingTeam[] {
  if (!ctx.chain) return [];
  const ids = ctx.chain.teamIds;
  const at = ids.indexOf(ctx.owner.id);
  const byId = new Map(ctx.input.teams.map((t) => [t.id, t]));
  return [...ids.slice(at + 1), ...ids.slice(0, at)].flatMap((id) => byId.get(id) ?? []);
}

/** Open teams serving the language, declaring ones before fallback ones; why the others are not, into `skipped`. */
function openServing(ctx: Ctx, teams: RoutingTeam[], skipped: Map<string, string>): Candidate[] {
  const out: Candidate[] = [];
  for (const team of teams) {
    const cov = coverage(team, ctx.language || null);
    if (!isTeamOpen(team, ctx.input.now)) skipped.set(team.id, closedUntil(team, ctx.input.now));
    else if (!cov) skipped.set(team.id, `not serving ${lang(ctx)}`);
    else out.push({ team, coverage: cov });
  }
  return out.sort((a, b) => rank(a.coverage) - rank(b.coverage));
}

const rank = (c: Coverage): number => (c.via === 'language' ? 0 : 1);

function firstFree(ctx: Ctx, candidates: Candidate[], skipped: Map<string, string>): { candidate: Candidate; pick: AgentPick } | null {
  for (const candidate of candidates) {
    const pick = pickAgent(candidate.team, ctx.input.agents, ctx.language, ctx.input.roundRobin);
    if (pick.agentId !== null) return { candidate, pick };
    skipped.set(candidate.team.id, `open, but nobody free reads ${lang(ctx)}`);
  }
  return null;
}

/** The decision for `team`; `pick` null means queued without trying agents (the team is closed). */
function finish(ctx: Ctx, team: RoutingTeam, cov: Coverage, pick: AgentPick | null, handover: Handover | null): RoutingDecision {
  const fallback = pick?.fallback ?? (cov.via === 'fallback' ? cov.fallback : null);
  if (fallback) {
    ctx.steps.push({
      code: 'language_fallback',
      teamId: team.id,
      text: `${languageName(fallback.from)} served in ${languageName(fallback.to)} (${fallback.bar} or better), a fallback ${team.name} allows`,
    });
  }
  if (pick) ctx.steps.push(...pick.steps);
  const agentId = pick?.agentId ?? null;
  return {
    teamId: team.id,
    agentId,
    urgent: ctx.urgent,
    servedIn: fallback ? primaryLanguage(fallback.to) : ctx.language || null,
    handover,
    roundRobin: agentId ? { ...ctx.input.roundRobin, [team.id]: agentId } : { ...ctx.input.roundRobin },
    steps: ctx.steps,
  };
}

function empty(input: RoutingInput, language: string): Omit<RoutingDecision, 'steps'> {
  return { teamId: null, agentId: null, urgent: false, servedIn: language || null, handover: null, roundRobin: { ...input.roundRobin } };
}

/** No calendar: no hours configured, so the team is always open. */
const isTeamOpen = (team: RoutingTeam, now: Date): boolean => team.calendar === null || isOpen(team.calendar, now);

function closedUntil(team: RoutingTeam, now: Date): string {
  const opens = team.calendar && nextOpen(team.calendar, now);
  return opens ? `closed until ${local(team, opens)}` : 'closed, with no opening in the next 3 years';
}

const formats = new Map<string, Intl.DateTimeFormat>();
/** "Tue 10 Mar, 08:00 Europe/Berlin": the receiving agent reads when the owner is back. */
function local(team: RoutingTeam, at: Date): string {
  const tz = team.calendar!.timeZone;
  let f = formats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: tz,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(tz, f);
  }
  return `${f.format(at)} ${tz}`;
}

const lang = (ctx: Ctx): string => (ctx.language ? languageName(ctx.language) : 'the conversation');

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
