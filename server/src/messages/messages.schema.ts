import { Type, type Static } from '@sinclair/typebox';
import { LanguageTag, Nullable, Timestamp, Uuid } from '../http/schemas.js';

export const Direction = Type.Union([Type.Literal('inbound'), Type.Literal('outbound'), Type.Literal('note')]);

export const Attachment = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 255 }),
    contentType: Type.String({ pattern: '^[\\w.+-]+/[\\w.+-]+$', maxLength: 127 }),
    size: Type.Integer({ minimum: 0, maximum: 100 * 1024 * 1024 }),
    url: Type.Optional(Type.String({ format: 'uri', maxLength: 2000 })),
  },
  { additionalProperties: false },
);

/** Free-form per-channel facts (email Message-ID, WhatsApp wamid…): small, flat, string-valued. */
export const ChannelMeta = Type.Record(Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' }), Type.String({ maxLength: 2000 }), {
  maxProperties: 30,
  // Without this, keys outside the pattern pass with any value (TypeBox emits only patternProperties).
  additionalProperties: false,
});

export const CreateMessageBody = Type.Object(
  {
    direction: Type.Optional(Direction),
    text: Type.Optional(Type.String({ maxLength: 100_000 })),
    html: Type.Optional(Type.String({ maxLength: 500_000 })),
    language: Type.Optional(LanguageTag),
    attachments: Type.Optional(Type.Array(Attachment, { maxItems: 20 })),
    channelMeta: Type.Optional(ChannelMeta),
    mentions: Type.Optional(
      Type.Array(Uuid, {
        maxItems: 50,
        description: 'Notes only: agents to mention; each is told (event note.mentioned) and sees it under GET /mentions',
      }),
    ),
    translateTo: Type.Optional(
      Type.String({
        pattern: LanguageTag.pattern,
        maxLength: 35,
        description:
          'Outbound only, with `language`: deliver the reply machine-translated into this language (the customer’s). ' +
          'Critical content waits for approval by an agent fluent in it.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateMessageBody = Static<typeof CreateMessageBody>;

export const Message = Type.Object({
  id: Uuid,
  conversationId: Uuid,
  direction: Direction,
  authorType: Type.String(),
  authorId: Nullable(Uuid),
  text: Type.String(),
  html: Nullable(Type.String()),
  language: Nullable(Type.String()),
  attachments: Type.Array(
    Type.Object({ name: Type.String(), contentType: Type.String(), size: Type.Integer(), url: Type.Optional(Type.String()) }),
  ),
  channelMeta: Type.Record(Type.String(), Type.String()),
  createdAt: Timestamp,
  /** Machine translations for readers of other languages (filled in the background). */
  translations: Type.Optional(
    Type.Array(
      Type.Object({
        language: Type.String(),
        sourceLanguage: Type.String(),
        status: Type.Union([Type.Literal('translated'), Type.Literal('untranslated')]),
        text: Nullable(Type.String()),
        provider: Nullable(Type.String()),
        flags: Type.Array(Type.String()),
        attempts: Type.Integer(),
        updatedAt: Timestamp,
        backText: Type.Optional(Nullable(Type.String())),
        delivered: Type.Optional(Type.Boolean()),
        /** Goes out under the delivered translation when the workspace discloses machine translation. */
        notice: Type.Optional(Nullable(Type.String())),
      }),
    ),
  ),
  /** Outbound machine-translated replies held for a fluent agent's approval. */
  review: Type.Optional(
    Nullable(
      Type.Object({
        status: Type.Union([Type.Literal('awaiting_review'), Type.Literal('approved')]),
        language: Type.String(),
        reasons: Type.Array(
          Type.Object({
            category: Type.String(),
            term: Type.Optional(Type.String()),
            language: Type.Optional(Type.String()),
            /** For `translation_failed`: what the engine did (provider_unavailable, unsupported_pair, …). */
            flags: Type.Optional(Type.Array(Type.String())),
          }),
        ),
        reviewedBy: Nullable(Type.String()),
        reviewedAt: Nullable(Timestamp),
      }),
    ),
  ),
});
export type Message = Static<typeof Message>;

export const EditTranslationBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 20_000, pattern: '\\S' }) },
  { additionalProperties: false },
);
export type EditTranslationBody = Static<typeof EditTranslationBody>;

export const ListMessagesQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
  },
  { additionalProperties: false },
);
export type ListMessagesQuery = Static<typeof ListMessagesQuery>;
