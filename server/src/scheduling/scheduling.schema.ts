import { Type, type Static } from '@sinclair/typebox';
import { Attachment } from '../messages/messages.schema.js';
import { LanguageTag, Nullable, Text, Timestamp, Uuid } from '../http/schemas.js';

/** An ISO instant, or one of the words that mean "in the customer's local business hours". */
const When = (description: string) =>
  Type.Union(
    [
      Type.Literal('customer_business_hours'),
      Type.Literal('next_business_morning'),
      Type.String({ format: 'date-time', maxLength: 40, description: 'An ISO 8601 instant with offset' }),
    ],
    { description },
  );

export const ScheduleMessageBody = Type.Object(
  {
    text: Type.Optional(Type.String({ maxLength: 100_000 })),
    html: Type.Optional(Type.String({ maxLength: 500_000 })),
    language: Type.Optional(LanguageTag),
    attachments: Type.Optional(Type.Array(Attachment, { maxItems: 20 })),
    translateTo: Type.Optional({
      ...LanguageTag,
      description:
        'Deliver the text machine-translated into this language (needs text and language). It is translated when it goes out, ' +
        'and held for review like a reply sent then when it is critical or the engine fails.',
    }),
    sendAt: When(
      '"customer_business_hours": now if it is business hours where the customer is, else their next opening; ' +
        '"next_business_morning": the start of their next business day; an instant: then, moved to the customer’s next opening ' +
        'when it falls in their night, weekend or a public holiday.',
    ),
  },
  { additionalProperties: false },
);
export type ScheduleMessageBody = Static<typeof ScheduleMessageBody>;

export const ScheduledMessage = Type.Object({
  id: Uuid,
  conversationId: Uuid,
  status: Type.Union([Type.Literal('scheduled'), Type.Literal('sent'), Type.Literal('cancelled')]),
  sendAt: Timestamp,
  requested: Type.String(),
  messageId: Nullable(Uuid),
  text: Nullable(Type.String()),
  html: Nullable(Type.String()),
  language: Nullable(Type.String()),
  translateTo: Nullable(Type.String()),
  createdBy: Nullable(Uuid),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const SnoozeBody = Type.Object(
  {
    until: When('An instant (kept exactly), or "customer_business_hours" / "next_business_morning": the customer’s next business morning'),
    status: Type.Optional(
      Type.Union([Type.Literal('pending'), Type.Literal('on_hold')], { description: 'While snoozed; default pending' }),
    ),
    note: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);
export type SnoozeBody = Static<typeof SnoozeBody>;

export const ReminderBody = Type.Object(
  {
    at: When('An instant (kept exactly), or "customer_business_hours" / "next_business_morning": the customer’s next business morning'),
    note: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);
export type ReminderBody = Static<typeof ReminderBody>;

export const Snooze = Type.Object({
  id: Uuid,
  conversationId: Uuid,
  kind: Type.Union([Type.Literal('snooze'), Type.Literal('follow_up')]),
  until: Timestamp,
  note: Nullable(Type.String()),
  status: Type.Union([Type.Literal('scheduled'), Type.Literal('done'), Type.Literal('cancelled')]),
  createdBy: Nullable(Uuid),
  createdAt: Timestamp,
  doneAt: Nullable(Timestamp),
});
