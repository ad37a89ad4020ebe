import type { BusinessCalendar } from '../calendars/index.js';

/**
 * The routing decision's inputs and outputs. Everything here is plain data except the compiled
 * calendars, so the decision is a pure function of its input and can be replayed in tests and
 * simulations; the decision itself is JSON (instants as ISO strings) so it can be stored as is.
 */

export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type Proficiency = 'native' | 'fluent' | 'working' | 'basic';
export type AgentStatus = 'online' | 'away' | 'offline';
export type AssignmentMode = 'round_robin' | 'least_loaded';

/** Higher is better; a bar is met when the agent's rank is at least the bar's. */
export const PROFICIENCY_RANK: Record<Proficiency, number> = { basic: 1, working: 2, fluent: 3, native: 4 };

export interface RoutingConversation {
  /** BCP-47; null while unknown (then language plays no part). */
  language: string | null;
  priority: Priority;
  channel: string;
  customer: {
    /** ISO 3166-1 alpha-2, e.g. BR. */
    country: string | null;
    /** ISO 3166-2 subdivision, e.g. BR-SP. */
    region: string | null;
    tier: string | null;
  };
  tags: string[];
  /** Subject and first message: searched for urgency cues. */
  text: string;
}

/**
 * A lead allows a team to take conversations in `from` when its agents read `to` well enough,
 * e.g. Portuguese answered by Spanish speakers. `bar` is the proficiency in `to` required; it may
 * be lower than the team's own bar, which is the lead's call.
 */
export interface LanguageFallback {
  from: string;
  to: string;
  bar: Proficiency;
}

export interface RoutingTeam {
  id: string;
  name: string;
  /** Languages the team declares it serves (primary subtags or BCP-47). */
  languages: string[];
  /** null: no business hours configured, so always open. */
  calendar: BusinessCalendar | null;
  mode: AssignmentMode;
  /** Minimum proficiency in the conversation's language for an agent of this team. */
  bar: Proficiency;
  fallbacks: LanguageFallback[];
}

export interface RoutingAgent {
  id: string;
  name: string;
  teamIds: string[];
  languages: { tag: string; proficiency: Proficiency }[];
  status: AgentStatus;
  capacity: number;
  /** Open conversations assigned now. */
  load: number;
}

/** Every condition present must hold (AND); within one condition any listed value does (OR). */
export interface RuleConditions {
  /** BCP-47 prefixes: 'pt' matches pt-BR, 'pt-BR' only pt-BR. */
  languages?: string[];
  countries?: string[];
  regions?: string[];
  channels?: string[];
  priorities?: Priority[];
  tiers?: string[];
  /** Any of these tags. */
  tags?: string[];
}

export interface RoutingRule {
  id: string;
  name: string;
  when: RuleConditions;
  teamId: string;
}

/** Ordered teams that hand over to each other when one closes, e.g. Berlin → San Francisco → Tokyo. */
export interface FollowTheSunChain {
  id: string;
  name: string;
  teamIds: string[];
}

/** Team id → the agent assigned last in that team; the next round-robin pick follows it. */
export type RoundRobinState = Record<string, string>;

export interface UrgencySettings {
  priorities: Priority[];
  /** Language (primary subtag) → cues; see urgency.ts for how they match. */
  cues: Record<string, string[]>;
}

export interface RoutingInput {
  now: Date;
  conversation: RoutingConversation;
  teams: RoutingTeam[];
  agents: RoutingAgent[];
  /** First match wins. */
  rules: RoutingRule[];
  chains: FollowTheSunChain[];
  roundRobin: RoundRobinState;
  /** Defaults to DEFAULT_URGENCY (priority urgent, built-in cues). */
  urgency?: UrgencySettings;
  /** Owner when no rule matches and no team declares the language. Defaults to the first team. */
  defaultTeamId?: string | null;
}

export type StepCode =
  | 'language_unknown'
  | 'urgent_detected'
  | 'urgent_override'
  | 'urgent_no_team_on_shift'
  | 'rule_matched'
  | 'no_rule_matched'
  | 'language_team'
  | 'default_team'
  | 'team_open'
  | 'owning_team_closed'
  | 'no_chain'
  | 'team_skipped'
  | 'handover'
  | 'language_fallback'
  | 'no_open_team'
  | 'agent_away'
  | 'agent_offline'
  | 'agent_language_below_bar'
  | 'agent_at_capacity'
  | 'agent_assigned'
  | 'no_agent_with_capacity'
  | 'no_teams';

/** One line of "why is this here": a stable code for programs, English text for people. */
export interface RoutingStep {
  code: StepCode;
  text: string;
  teamId?: string;
  agentIds?: string[];
  ruleId?: string;
  /** ISO instant, e.g. when a closed team opens. */
  at?: string;
}

export interface Handover {
  fromTeamId: string;
  toTeamId: string;
  reason: 'owning_team_closed' | 'urgent_override';
  /** For the receiving team: why it has this conversation and when its owner opens again. */
  note: string;
}

export interface RoutingDecision {
  /** null only when the workspace has no teams. */
  teamId: string | null;
  /** null: queued on the team, nobody eligible has capacity. */
  agentId: string | null;
  urgent: boolean;
  /** Language the team serves it in: the conversation's, or the fallback's (pt answered via es). */
  servedIn: string | null;
  handover: Handover | null;
  roundRobin: RoundRobinState;
  steps: RoutingStep[];
}
