import { ResourceSection, type ResourceConfig } from '../resource-section';
import { arr, optText, splitList, str } from '../forms';
import type { Lookups } from '../lookups';

interface Team {
  id: string;
  name: string;
  timeZone: string;
  languages: string[];
  memberIds: string[];
  calendarId: string | null;
}

export function TeamsSection({ lookups, none }: { lookups: Lookups; none: string }) {
  const config: ResourceConfig<Team> = {
    title: 'settings.teams.title',
    path: '/api/v1/teams',
    listPath: '/api/v1/teams?limit=100',
    itemPath: (t) => `/api/v1/teams/${t.id}`,
    name: (t) => t.name,
    columns: [
      { label: 'settings.field.name', value: (t) => t.name },
      { label: 'settings.field.languages', value: (t) => t.languages.join(', ') },
      { label: 'settings.field.timeZone', value: (t) => t.timeZone },
      { label: 'settings.field.members', value: (t) => t.memberIds.map(lookups.nameOf).join(', ') },
      { label: 'settings.field.calendar', value: (t) => lookups.nameOf(t.calendarId) },
    ],
    fields: [
      { name: 'name', label: 'settings.field.name', kind: 'text', required: true },
      { name: 'timeZone', label: 'settings.field.timeZone', kind: 'text', required: true, hint: 'settings.hint.timeZone' },
      { name: 'languages', label: 'settings.field.languages', kind: 'list', hint: 'settings.hint.languages' },
      { name: 'memberIds', label: 'settings.field.members', kind: 'multi', options: lookups.agents },
      {
        name: 'calendarId',
        label: 'settings.field.calendar',
        kind: 'select',
        options: [{ value: '', label: none }, ...lookups.calendars],
      },
    ],
    empty: { name: '', timeZone: 'UTC', languages: '', memberIds: [], calendarId: '' },
    toForm: (t) => ({
      name: t.name,
      timeZone: t.timeZone,
      languages: t.languages.join(', '),
      memberIds: t.memberIds,
      calendarId: t.calendarId ?? '',
    }),
    toBody: (v) => ({
      name: str(v.name).trim(),
      timeZone: str(v.timeZone).trim(),
      languages: splitList(v.languages),
      memberIds: arr(v.memberIds),
      calendarId: optText(v.calendarId) ?? null,
    }),
  };
  return <ResourceSection config={config} />;
}
