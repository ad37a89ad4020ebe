import { Type, type Static } from '@sinclair/typebox';
import { Channel, Email } from '../customers/customers.schema.js';
import { CreateMessageBody } from '../messages/messages.schema.js';
import { LanguageTag, Nullable, PageQuery, Text, Timestamp, Uuid } from '../http/schemas.js';
import { ConversationSla } from '../sla/sla-state.schema.js';

export const STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const Status = Type.Union(STATUSES.map((s) => Type.Literal(s)));
export const Priority = Type.Union(PRIORITIES.map((s) => Type.Literal(s)));
/** Inbox views; mine and team are the calling agent's. */
export const VIEWS = ['mine', 'team', 'unassigned', 'all'] as const;
export type View = (typeof VIEWS)[number];
export const Tag = Type.String({ pattern: '^[\\p{L}\\p{N}_:.-]{1,50}$' });

export const Conversation = Type.Object({
  id: Uuid,
  channel: Type.String(),
  subject: Nullable(Type.String()),
  status: Status,
  priority: Priority,
  language: Nullable(Type.String()),
  languageSource: Nullable(
    Type.Union([Type.Literal('agent'), Type.Literal('stated'), Type.Literal('detected')], {
      description:
        "Where `language` comes from: 'agent' (set on the conversation; detection never overrides it), else mostly " +
        "'stated' (messages' given languages, the customer's locale) or 'detected' evidence. Null: no evidence yet, or set before it was kept.",
    }),
  ),
  languageConfidence: Nullable(
    Type.Number({ minimum: 0, maximum: 1, description: "The language's share of the evidence (1 when an agent set it)." }),
  ),
  languageEvidence: Type.Record(Type.String(), Type.Object({ language: Type.String(), weight: Type.Number(), stated: Type.Number() }), {
    description:
      'Evidence per language from inbound messages (stated or detected, weighted by confidence and length, older messages fading) ' +
      "and the customer's locale; `stated` is the stated part of `weight`.",
  }),
  customerId: Uuid,
  teamId: Nullable(Uuid),
  assigneeId: Nullable(Uuid),
  tags: Type.Array(Type.String()),
  messageCount: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  lastMessageAt: Nullable(Timestamp),
  solvedAt: Nullable(Timestamp),
  closedAt: Nullable(Timestamp),
});
export type Conversation = Static<typeof Conversation>;

/** One conversation with its SLA clocks (null: no policy applies, or it predates SLA policies). */
export const ConversationDetail = Type.Composite([Conversation, Type.Object({ sla: Nullable(ConversationSla) })]);

export const CustomerRef = Type.Union([
  Type.Object({ id: Uuid }, { additionalProperties: false }),
  Type.Object({ email: Email, name: Type.Optional(Text(200)), locale: Type.Optional(LanguageTag) }, { additionalProperties: false }),
]);

export const CreateConversationBody = Type.Object(
  {
    customer: CustomerRef,
    channel: Channel,
    subject: Type.Optional(Text(500)),
    status: Type.Optional(Status),
    priority: Type.Optional(Priority),
    language: Type.Optional(LanguageTag),
    teamId: Type.Optional(Uuid),
    assigneeId: Type.Optional(Uuid),
    tags: Type.Optional(Type.Array(Tag, { maxItems: 50, uniqueItems: true })),
    message: CreateMessageBody,
  },
  { additionalProperties: false },
);
export type CreateConversationBody = Static<typeof CreateConversationBody>;

export const UpdateConversationBody = Type.Object(
  {
    subject: Type.Optional(Nullable(Text(500))),
    status: Type.Optional(Status),
    priority: Type.Optional(Priority),
    language: Type.Optional(
      Type.Union([LanguageTag, Type.Null()], {
        description: 'Authoritative: detection never overrides it. null hands the language back to the evidence of the messages.',
      }),
    ),
    teamId: Type.Optional(Nullable(Uuid)),
    assigneeId: Type.Optional(Nullable(Uuid)),
    tags: Type.Optional(Type.Array(Tag, { maxItems: 50, uniqueItems: true })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateConversationBody = Static<typeof UpdateConversationBody>;

export const ListConversationsQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(Type.Array(Status, { maxItems: 6 })),
    teamId: Type.Optional(Uuid),
    assigneeId: Type.Optional(Type.Union([Uuid, Type.Literal('none')])),
    language: Type.Optional(LanguageTag),
    channel: Type.Optional(Channel),
    tag: Type.Optional(Tag),
    customerId: Type.Optional(Uuid),
    priority: Type.Optional(Priority),
    view: Type.Optional(
      Type.Union(
        VIEWS.map((v) => Type.Literal(v)),
        {
          description:
            "mine: assigned to the calling agent; team: in the calling agent's teams (both need an agent session); unassigned; all (the default).",
        },
      ),
    ),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: "Words (each a prefix) found in the subject, the customer's name or e-mail, or a message's text.",
      }),
    ),
    sort: Type.Optional(
      Type.Union([Type.Literal('updated'), Type.Literal('created'), Type.Literal('sla_due')], {
        default: 'updated',
        description: 'updated, created: newest first; sla_due: earliest SLA due first, conversations without a running clock last.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ListConversationsQuery = Static<typeof ListConversationsQuery>;
