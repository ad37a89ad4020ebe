import { useT } from '../../i18n/use-t';
import { FieldInputError, optNumber, optText, str, type FormValue } from '../forms';
import { ResourceSection, type ResourceConfig } from '../resource-section';

interface AgentLanguage {
  tag: string;
  proficiency: string;
}
interface Agent {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'lead' | 'agent';
  timeZone: string;
  languages: AgentLanguage[];
  capacity: number;
}

/** "de:native, en:fluent" ↔ [{ tag, proficiency }]; a tag alone is fluent. */
export function parseAgentLanguages(v: FormValue | undefined): AgentLanguage[] {
  return str(v)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [tag, proficiency = 'fluent', extra] = s.split(':').map((x) => x.trim());
      if (!tag || extra !== undefined) throw new FieldInputError('languages', s);
      return { tag, proficiency };
    });
}
const formatLanguages = (ls: AgentLanguage[]) => ls.map((l) => `${l.tag}:${l.proficiency}`).join(', ');

/** Agents: admins add them and change roles; leads see the list and edit languages, zone and capacity. */
export function AgentsSection({ admin }: { admin: boolean }) {
  const t = useT();
  const roles = (['agent', 'lead', 'admin'] as const).map((r) => ({ value: r, label: t(`role.${r}`) }));
  const config: ResourceConfig<Agent> = {
    title: 'settings.agents.title',
    path: '/api/v1/agents',
    canCreate: admin,
    listPath: '/api/v1/agents?limit=100',
    itemPath: (a) => `/api/v1/agents/${a.id}`,
    name: (a) => a.name,
    columns: [
      { label: 'settings.field.name', value: (a) => a.name },
      { label: 'settings.field.email', value: (a) => a.email },
      { label: 'settings.field.role', value: (a) => t(`role.${a.role}`) },
      { label: 'settings.field.languages', value: (a) => formatLanguages(a.languages) },
      { label: 'settings.field.timeZone', value: (a) => a.timeZone },
    ],
    fields: [
      { name: 'email', label: 'settings.field.email', kind: 'email', required: true, createOnly: true },
      { name: 'name', label: 'settings.field.name', kind: 'text', required: true },
      { name: 'role', label: 'settings.field.role', kind: 'select', options: roles },
      { name: 'password', label: 'settings.field.password', kind: 'password', createOnly: true, hint: 'settings.hint.password' },
      { name: 'timeZone', label: 'settings.field.timeZone', kind: 'text', hint: 'settings.hint.timeZone' },
      { name: 'languages', label: 'settings.field.languages', kind: 'list', hint: 'settings.hint.agentLanguages' },
      { name: 'capacity', label: 'settings.field.capacity', kind: 'number' },
    ],
    empty: { email: '', name: '', role: 'agent', password: '', timeZone: 'UTC', languages: '', capacity: '' },
    toForm: (a) => ({
      name: a.name,
      role: a.role,
      timeZone: a.timeZone,
      languages: formatLanguages(a.languages),
      capacity: String(a.capacity),
    }),
    toBody: (v, original) => ({
      ...(original ? {} : { email: str(v.email).trim(), password: optText(v.password) }),
      name: str(v.name).trim(),
      role: str(v.role),
      timeZone: optText(v.timeZone),
      languages: parseAgentLanguages(v.languages),
      capacity: optNumber(v.capacity),
    }),
  };
  return <ResourceSection config={config} />;
}
