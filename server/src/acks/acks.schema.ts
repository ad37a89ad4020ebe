import { Type, type Static } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../http/schemas.js';

const WindowMinutes = Type.Integer({
  minimum: 0,
  maximum: 10080,
  description: 'At most one acknowledgement per sender within this many minutes (0: no limit; at most a week)',
});

export const AckSettingsBody = Type.Object(
  {
    enabled: Type.Boolean({ description: 'Acknowledge new customer conversations automatically' }),
    windowMinutes: WindowMinutes,
  },
  { additionalProperties: false },
);
export type AckSettingsBody = Static<typeof AckSettingsBody>;

export const AckSettingsView = Type.Object({
  enabled: Type.Boolean(),
  windowMinutes: Type.Integer(),
  updatedAt: Nullable(Timestamp),
});
