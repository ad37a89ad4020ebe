import { useT } from '../../i18n/use-t';
import { issuesAt, rows, type CustomFieldProps, type Option } from '../forms';
import { Issues, RowActions, SelectInput, TextInput } from './controls';
import { fieldLevel, unplaced } from './issues';
import type { ChainRow } from './routing-form';
import { newKey, replaceAt } from './rows';

/** Follow-the-sun chains: each an ordered list of teams, in hand-over order. */
export function RoutingChainsEditor({ value, onChange, issues, teams }: CustomFieldProps & { teams: Option[] }) {
  const t = useT();
  const list = rows<ChainRow>(value);
  const set = (i: number, patch: Partial<ChainRow>) => onChange(replaceAt(list, i, { ...list[i]!, ...patch }));
  const nameOf = (id: string) => teams.find((o) => o.value === id)?.label ?? id;
  const teamOptions = [{ value: '', label: t('settings.routing.chooseTeam') }, ...teams];
  return (
    <fieldset className="editor">
      <legend>{t('settings.field.chains')}</legend>
      <p className="hint">{t('settings.hint.chains')}</p>
      <Issues errors={fieldLevel(issues, list.length)} />
      <ol className="editor-rows">
        {list.map((c, i) => {
          const title = c.name.trim() || t('settings.routing.newChain');
          const setTeams = (teamIds: string[]) => set(i, { teamIds });
          return (
            <li key={c.key}>
              <fieldset className="editor-row">
                <legend>{t('settings.routing.chainLegend', { position: i + 1, name: title })}</legend>
                <Issues errors={unplaced(issues, String(i), ['name', ...c.teamIds.map((_, k) => `teamIds/${k}`)])} />
                <TextInput
                  label={t('settings.field.name')}
                  value={c.name}
                  onChange={(name) => set(i, { name })}
                  errors={issuesAt(issues, `${i}/name`)}
                />
                <ol className="editor-steps">
                  {c.teamIds.map((id, k) => {
                    const stepName = id ? nameOf(id) : t('settings.routing.chainStep', { position: k + 1 });
                    return (
                      // Position keys: the same team may be picked twice while editing (the server says so).
                      <li key={k} className="editor-step">
                        <SelectInput
                          label={t('settings.routing.chainStep', { position: k + 1 })}
                          value={id}
                          options={teamOptions}
                          onChange={(v) => setTeams(replaceAt(c.teamIds, k, v))}
                          errors={issuesAt(issues, `${i}/teamIds/${k}`)}
                        />
                        <RowActions name={stepName} list={c.teamIds} index={k} onChange={setTeams} />
                      </li>
                    );
                  })}
                </ol>
                <RowActions name={title} list={list} index={i} onChange={onChange}>
                  <button type="button" className="secondary" onClick={() => setTeams([...c.teamIds, ''])}>
                    {t('settings.routing.addChainTeam', { name: title })}
                  </button>
                </RowActions>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="secondary" onClick={() => onChange([...list, { key: newKey(), name: '', teamIds: ['', ''] }])}>
        {t('settings.routing.addChain')}
      </button>
    </fieldset>
  );
}
