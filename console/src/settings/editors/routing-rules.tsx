import { useT } from '../../i18n/use-t';
import { issuesAt, rows, splitList, type CustomFieldProps, type FieldIssue, type Option } from '../forms';
import { CheckGroup, Issues, RowActions, SelectInput, TextInput } from './controls';
import { fieldLevel, unplaced } from './issues';
import { CHANNELS, emptyRule, PRIORITIES, TEXT_CONDITIONS, type RuleRow } from './routing-form';
import { replaceAt } from './rows';

const CONDITION_LABEL = {
  languages: 'settings.field.languages',
  countries: 'settings.field.countries',
  regions: 'settings.field.regions',
  tiers: 'settings.field.tiers',
  tags: 'settings.field.tags',
} as const;
const CONDITION_HINT = {
  languages: 'settings.hint.ruleLanguages',
  countries: 'settings.hint.countries',
  regions: 'settings.hint.regions',
  tiers: 'settings.hint.tiers',
  tags: 'settings.hint.tags',
} as const;

/** A comma list's errors name the value typed ('português!: must match pattern'), not its index. */
const listIssues = (issues: readonly FieldIssue[], prefix: string, values: string[]): string[] =>
  issues
    .filter((x) => x.path === prefix || x.path.startsWith(`${prefix}/`))
    .map((x) => {
      const k = Number(x.path.slice(prefix.length + 1).split('/')[0]);
      return x.path !== prefix && values[k] !== undefined ? `${values[k]}: ${x.message}` : x.message;
    });

/** Routing rules in the order tried: name, conditions and owning team per rule. */
export function RoutingRulesEditor({ value, onChange, issues, teams }: CustomFieldProps & { teams: Option[] }) {
  const t = useT();
  const list = rows<RuleRow>(value);
  const set = (i: number, patch: Partial<RuleRow>) => onChange(replaceAt(list, i, { ...list[i]!, ...patch }));
  const teamOptions = [{ value: '', label: t('settings.routing.chooseTeam') }, ...teams];
  return (
    <fieldset className="editor">
      <legend>{t('settings.field.rules')}</legend>
      <p className="hint">{t('settings.hint.rules')}</p>
      <Issues errors={fieldLevel(issues, list.length)} />
      {list.length === 0 && <p className="muted">{t('settings.routing.noRules')}</p>}
      <ol className="editor-rows">
        {list.map((r, i) => {
          const at = (p: string) => issuesAt(issues, `${i}/${p}`);
          const title = r.name.trim() || t('settings.routing.newRule');
          return (
            <li key={r.key}>
              <fieldset className="editor-row">
                <legend>{t('settings.routing.ruleLegend', { position: i + 1, name: title })}</legend>
                <Issues
                  errors={unplaced(issues, String(i), [
                    'name',
                    'teamId',
                    ...TEXT_CONDITIONS.map((c) => `when/${c}`),
                    'when/channels',
                    'when/priorities',
                  ])}
                />
                <div className="editor-grid">
                  <TextInput label={t('settings.field.name')} value={r.name} onChange={(name) => set(i, { name })} errors={at('name')} />
                  <SelectInput
                    label={t('settings.routing.ruleTeam')}
                    value={r.teamId}
                    options={teamOptions}
                    onChange={(teamId) => set(i, { teamId })}
                    errors={at('teamId')}
                  />
                </div>
                <fieldset className="editor-conditions">
                  <legend>{t('settings.field.conditions')}</legend>
                  <p className="hint">{t('settings.hint.ruleConditions')}</p>
                  <div className="editor-grid">
                    {TEXT_CONDITIONS.map((c) => (
                      <TextInput
                        key={c}
                        label={t(CONDITION_LABEL[c])}
                        hint={t(CONDITION_HINT[c])}
                        value={r[c]}
                        onChange={(v) => set(i, { [c]: v })}
                        errors={listIssues(issues, `${i}/when/${c}`, splitList(r[c]))}
                      />
                    ))}
                  </div>
                  <CheckGroup
                    legend={t('settings.field.channels')}
                    options={CHANNELS.map((c) => ({ value: c, label: t(`inbox.channel.${c}`) }))}
                    value={r.channels}
                    onChange={(channels) => set(i, { channels })}
                    errors={at('when/channels')}
                  />
                  <CheckGroup
                    legend={t('settings.field.priorities')}
                    options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
                    value={r.priorities}
                    onChange={(priorities) => set(i, { priorities })}
                    errors={at('when/priorities')}
                  />
                </fieldset>
                <RowActions name={title} list={list} index={i} onChange={onChange} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="secondary" onClick={() => onChange([...list, emptyRule()])}>
        {t('settings.routing.addRule')}
      </button>
    </fieldset>
  );
}
