import { useT } from '../../i18n/use-t';
import { DocumentSection, type DocumentConfig } from '../document-section';
import { jsonText, parseJson } from '../forms';
import type { Lookups } from '../lookups';

interface Routing {
  rules: { id: string; name: string; when: Record<string, string[]>; teamId: string }[];
  chains: { id: string; name: string; teamIds: string[] }[];
  teams: { teamId: string; mode: string; bar: string; fallbacks: unknown[]; customized: boolean }[];
}

/** Routing rules (first match names the team), follow-the-sun chains, per-team assignment: one document. */
export function RoutingSection({ lookups }: { lookups: Lookups }) {
  const t = useT();
  const config: DocumentConfig<Routing> = {
    title: 'settings.routing.title',
    intro: 'settings.routing.intro',
    path: '/api/v1/routing',
    method: 'put',
    fields: [
      { name: 'rules', label: 'settings.field.rules', kind: 'json', hint: 'settings.hint.rules' },
      { name: 'chains', label: 'settings.field.chains', kind: 'json', hint: 'settings.hint.chains' },
      { name: 'teams', label: 'settings.field.teamRouting', kind: 'json', hint: 'settings.hint.teamRouting' },
    ],
    toForm: (r) => ({
      rules: jsonText(r.rules),
      chains: jsonText(r.chains),
      // Only teams with settings of their own; the others keep the defaults.
      teams: jsonText(r.teams.filter((x) => x.customized).map(({ customized: _c, ...rest }) => rest)),
    }),
    toBody: (v) => ({
      rules: parseJson('rules', v.rules) ?? [],
      chains: parseJson('chains', v.chains) ?? [],
      teams: parseJson('teams', v.teams) ?? [],
    }),
    extra: (r) => (
      <div className="summary">
        <h3>{t('settings.routing.summary')}</h3>
        <ol aria-label={t('settings.field.rules')}>
          {r.rules.map((rule) => (
            <li key={rule.id}>
              {rule.name}:{' '}
              {Object.entries(rule.when)
                .map(([k, v]) => `${k} ${v.join('/')}`)
                .join(', ') || '*'}{' '}
              → {lookups.nameOf(rule.teamId)}
            </li>
          ))}
        </ol>
        <ul aria-label={t('settings.field.chains')}>
          {r.chains.map((c) => (
            <li key={c.id}>
              {c.name}: {c.teamIds.map(lookups.nameOf).join(' → ')}
            </li>
          ))}
        </ul>
        <p className="muted">{t('settings.routing.teamIds', { teams: lookups.teams.map((x) => `${x.label} = ${x.value}`).join('; ') })}</p>
      </div>
    ),
  };
  return <DocumentSection config={config} />;
}
