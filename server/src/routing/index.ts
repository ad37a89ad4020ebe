/**
 * Routing: which team and agent a conversation goes to, and why. Pure and clock-free — the caller
 * loads teams (with compiled calendars), agents with their live load, rules, chains and the
 * round-robin state, passes `now`, and stores the decision (steps included) as it comes back.
 *
 *   const d = decideRoute({ now, conversation, teams, agents, rules, chains, roundRobin });
 *   d.teamId, d.agentId (null: queued), d.handover, d.roundRobin (store it), d.steps (the "why")
 */
export { decideRoute } from './decide.js';
export { leastLoaded, nextInTurn, pickAgent, type AgentPick } from './assign.js';
export { coverage, languageMatches, ruleMatches, type Coverage } from './match.js';
export { DEFAULT_URGENCY, DEFAULT_URGENCY_CUES, detectUrgency, findUrgencyCue, type Urgency } from './urgency.js';
export * from './types.js';
