import { useMemo } from 'react';
import type { Option } from './forms';
import { listData, useLoad } from './use-load';

export interface Named {
  id: string;
  name: string;
}

export interface Lookups {
  agents: Option[];
  teams: Option[];
  calendars: Option[];
  nameOf(id: string | null | undefined): string;
}

const options = (rows: Named[]): Option[] =>
  rows.map((r) => ({ value: r.id, label: r.name })).sort((a, b) => a.label.localeCompare(b.label));

/** Agents, teams and calendars by id, for pickers and for showing names instead of ids in lists. */
export function useLookups(): Lookups {
  const [agents] = useLoad<{ data: Named[] }>('/api/v1/agents?limit=100');
  const [teams] = useLoad<{ data: Named[] }>('/api/v1/teams?limit=100');
  const [calendars] = useLoad<{ data: Named[] }>('/api/v1/calendars?limit=100');
  return useMemo(() => {
    const all = [...listData(agents), ...listData(teams), ...listData(calendars)];
    const names = new Map(all.map((r) => [r.id, r.name]));
    return {
      agents: options(listData(agents)),
      teams: options(listData(teams)),
      calendars: options(listData(calendars)),
      nameOf: (id) => (id ? (names.get(id) ?? id) : '—'),
    };
  }, [agents, teams, calendars]);
}
