import { Type, type Static } from '@sinclair/typebox';
import { LanguageTag, Nullable, PageQuery, Text, TimeZone, Timestamp, Uuid } from '../http/schemas.js';

export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Phone = Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$', description: 'E.164' });
export const ExternalId = Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\s]+$', description: 'system:value, e.g. crm:0031x' });
export const CHANNELS = ['email', 'chat', 'whatsapp', 'telegram', 'sms', 'phone', 'api'] as const;
export const Channel = Type.Union(CHANNELS.map((c) => Type.Literal(c)));
export const Formality = Type.Union([Type.Literal('formal'), Type.Literal('informal')]);
export const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
export const AttributeValue = Type.Union([Type.String({ maxLength: 1000 }), Type.Number(), Type.Boolean(), Type.Null()]);
// additionalProperties: TypeBox puts the key pattern in patternProperties, which alone lets other keys through unchecked.
export const Attributes = Type.Record(Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' }), AttributeValue, {
  maxProperties: 50,
  additionalProperties: false,
});
export const ConsentEntry = Type.Object(
  { granted: Type.Boolean(), at: Timestamp, source: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);
export const Consent = Type.Record(Type.String({ pattern: '^[a-z0-9_.-]{1,64}$' }), ConsentEntry, {
  maxProperties: 20,
  additionalProperties: false,
});

export const Customer = Type.Object({
  id: Uuid,
  name: Nullable(Type.String()),
  emails: Type.Array(Type.String()),
  phones: Type.Array(Type.String()),
  externalIds: Type.Array(Type.String()),
  locale: Nullable(Type.String()),
  country: Nullable(Type.String()),
  timeZone: Nullable(Type.String()),
  preferredChannel: Nullable(Type.String()),
  formality: Nullable(Type.String()),
  tier: Nullable(Type.String()),
  attributes: Type.Record(Type.String(), AttributeValue),
  consent: Type.Record(Type.String(), Type.Object({ granted: Type.Boolean(), at: Type.String(), source: Type.Optional(Type.String()) })),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Customer = Static<typeof Customer>;

const customerFields = {
  name: Text(200),
  emails: Type.Array(Email, { maxItems: 20, uniqueItems: true }),
  phones: Type.Array(Phone, { maxItems: 20, uniqueItems: true }),
  externalIds: Type.Array(ExternalId, { maxItems: 20, uniqueItems: true }),
  locale: LanguageTag,
  country: Country,
  timeZone: TimeZone,
  preferredChannel: Channel,
  formality: Formality,
  tier: Type.String({ pattern: '^[a-z0-9_-]{1,32}$' }),
  attributes: Attributes,
  consent: Consent,
};

export const CreateCustomerBody = Type.Partial(Type.Object(customerFields, { additionalProperties: false }));
export type CreateCustomerBody = Static<typeof CreateCustomerBody>;

/** PATCH: absent = unchanged, null = clear (for scalar fields). Arrays replace. */
export const UpdateCustomerBody = Type.Object(
  {
    name: Type.Optional(Nullable(customerFields.name)),
    emails: Type.Optional(customerFields.emails),
    phones: Type.Optional(customerFields.phones),
    externalIds: Type.Optional(customerFields.externalIds),
    locale: Type.Optional(Nullable(customerFields.locale)),
    country: Type.Optional(Nullable(customerFields.country)),
    timeZone: Type.Optional(Nullable(customerFields.timeZone)),
    preferredChannel: Type.Optional(Nullable(customerFields.preferredChannel)),
    formality: Type.Optional(Nullable(customerFields.formality)),
    tier: Type.Optional(Nullable(customerFields.tier)),
    attributes: Type.Optional(customerFields.attributes),
    consent: Type.Optional(customerFields.consent),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCustomerBody = Static<typeof UpdateCustomerBody>;

export const ListCustomersQuery = Type.Object(
  {
    ...PageQuery,
    email: Type.Optional(Type.String({ maxLength: 254 })),
    phone: Type.Optional(Type.String({ maxLength: 20 })),
    externalId: Type.Optional(Type.String({ maxLength: 200 })),
    country: Type.Optional(Country),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'name contains (case-insensitive)' })),
  },
  { additionalProperties: false },
);
export type ListCustomersQuery = Static<typeof ListCustomersQuery>;
