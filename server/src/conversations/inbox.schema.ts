import { Type, type Static } from '@sinclair/typebox';
import { Nullable, Timestamp, Uuid } from '../http/schemas.js';
import { SlaMetricSchema } from '../sla/sla-state.schema.js';
import { Conversation, Status } from './conversations.schema.js';

/** Statuses the inbox counts when none are asked for: everything not yet solved or closed. */
export const UNRESOLVED = ['new', 'open', 'pending', 'on_hold'] as const;

/** What an inbox row shows beyond the conversation itself, read with the page (no request per row). */
export const InboxConversation = Type.Composite([
  Conversation,
  Type.Object({
    customer: Type.Object({
      id: Uuid,
      name: Nullable(Type.String()),
      locale: Nullable(Type.String()),
      timeZone: Nullable(Type.String()),
      country: Nullable(Type.String()),
    }),
    lastMessage: Nullable(
      Type.Object(
        {
          direction: Type.Union([Type.Literal('inbound'), Type.Literal('outbound'), Type.Literal('note')]),
          preview: Type.String({ description: 'The first 140 characters of its text, whitespace collapsed; … when cut.' }),
          at: Timestamp,
        },
        { description: 'The latest message, notes included.' },
      ),
    ),
    slaDue: Nullable(
      Type.Object(
        {
          at: Timestamp,
          metric: SlaMetricSchema,
          breached: Type.Boolean({ description: 'The due instant has passed.' }),
        },
        { description: 'The earliest due instant of the running SLA clocks; null when none runs (paused, stopped, no policy).' },
      ),
    ),
  }),
]);
export type InboxConversation = Static<typeof InboxConversation>;

export const InboxCountsQuery = Type.Object(
  { status: Type.Optional(Type.Array(Status, { maxItems: 6, description: 'Statuses to count (default: new, open, pending, on_hold).' })) },
  { additionalProperties: false },
);
export type InboxCountsQuery = Static<typeof InboxCountsQuery>;

export const InboxCounts = Type.Object({
  statuses: Type.Array(Status),
  views: Type.Object({
    mine: Nullable(Type.Integer({ description: 'null without an agent session' })),
    team: Nullable(Type.Integer({ description: 'null without an agent session' })),
    unassigned: Type.Integer(),
    all: Type.Integer(),
  }),
  languages: Type.Array(Type.Object({ language: Nullable(Type.String()), count: Type.Integer() }), {
    description: 'Counts of the all view per language tag as stored (null: not known yet), largest first.',
  }),
});
export type InboxCounts = Static<typeof InboxCounts>;
