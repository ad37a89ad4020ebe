import { Type, type Static } from '@sinclair/typebox';
import { Email } from '../customers/customers.schema.js';
import { LanguageTag, Nullable, Text, TimeZone, Timestamp, Uuid } from '../http/schemas.js';

export const WidgetKey = Type.String({ pattern: '^wk_[A-Za-z0-9_-]{22}$', description: 'The workspace widget key from the embed snippet' });
export const VisitorToken = Type.String({ pattern: '^wv_[A-Za-z0-9_-]{43}$' });
/** A client-made message id (the widget uses crypto.randomUUID): any short opaque token. */
export const ClientId = Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$' });
export const Origin = Type.String({ pattern: '^https?://[^/\\s]+$', maxLength: 255, description: 'scheme://host[:port]' });
const LocalizedText = (max: number) =>
  Type.Record(Type.String({ pattern: LanguageTag.pattern, maxLength: 35 }), Type.String({ minLength: 1, maxLength: max }), {
    maxProperties: 60,
    additionalProperties: false,
  });

export const PreChatField = Type.Object(
  {
    name: Type.String({
      pattern: '^[a-z][a-z0-9_]{0,31}$',
      description: 'name, email and phone are known to the widget; others are custom',
    }),
    required: Type.Boolean(),
    label: Type.Optional(LocalizedText(100)),
  },
  { additionalProperties: false },
);

export const WidgetSettingsBody = Type.Object(
  {
    enabled: Type.Boolean(),
    identityRequired: Type.Optional(Type.Boolean({ description: 'Only visitors the site vouched for (identify) may chat' })),
    allowedOrigins: Type.Optional(
      Type.Array(Origin, { maxItems: 50, description: 'Pages allowed to run the widget; empty: any page (the key is public anyway)' }),
    ),
    teamId: Type.Optional(Nullable(Uuid)),
    preChatFields: Type.Optional(Type.Array(PreChatField, { maxItems: 10 })),
    greeting: Type.Optional(LocalizedText(500)),
  },
  { additionalProperties: false },
);
export type WidgetSettingsBody = Static<typeof WidgetSettingsBody>;

export const WidgetSettingsView = Type.Object({
  enabled: Type.Boolean(),
  publicKey: Type.String(),
  /** The identity secret: for the site's server, to compute visitor hashes. Admins only. */
  identitySecret: Type.String(),
  identityRequired: Type.Boolean(),
  allowedOrigins: Type.Array(Type.String()),
  teamId: Nullable(Uuid),
  preChatFields: Type.Array(PreChatField),
  greeting: Type.Record(Type.String(), Type.String()),
  snippet: Type.String({ description: 'The script tag to paste into a page' }),
  updatedAt: Timestamp,
});

export const RotateBody = Type.Object({ what: Type.Union([Type.Literal('secret'), Type.Literal('key')]) }, { additionalProperties: false });
export type RotateBody = Static<typeof RotateBody>;

// ---- public (widget) bodies: mirror server/src/widget/protocol.ts --------------------------------

export const ConfigQuery = Type.Object({ key: WidgetKey }, { additionalProperties: false });
export type ConfigQuery = Static<typeof ConfigQuery>;

export const TypingBody = Type.Object({ on: Type.Boolean() }, { additionalProperties: false });
export type TypingBody = Static<typeof TypingBody>;

export const SessionBody = Type.Object(
  {
    key: WidgetKey,
    visitorToken: Type.Optional(Type.String({ maxLength: 100 })),
    locale: Type.Optional(LanguageTag),
    timeZone: Type.Optional(TimeZone),
    pageUrl: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type SessionBody = Static<typeof SessionBody>;

export const SessionView = Type.Object({
  visitorToken: Type.String(),
  visitorId: Uuid,
  verified: Type.Boolean(),
  conversationId: Nullable(Uuid),
});

export const IdentifyBody = Type.Object(
  {
    key: WidgetKey,
    visitorToken: Type.String({ maxLength: 100 }),
    id: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\s]+$' }),
    email: Type.Optional(Email),
    name: Type.Optional(Text(200)),
    hash: Type.Optional(Type.String({ maxLength: 128 })),
    jwt: Type.Optional(Type.String({ maxLength: 4096 })),
  },
  { additionalProperties: false },
);
export type IdentifyBody = Static<typeof IdentifyBody>;

export const IdentifyView = Type.Object({
  verified: Type.Literal(true),
  customerId: Uuid,
  visitorToken: Type.Optional(Type.String({ description: 'A new token when the browser was vouched for as someone else before' })),
});

export const OfflineBody = Type.Object(
  {
    key: WidgetKey,
    visitorToken: Type.String({ maxLength: 100 }),
    email: Email,
    name: Type.Optional(Text(200)),
    text: Text(5000),
    clientId: ClientId,
  },
  { additionalProperties: false },
);
export type OfflineBody = Static<typeof OfflineBody>;

export const OfflineView = Type.Object({ conversationId: Uuid, messageId: Uuid });

export const WidgetConfigView = Type.Object({
  workspaceName: Type.String(),
  open: Type.Boolean(),
  nextOpenAt: Nullable(Timestamp),
  expectedReplyAt: Nullable(Timestamp),
  teamTimeZone: Nullable(Type.String()),
  hoursToday: Type.Array(Type.Object({ start: Timestamp, end: Timestamp })),
  preChatFields: Type.Array(PreChatField),
  identityRequired: Type.Boolean(),
  maxMessageLength: Type.Integer(),
  maxAttachmentBytes: Type.Integer(),
  greeting: Type.Optional(Type.Record(Type.String(), Type.String())),
});
