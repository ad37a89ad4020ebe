import { Type, type Static } from '@sinclair/typebox';
import { Email, Phone } from '../customers/customers.schema.js';
import { LanguageTag, Nullable, PageQuery, Text, Timestamp, Uuid } from '../http/schemas.js';
import { Priority, Tag } from '../conversations/conversations.schema.js';

export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export const CALL_OUTCOMES = ['answered', 'missed', 'voicemail', 'busy', 'failed'] as const;
export const MAX_CALL_SECONDS = 24 * 3600;
export const MAX_NOTES = 10_000;

const CallDirection = Type.Union(CALL_DIRECTIONS.map((d) => Type.Literal(d)));
const CallOutcome = Type.Union(CALL_OUTCOMES.map((o) => Type.Literal(o)));

/** What a logged call says; the same fields whether it joins a conversation or starts one. */
const callFields = {
  direction: CallDirection,
  outcome: CallOutcome,
  from: Type.Optional(Phone),
  to: Type.Optional(Phone),
  startedAt: Type.Optional(
    Type.String({ format: 'date-time', description: 'When the call began; default: now minus the duration (a call that just ended).' }),
  ),
  durationSeconds: Type.Integer({ minimum: 0, maximum: MAX_CALL_SECONDS }),
  notes: Type.Optional(Type.String({ maxLength: MAX_NOTES, description: "The agent's notes: internal, never sent to the customer." })),
  recordingUrl: Type.Optional(
    Type.String({
      maxLength: 2000,
      format: 'uri',
      pattern: '^[Hh][Tt][Tt][Pp][Ss]?://',
      description: 'A link to the recording (http or https, no credentials in it), shown to agents; the server never fetches it.',
    }),
  ),
};

export const LogCallBody = Type.Object(callFields, { additionalProperties: false });
export type LogCallBody = Static<typeof LogCallBody>;

export const CallCustomerRef = Type.Union([
  Type.Object({ id: Uuid }, { additionalProperties: false }),
  Type.Object({ phone: Phone, name: Type.Optional(Text(200)), locale: Type.Optional(LanguageTag) }, { additionalProperties: false }),
  Type.Object({ email: Email, name: Type.Optional(Text(200)), locale: Type.Optional(LanguageTag) }, { additionalProperties: false }),
]);
export type CallCustomerRef = Static<typeof CallCustomerRef>;

export const StartCallBody = Type.Object(
  {
    ...callFields,
    customer: CallCustomerRef,
    subject: Type.Optional(Text(500)),
    priority: Type.Optional(Priority),
    language: Type.Optional(LanguageTag),
    teamId: Type.Optional(Uuid),
    assigneeId: Type.Optional(Uuid),
    tags: Type.Optional(Type.Array(Tag, { maxItems: 50, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type StartCallBody = Static<typeof StartCallBody>;

export const Call = Type.Object({
  id: Uuid,
  conversationId: Uuid,
  messageId: Nullable(Uuid),
  direction: CallDirection,
  from: Nullable(Type.String()),
  to: Nullable(Type.String()),
  startedAt: Timestamp,
  durationSeconds: Type.Integer(),
  outcome: CallOutcome,
  notes: Type.String(),
  recordingUrl: Nullable(Type.String()),
  agentId: Nullable(Uuid),
  createdAt: Timestamp,
});
export type Call = Static<typeof Call>;

export const ListCallsQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type ListCallsQuery = Static<typeof ListCallsQuery>;
