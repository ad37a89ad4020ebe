import { Type, type Static } from '@sinclair/typebox';
import { LanguageTag, Nullable, PageQuery, Text, TimeZone, Timestamp, Uuid } from '../http/schemas.js';

export const Proficiency = Type.Union([Type.Literal('native'), Type.Literal('fluent'), Type.Literal('working'), Type.Literal('basic')]);
export const AgentLanguage = Type.Object({ tag: LanguageTag, proficiency: Proficiency }, { additionalProperties: false });
export const RoleSchema = Type.Union([Type.Literal('admin'), Type.Literal('lead'), Type.Literal('agent')]);
export const AgentStatus = Type.Union([Type.Literal('online'), Type.Literal('away'), Type.Literal('offline')]);

export const Agent = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  timeZone: Type.String(),
  languages: Type.Array(AgentLanguage),
  capacity: Type.Integer(),
  status: AgentStatus,
  uiLocale: Nullable(Type.String({ description: 'The console language the agent chose (null: their browser’s)' })),
  teamIds: Type.Array(Uuid),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Agent = Static<typeof Agent>;

export const CreateAgentBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    name: Text(200),
    role: Type.Optional(RoleSchema),
    password: Type.Optional(Type.String({ minLength: 10, maxLength: 200 })),
    timeZone: Type.Optional(TimeZone),
    languages: Type.Optional(Type.Array(AgentLanguage, { maxItems: 30 })),
    capacity: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    status: Type.Optional(AgentStatus),
  },
  { additionalProperties: false },
);
export type CreateAgentBody = Static<typeof CreateAgentBody>;

export const UpdateAgentBody = Type.Object(
  {
    name: Type.Optional(Text(200)),
    role: Type.Optional(RoleSchema),
    timeZone: Type.Optional(TimeZone),
    languages: Type.Optional(Type.Array(AgentLanguage, { maxItems: 30 })),
    capacity: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    status: Type.Optional(AgentStatus),
    uiLocale: Type.Optional(Nullable(LanguageTag)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAgentBody = Static<typeof UpdateAgentBody>;

export const ListAgentsQuery = Type.Object(
  { ...PageQuery, teamId: Type.Optional(Uuid), language: Type.Optional(LanguageTag), role: Type.Optional(RoleSchema) },
  { additionalProperties: false },
);
export type ListAgentsQuery = Static<typeof ListAgentsQuery>;
