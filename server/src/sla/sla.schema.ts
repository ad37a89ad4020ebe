import { Type, type Static } from '@sinclair/typebox';
import { Priority } from '../conversations/conversations.schema.js';
import { Channel, Country } from '../customers/customers.schema.js';
import { LanguageTag, Text, Timestamp, Uuid } from '../http/schemas.js';

export { SLA_METRICS, SlaMetricSchema, type SlaMetric } from './sla-state.schema.js';

/**
 * SLA policies as stored and as clients send them. A policy has targets (first reply, next reply,
 * resolution), each in business time (on the conversation's team calendar) or calendar time; the
 * first policy whose conditions match a new conversation applies, else the default policy.
 */

/** Body key of each metric's target. */
export const TARGET_KEY = { first_reply: 'firstReply', next_reply: 'nextReply', resolution: 'resolution' } as const;

/** One year of minutes: a target longer than that is a typo. */
export const MAX_TARGET_MINUTES = 525_600;

export const SlaTarget = Type.Object(
  {
    minutes: Type.Integer({ minimum: 1, maximum: MAX_TARGET_MINUTES }),
    time: Type.Optional(
      Type.Union([Type.Literal('business'), Type.Literal('calendar')], {
        description:
          "'business' (default): counted while the conversation's team calendar is open; calendar time when the team has none. " +
          "'calendar': wall-clock time.",
      }),
    ),
  },
  { additionalProperties: false },
);
export type SlaTarget = Static<typeof SlaTarget>;

export const SlaTargets = Type.Object(
  { firstReply: Type.Optional(SlaTarget), nextReply: Type.Optional(SlaTarget), resolution: Type.Optional(SlaTarget) },
  { additionalProperties: false, minProperties: 1 },
);
export type SlaTargets = Static<typeof SlaTargets>;

const Segment = Type.String({ pattern: '^[a-z0-9_-]{1,32}$' });
const list = <T extends Parameters<typeof Type.Array>[0]>(t: T) =>
  Type.Optional(Type.Array(t, { minItems: 1, maxItems: 50, uniqueItems: true }));

/** Every condition present must hold (AND); within one, any listed value does (OR). */
export const SlaConditions = Type.Object(
  {
    priorities: list(Priority),
    channels: list(Channel),
    tiers: list(Segment),
    segments: list(Type.String({ ...Segment, description: "The customer's `segment` attribute" })),
    countries: list(Country),
    regions: list(Type.String({ pattern: '^[A-Z]{2}-[A-Z0-9]{1,3}$', description: "ISO 3166-2, the customer's `region` attribute" })),
    languages: list(Type.String({ ...LanguageTag, description: "Prefix: 'pt' matches pt-BR" })),
  },
  { additionalProperties: false },
);
export type SlaConditions = Static<typeof SlaConditions>;

/** When a target is at risk: a share of its time used, or minutes before it is due. Exactly one. */
export const SlaWarning = Type.Object(
  {
    percent: Type.Optional(Type.Integer({ minimum: 1, maximum: 99, description: 'Warn once this share of the target has been used' })),
    minutesBefore: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_TARGET_MINUTES, description: 'Warn this long before due' })),
  },
  { additionalProperties: false, minProperties: 1, maxProperties: 1 },
);
export type SlaWarning = Static<typeof SlaWarning>;
export const DEFAULT_WARNING: SlaWarning = { percent: 75 };

/** What happens when a target is breached. */
export const SlaEscalation = Type.Object(
  {
    reassign: Type.Optional(
      Type.Boolean({
        description: 'Route it again to someone else on shift who reads the language (left with its assignee when nobody else is free)',
      }),
    ),
    raisePriority: Type.Optional(Type.Boolean({ description: 'One step up (low → normal → high → urgent)' })),
    notifyLead: Type.Optional(Type.Boolean({ description: "An `sla.escalation` event naming the team's leads" })),
  },
  { additionalProperties: false },
);
export type SlaEscalation = Static<typeof SlaEscalation>;

export const SlaPolicy = Type.Object({
  id: Uuid,
  name: Type.String(),
  position: Type.Integer(),
  default: Type.Boolean({ description: 'Applies when no other policy matches; has no conditions' }),
  when: SlaConditions,
  targets: SlaTargets,
  warning: SlaWarning,
  escalation: SlaEscalation,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type SlaPolicy = Static<typeof SlaPolicy>;

export const SlaPolicyList = Type.Object({ data: Type.Array(SlaPolicy) });

const bodyFields = {
  name: Text(200),
  position: Type.Integer({ minimum: 0, maximum: 10_000, description: 'Lower is tried first; default: after the others' }),
  default: Type.Boolean(),
  when: SlaConditions,
  targets: SlaTargets,
  warning: SlaWarning,
  escalation: SlaEscalation,
};

export const CreateSlaPolicyBody = Type.Object(
  {
    name: bodyFields.name,
    position: Type.Optional(bodyFields.position),
    default: Type.Optional(bodyFields.default),
    when: Type.Optional(bodyFields.when),
    targets: bodyFields.targets,
    warning: Type.Optional(bodyFields.warning),
    escalation: Type.Optional(bodyFields.escalation),
  },
  { additionalProperties: false },
);
export type CreateSlaPolicyBody = Static<typeof CreateSlaPolicyBody>;

export const UpdateSlaPolicyBody = Type.Partial(Type.Object(bodyFields, { additionalProperties: false }), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateSlaPolicyBody = Static<typeof UpdateSlaPolicyBody>;
