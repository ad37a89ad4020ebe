import { useT } from '../../i18n/use-t';
import { bool, optNumber, splitList, str, type FormValues } from '../forms';
import { ResourceSection, type ResourceConfig } from '../resource-section';

type Metric = 'firstReply' | 'nextReply' | 'resolution';
const METRICS: Metric[] = ['firstReply', 'nextReply', 'resolution'];
const CONDITIONS = ['languages', 'countries', 'channels', 'priorities'] as const;

interface Policy {
  id: string;
  name: string;
  position: number;
  default: boolean;
  when: Record<string, string[] | undefined>;
  targets: Partial<Record<Metric, { minutes: number; time?: 'business' | 'calendar' }>>;
}

const describeWhen = (w: Policy['when']) =>
  Object.entries(w)
    .filter(([, v]) => v?.length)
    .map(([k, v]) => `${k}: ${v!.join(', ')}`)
    .join('; ') || '—';

/** SLA policies: conditions (comma lists, all must hold) → targets in minutes of business time. */
export function SlaSection() {
  const t = useT();
  const describeTargets = (p: Policy) =>
    METRICS.filter((m) => p.targets[m])
      .map((m) => t('settings.sla.target', { metric: t(`settings.field.${m}`), minutes: p.targets[m]!.minutes }))
      .join(', ');
  const config: ResourceConfig<Policy> = {
    title: 'settings.sla.title',
    intro: 'settings.sla.intro',
    path: '/api/v1/sla/policies',
    itemPath: (p) => `/api/v1/sla/policies/${p.id}`,
    name: (p) => p.name,
    columns: [
      { label: 'settings.field.position', value: (p) => p.position },
      { label: 'settings.field.name', value: (p) => (p.default ? `${p.name} ★` : p.name) },
      { label: 'settings.field.conditions', value: (p) => describeWhen(p.when) },
      { label: 'settings.field.targets', value: describeTargets },
    ],
    fields: [
      { name: 'name', label: 'settings.field.name', kind: 'text', required: true },
      { name: 'position', label: 'settings.field.position', kind: 'number' },
      { name: 'default', label: 'settings.field.defaultPolicy', kind: 'checkbox' },
      { name: 'languages', label: 'settings.field.languages', kind: 'list', hint: 'settings.hint.languages', paths: ['when/languages'] },
      { name: 'countries', label: 'settings.field.countries', kind: 'list', hint: 'settings.hint.countries', paths: ['when/countries'] },
      { name: 'channels', label: 'settings.field.channels', kind: 'list', hint: 'settings.hint.channels', paths: ['when/channels'] },
      {
        name: 'priorities',
        label: 'settings.field.priorities',
        kind: 'list',
        hint: 'settings.hint.priorities',
        paths: ['when/priorities', 'when'],
      },
      ...METRICS.map((m) => ({
        name: m,
        label: `settings.field.${m}` as const,
        kind: 'number' as const,
        hint: 'settings.hint.minutes' as const,
        paths: [`targets/${m}`, ...(m === 'firstReply' ? ['targets'] : [])],
      })),
    ],
    empty: {
      name: '',
      position: '',
      default: false,
      languages: '',
      countries: '',
      channels: '',
      priorities: '',
      firstReply: '60',
      nextReply: '',
      resolution: '',
    },
    toForm: (p) => {
      const v: FormValues = { name: p.name, position: String(p.position), default: p.default };
      for (const c of CONDITIONS) v[c] = (p.when[c] ?? []).join(', ');
      for (const m of METRICS) v[m] = p.targets[m] ? String(p.targets[m].minutes) : '';
      return v;
    },
    toBody: (v, original) => {
      const when: Policy['when'] = { ...original?.when };
      for (const c of CONDITIONS) {
        const list = splitList(v[c]);
        if (c === 'countries') when[c] = list.length ? list.map((s) => s.toUpperCase()) : undefined;
        else when[c] = list.length ? list : undefined;
      }
      const targets: Policy['targets'] = {};
      for (const m of METRICS) {
        const minutes = optNumber(v[m]);
        if (minutes !== undefined) targets[m] = { ...original?.targets[m], minutes };
      }
      const isDefault = bool(v.default);
      return {
        name: str(v.name).trim(),
        ...(optNumber(v.position) !== undefined ? { position: optNumber(v.position) } : {}),
        ...(isDefault || original ? { default: isDefault } : {}),
        // A default policy has no conditions.
        ...(isDefault ? {} : { when }),
        targets,
      };
    },
  };
  return <ResourceSection config={config} />;
}
