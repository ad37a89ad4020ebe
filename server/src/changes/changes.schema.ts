import { Type, type Static } from '@sinclair/typebox';
import { Tag } from '../conversations/conversations.schema.js';
import { LanguageTag, Nullable, PageQuery, Text, Timestamp, Uuid } from '../http/schemas.js';

/** Most ids one link request may name, and most conversations a filter may link at once. */
export const MAX_LINKS_PER_REQUEST = 1000;

const Description = (description?: string) => Type.String({ minLength: 1, maxLength: 5000, ...(description ? { description } : {}) });
const Texts = Type.Record(Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$', maxLength: 35 }), Description(), {
  maxProperties: 100,
  additionalProperties: false,
  description:
    'What changed, written by the lead per locale (BCP-47 tag → text). A customer whose language has one gets it instead of a machine translation.',
});

export const CreateChangeBody = Type.Object(
  {
    title: Text(200),
    description: Description('What changed, in the source language: the text customers are told'),
    sourceLanguage: LanguageTag,
    texts: Type.Optional(Texts),
  },
  { additionalProperties: false },
);
export type CreateChangeBody = Static<typeof CreateChangeBody>;

export const UpdateChangeBody = Type.Object(
  {
    title: Type.Optional(Text(200)),
    description: Type.Optional(Description()),
    sourceLanguage: Type.Optional(LanguageTag),
    texts: Type.Optional(Texts),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateChangeBody = Static<typeof UpdateChangeBody>;

export const ChangeStatus = Type.Union([Type.Literal('draft'), Type.Literal('announced')]);

export const Change = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: Type.String(),
  sourceLanguage: Type.String(),
  texts: Type.Record(Type.String(), Type.String()),
  status: ChangeStatus,
  createdBy: Type.Object({ type: Type.String(), id: Nullable(Uuid) }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  announcedAt: Nullable(Timestamp),
  /** Linked conversations, their distinct customers, and how many of those were told. */
  counts: Type.Object({ links: Type.Integer(), customers: Type.Integer(), told: Type.Integer() }),
});

export const ListChangesQuery = Type.Object({ ...PageQuery, status: Type.Optional(ChangeStatus) }, { additionalProperties: false });
export type ListChangesQuery = Static<typeof ListChangesQuery>;

const Ids = (description: string) => Type.Array(Uuid, { minItems: 1, maxItems: MAX_LINKS_PER_REQUEST, uniqueItems: true, description });

export const LinkBody = Type.Object(
  {
    responseIds: Type.Optional(Ids('Survey responses: each links its conversation (and is remembered on the link)')),
    conversationIds: Type.Optional(Ids('Conversations, e.g. ones tagged feature-request')),
    filter: Type.Optional(
      Type.Object(
        {
          tag: Type.Optional(Tag),
          language: Type.Optional(LanguageTag),
          q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        },
        {
          additionalProperties: false,
          minProperties: 1,
          description: `Every conversation matching all of these (as GET /conversations filters them), at most ${MAX_LINKS_PER_REQUEST}`,
        },
      ),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type LinkBody = Static<typeof LinkBody>;

export const LinkResult = Type.Object({
  added: Type.Integer({ description: 'Conversations linked by this request' }),
  alreadyLinked: Type.Integer({ description: 'Named conversations that were linked before (one link per conversation)' }),
  links: Type.Integer({ description: 'Links of the change now' }),
});

/** How a customer was told (the ledger row): the note, where it went, and which text it carried. */
export const Note = Type.Object({
  messageId: Uuid,
  conversationId: Uuid,
  language: Type.String({ description: 'The language the customer was addressed in' }),
  textSource: Type.Union([Type.Literal('lead'), Type.Literal('machine'), Type.Literal('original')], {
    description:
      "lead: the lead's text for the locale; machine: machine-translated; original: the source text (same language, or no translation)",
  }),
  textLanguage: Type.String(),
  flags: Type.Array(Type.String(), { description: 'Translation flags (unsupported_pair, unknown_words …)' }),
  announcedAt: Timestamp,
});

export const Link = Type.Object({
  id: Uuid,
  conversationId: Uuid,
  customer: Type.Object({ id: Uuid, name: Nullable(Type.String()) }),
  language: Nullable(Type.String({ description: "The conversation's language, else the customer's locale" })),
  responseId: Nullable(Uuid),
  linkedAt: Timestamp,
  announcedAt: Nullable(Timestamp),
  /** The customer's note about this change (sent on this or another of their linked conversations). */
  note: Nullable(Note),
});

export const LinkParams = Type.Object({ id: Uuid, linkId: Uuid }, { additionalProperties: false });

export const AnnounceResult = Type.Object({
  change: Change,
  sent: Type.Integer({ description: 'Customers told by this request' }),
  alreadyTold: Type.Integer({ description: 'Linked customers told before' }),
  fallbacks: Type.Integer({ description: 'Of those sent, notes carrying the untranslated source text' }),
  notes: Type.Array(Type.Object({ customerId: Uuid, ...Note.properties })),
});

export const ConversationChange = Type.Object({
  change: Type.Object({ id: Uuid, title: Type.String(), status: ChangeStatus }),
  linkId: Uuid,
  linkedAt: Timestamp,
  announcedAt: Nullable(Timestamp),
  note: Nullable(Note),
});
