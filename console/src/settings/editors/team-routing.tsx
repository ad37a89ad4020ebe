import { useT } from '../../i18n/use-t';
import { issuesAt, rows, type CustomFieldProps } from '../forms';
import { Issues, SelectInput, TextInput } from './controls';
import { fieldLevel } from './issues';
import { BARS, DEFAULT_BAR, MODES, sentIndex, type TeamRow } from './routing-form';
import { removeAt, replaceAt } from './rows';

/** Per team: how agents are picked, the language bar, and languages served through another one. */
export function TeamRoutingEditor({ value, onChange, issues, nameOf }: CustomFieldProps & { nameOf(id: string): string }) {
  const t = useT();
  const list = rows<TeamRow>(value);
  const set = (i: number, patch: Partial<TeamRow>) => onChange(replaceAt(list, i, { ...list[i]!, ...patch }));
  const bars = BARS.map((b) => ({ value: b, label: t(`settings.bar.${b}`) }));
  // Teams at the defaults are not sent, so errors come back by each team's place among those sent.
  const sentCount = list.filter((r) => sentIndex(list, r.teamId) >= 0).length;
  return (
    <fieldset className="editor">
      <legend>{t('settings.field.teamRouting')}</legend>
      <p className="hint">{t('settings.hint.teamRouting')}</p>
      <Issues errors={fieldLevel(issues, sentCount)} />
      {list.map((r, i) => {
        const name = nameOf(r.teamId);
        const sent = sentIndex(list, r.teamId);
        const at = (p: string) => (sent >= 0 ? issuesAt(issues, `${sent}/${p}`) : []);
        const setFallbacks = (fallbacks: TeamRow['fallbacks']) => set(i, { fallbacks });
        return (
          <fieldset key={r.teamId} className="editor-row">
            <legend>{name}</legend>
            <Issues errors={at('teamId')} />
            <div className="editor-grid">
              <SelectInput
                label={t('settings.routing.mode')}
                value={r.mode}
                options={MODES.map((m) => ({ value: m, label: t(`settings.mode.${m}`) }))}
                onChange={(mode) => set(i, { mode })}
                errors={at('mode')}
              />
              <SelectInput
                label={t('settings.routing.bar')}
                value={r.bar}
                options={bars}
                onChange={(bar) => set(i, { bar })}
                errors={at('bar')}
              />
            </div>
            {r.fallbacks.length > 0 && (
              <ul className="editor-steps" aria-label={t('settings.routing.fallbacksOf', { name })}>
                {r.fallbacks.map((f, k) => {
                  const setF = (patch: Partial<typeof f>) => setFallbacks(replaceAt(r.fallbacks, k, { ...f, ...patch }));
                  return (
                    <li key={k} className="editor-grid">
                      <TextInput
                        label={t('settings.routing.fallbackFrom')}
                        value={f.from}
                        onChange={(from) => setF({ from })}
                        errors={at(`fallbacks/${k}/from`)}
                      />
                      <TextInput
                        label={t('settings.routing.fallbackTo')}
                        value={f.to}
                        onChange={(to) => setF({ to })}
                        errors={at(`fallbacks/${k}/to`)}
                      />
                      <SelectInput
                        label={t('settings.routing.fallbackBar')}
                        value={f.bar}
                        options={bars}
                        onChange={(bar) => setF({ bar })}
                        errors={at(`fallbacks/${k}/bar`)}
                      />
                      <button type="button" className="danger" onClick={() => setFallbacks(removeAt(r.fallbacks, k))}>
                        {t('settings.routing.removeFallback', { name: `${f.from || '…'} → ${f.to || '…'}` })}
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
            <button
              type="button"
              className="secondary"
              onClick={() => setFallbacks([...r.fallbacks, { from: '', to: '', bar: DEFAULT_BAR }])}
            >
              {t('settings.routing.addFallback', { name })}
            </button>
          </fieldset>
        );
      })}
    </fieldset>
  );
}
