import { Type, type ObjectOptions, type Static, type TProperties } from '@sinclair/typebox';
import { Phone } from '../customers/customers.schema.js';
import { Nullable, Timestamp, Uuid } from '../http/schemas.js';

const Name = Type.String({ minLength: 1, maxLength: 200 });
/** A secret as pasted from a provider console: one line, no spaces. */
const Secret = (max: number, pattern = '^\\S+$') => Type.String({ minLength: 1, maxLength: max, pattern });
const Digits = Type.String({ pattern: '^[0-9]{1,30}$' });

const WhatsAppSettings = {
  phoneNumberId: Type.String({ pattern: '^[0-9]{1,30}$', description: 'The Phone number ID from the WhatsApp Manager / App Dashboard' }),
  businessAccountId: Nullable(Digits),
  displayPhoneNumber: Nullable({ ...Phone, description: 'Our number, E.164 with +' }),
  graphApiVersion: Type.String({ pattern: '^v[0-9]{1,3}\\.[0-9]{1,2}$', description: 'Graph API version for sending, e.g. v21.0' }),
};
const WhatsAppSecrets = {
  appSecret: Secret(200),
  accessToken: Secret(2000),
  verifyToken: Secret(200),
};
const TelegramSettings = {
  botUsername: Nullable(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{3,31}$', description: 'Without the @' })),
};
const TelegramSecrets = {
  botToken: Secret(200, '^[0-9]{1,20}:[A-Za-z0-9_-]{20,120}$'),
  // The secret_token Telegram sends back: 1–256 of A-Z a-z 0-9 _ - (Bot API setWebhook).
  secretToken: Secret(256, '^[A-Za-z0-9_-]{1,256}$'),
};
const SmsSettings = {
  accountSid: Type.String({ pattern: '^AC[0-9a-fA-F]{32}$' }),
  fromNumber: Nullable(Phone),
  messagingServiceSid: Nullable(Type.String({ pattern: '^MG[0-9a-fA-F]{32}$' })),
};
const SmsSecrets = {
  authToken: Secret(100, '^[A-Za-z0-9]{16,100}$'),
};

const O = Type.Optional;
const strict = <T extends TProperties>(p: T, opts: ObjectOptions = {}) => Type.Object(p, { additionalProperties: false, ...opts });
/** The same properties, each optional (what a PATCH may change). */
const partial = <T extends TProperties>(p: T) => strict(Type.Partial(Type.Object(p)).properties, { minProperties: 1 });

/** What an admin sends to add an account: the kind decides which settings and secrets. */
export const CreateChannelBody = Type.Union([
  strict({
    kind: Type.Literal('whatsapp'),
    name: Name,
    enabled: O(Type.Boolean()),
    settings: strict({
      phoneNumberId: WhatsAppSettings.phoneNumberId,
      businessAccountId: O(WhatsAppSettings.businessAccountId),
      displayPhoneNumber: O(WhatsAppSettings.displayPhoneNumber),
      graphApiVersion: O(WhatsAppSettings.graphApiVersion),
    }),
    secrets: strict(WhatsAppSecrets),
  }),
  strict({
    kind: Type.Literal('telegram'),
    name: Name,
    enabled: O(Type.Boolean()),
    settings: O(strict({ botUsername: O(TelegramSettings.botUsername) })),
    secrets: strict(TelegramSecrets),
  }),
  strict({
    kind: Type.Literal('sms'),
    name: Name,
    enabled: O(Type.Boolean()),
    settings: strict({
      accountSid: SmsSettings.accountSid,
      fromNumber: O(SmsSettings.fromNumber),
      messagingServiceSid: O(SmsSettings.messagingServiceSid),
    }),
    secrets: strict(SmsSecrets),
  }),
]);
export type CreateChannelBody = Static<typeof CreateChannelBody>;

/** A change: settings and secrets of the account's own kind; a secret left out is kept. */
export const UpdateChannelBody = strict(
  {
    name: O(Name),
    enabled: O(Type.Boolean()),
    settings: O(Type.Union([partial(WhatsAppSettings), partial(TelegramSettings), partial(SmsSettings)])),
    secrets: O(Type.Union([partial(WhatsAppSecrets), partial(TelegramSecrets), partial(SmsSecrets)])),
  },
  { minProperties: 1 },
);
export type UpdateChannelBody = Static<typeof UpdateChannelBody>;

/** An account as the API shows it: never a secret, only which are set. */
export const ChannelAccount = Type.Object({
  id: Uuid,
  kind: Type.Union([Type.Literal('whatsapp'), Type.Literal('telegram'), Type.Literal('sms')]),
  name: Type.String(),
  enabled: Type.Boolean(),
  settings: Type.Union([
    Type.Object(WhatsAppSettings, { additionalProperties: false }),
    Type.Object(TelegramSettings, { additionalProperties: false }),
    Type.Object(SmsSettings, { additionalProperties: false }),
  ]),
  secretsSet: Type.Array(Type.String(), { description: 'Names of the secrets stored (sealed; never returned)' }),
  webhookPath: Type.String({ description: 'The path the provider must call, under this server’s public URL' }),
  webhookUrl: Nullable(Type.String({ description: 'The full webhook URL, when the server knows its public URL (MERIDIAN_PUBLIC_URL)' })),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ChannelAccountList = Type.Object({ data: Type.Array(ChannelAccount) });

/** A webhook path's id: what newWebhookId makes (refused before any lookup when it cannot be one). */
export const WebhookParams = Type.Object(
  { webhookId: Type.String({ pattern: '^[A-Za-z0-9_-]{22,64}$' }) },
  { additionalProperties: false },
);
export type WebhookParams = Static<typeof WebhookParams>;
