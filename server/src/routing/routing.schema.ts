import { Type, type Static } from '@sinclair/typebox';
import { Proficiency } from '../agents/agents.schema.js';
import { Priority, Tag } from '../conversations/conversations.schema.js';
import { Channel, Country } from '../customers/customers.schema.js';
import { LanguageTag, Nullable, Text, Timestamp, Uuid } from '../http/schemas.js';

/**
 * Routing settings as a lead sends and reads them (one document, replaced whole by PUT), and the
 * stored decisions: "why is this here".
 */

/** Rules are read on every routing: a short list keeps that cheap. */
export const MAX_RULES = 200;
export const MAX_CHAINS = 20;

const list = <T extends Parameters<typeof Type.Array>[0]>(t: T) =>
  Type.Optional(Type.Array(t, { minItems: 1, maxItems: 50, uniqueItems: true }));

/** Every condition present must hold (AND); within one, any listed value does (OR). */
export const RuleConditions = Type.Object(
  {
    languages: list(Type.String({ ...LanguageTag, description: "Prefix on subtag boundaries: 'pt' matches pt-BR" })),
    countries: list(Country),
    regions: list(Type.String({ pattern: '^[A-Z]{2}-[A-Z0-9]{1,3}$', description: "ISO 3166-2, the customer's `region` attribute" })),
    channels: list(Channel),
    priorities: list(Priority),
    tiers: list(Type.String({ pattern: '^[a-z0-9_-]{1,32}$' })),
    tags: list(Tag),
  },
  { additionalProperties: false },
);
export type RuleConditions = Static<typeof RuleConditions>;

export const AssignmentMode = Type.Union([Type.Literal('round_robin'), Type.Literal('least_loaded')]);

export const LanguageFallback = Type.Object(
  {
    from: Type.String({ ...LanguageTag, description: 'The conversation’s language (primary subtag counts)' }),
    to: Type.String({ ...LanguageTag, description: 'The language the team’s agents read instead' }),
    bar: Proficiency,
  },
  { additionalProperties: false },
);

const ruleFields = {
  name: Text(120),
  when: RuleConditions,
  teamId: Uuid,
};
const chainFields = {
  name: Text(120),
  teamIds: Type.Array(Uuid, { minItems: 2, maxItems: 50, uniqueItems: true, description: 'In hand-over order' }),
};
const teamFields = {
  teamId: Uuid,
  mode: AssignmentMode,
  bar: Type.Union(Proficiency.anyOf, { description: "Least proficiency in the conversation's language for an agent of the team" }),
  fallbacks: Type.Array(LanguageFallback, { maxItems: 20 }),
};

export const RoutingRule = Type.Object({ id: Uuid, ...ruleFields });
export const RoutingChain = Type.Object({ id: Uuid, ...chainFields });
export const TeamRouting = Type.Object({
  ...teamFields,
  customized: Type.Boolean({ description: 'false: the team has no settings of its own and routes with the defaults shown' }),
});

export const RoutingSettings = Type.Object({
  rules: Type.Array(RoutingRule),
  chains: Type.Array(RoutingChain),
  teams: Type.Array(TeamRouting),
});
export type RoutingSettings = Static<typeof RoutingSettings>;

export const PutRoutingBody = Type.Object(
  {
    rules: Type.Array(
      Type.Object(
        {
          id: Type.Optional(Type.String({ ...Uuid, description: 'An existing rule’s id keeps it; leave out for a new rule' })),
          ...ruleFields,
        },
        { additionalProperties: false },
      ),
      { maxItems: MAX_RULES, description: 'Tried in this order; the first that matches names the owning team' },
    ),
    chains: Type.Array(
      Type.Object(
        { id: Type.Optional(Type.String({ ...Uuid, description: 'An existing chain’s id keeps it' })), ...chainFields },
        { additionalProperties: false },
      ),
      { maxItems: MAX_CHAINS },
    ),
    teams: Type.Array(
      Type.Object(
        {
          teamId: teamFields.teamId,
          mode: Type.Optional(teamFields.mode),
          bar: Type.Optional(teamFields.bar),
          fallbacks: Type.Optional(teamFields.fallbacks),
        },
        { additionalProperties: false },
      ),
      { maxItems: 500, description: 'Teams left out go back to the defaults' },
    ),
  },
  { additionalProperties: false },
);
export type PutRoutingBody = Static<typeof PutRoutingBody>;

export const RoutingStep = Type.Object({
  code: Type.String({ description: 'Stable, for programs (rule_matched, owning_team_closed, handover, agent_assigned …)' }),
  text: Type.String({ description: 'English, for people' }),
  teamId: Type.Optional(Type.String()),
  agentIds: Type.Optional(Type.Array(Type.String())),
  ruleId: Type.Optional(Type.String()),
  at: Type.Optional(Type.String({ description: 'An instant the step speaks of, e.g. when a closed team opens' })),
});

export const Handover = Type.Object({
  fromTeamId: Type.String(),
  toTeamId: Type.String(),
  reason: Type.Union([Type.Literal('owning_team_closed'), Type.Literal('urgent_override')]),
  note: Type.String({ description: 'For the receiving team: why it has the conversation and when the owner is back' }),
});

export const RoutingDecisionRecord = Type.Object({
  id: Uuid,
  conversationId: Uuid,
  decidedAt: Timestamp,
  trigger: Type.Union([Type.Literal('created'), Type.Literal('requested'), Type.Literal('queue'), Type.Literal('escalation')]),
  teamId: Nullable(Uuid),
  agentId: Nullable(Uuid),
  urgent: Type.Boolean(),
  servedIn: Nullable(Type.String({ description: 'The language it is served in: its own, or a fallback’s' })),
  handover: Nullable(Handover),
  steps: Type.Array(RoutingStep),
});
export type RoutingDecisionRecord = Static<typeof RoutingDecisionRecord>;

export const RoutingDecisionList = Type.Object({ data: Type.Array(RoutingDecisionRecord) });
