import { Type, type Static } from '@sinclair/typebox';
import { Nullable, PageQuery, Text, Timestamp, Uuid } from '../http/schemas.js';
import { SEARCH_HORIZON_DAYS } from './business-time.js';
import { CalendarDefinition } from './calendar.schema.js';

/** HTTP shapes of /api/v1/calendars. The definition itself is calendar.schema.ts. */

/** Longest range one openings request may ask for: a quarter, so answers stay a few hundred rows. */
export const MAX_OPENINGS_DAYS = 92;
/** Business time no calendar can give within the search horizon: more is always `due: null`. */
export const MAX_ADD_MINUTES = SEARCH_HORIZON_DAYS * 1440;

export const Calendar = Type.Object({
  id: Uuid,
  name: Type.String(),
  definition: CalendarDefinition,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Calendar = Static<typeof Calendar>;

/** The calendar with whether it is open at an instant (GET /calendars/:id, `?at=`, default now). */
export const CalendarWithState = Type.Object({
  ...Calendar.properties,
  state: Type.Object({
    at: Timestamp,
    open: Type.Boolean(),
    nextOpen: Type.Union([Timestamp, Type.Null()], {
      description: `first open instant at or after \`at\` (\`at\` itself when open); null when closed for the next ${SEARCH_HORIZON_DAYS} days`,
    }),
  }),
});

export const CreateCalendarBody = Type.Object({ name: Text(120), definition: CalendarDefinition }, { additionalProperties: false });
export type CreateCalendarBody = Static<typeof CreateCalendarBody>;

export const UpdateCalendarBody = Type.Object(
  { name: Type.Optional(Text(120)), definition: Type.Optional(CalendarDefinition) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCalendarBody = Static<typeof UpdateCalendarBody>;

export const ListCalendarsQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type ListCalendarsQuery = Static<typeof ListCalendarsQuery>;

export const CalendarStateQuery = Type.Object({ at: Type.Optional(Timestamp) }, { additionalProperties: false });
export type CalendarStateQuery = Static<typeof CalendarStateQuery>;

export const AddBusinessTimeBody = Type.Object(
  {
    from: Timestamp,
    minutes: Type.Number({ minimum: 0, maximum: MAX_ADD_MINUTES, description: 'business minutes; fractions kept to the millisecond' }),
  },
  { additionalProperties: false },
);
export type AddBusinessTimeBody = Static<typeof AddBusinessTimeBody>;

export const AddBusinessTimeResult = Type.Object({
  due: Nullable(Timestamp),
});

export const OpeningsQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time', description: 'default: now' })),
    to: Type.Optional(
      Type.String({ format: 'date-time', description: `default: from + 7 days; at most ${MAX_OPENINGS_DAYS} days after from` }),
    ),
  },
  { additionalProperties: false },
);
export type OpeningsQuery = Static<typeof OpeningsQuery>;

export const Openings = Type.Object({
  openings: Type.Array(Type.Object({ start: Timestamp, end: Timestamp })),
});
