import { useT } from '../../i18n/use-t';
import { issuesAt, rows, type CustomFieldProps } from '../forms';
import { Issues, RowActions, TextInput } from './controls';
import { fieldLevel } from './issues';
import { LocalizedTexts } from './localized-texts';
import { newKey, replaceAt } from './rows';
import { MAX_REASONS, type ReasonRow } from './survey-form';

/** The reason choices a customer may tick: a stored key and a label per language, in the order shown. */
export function SurveyReasonsEditor({ value, onChange, issues }: CustomFieldProps) {
  const t = useT();
  const list = rows<ReasonRow>(value);
  const set = (i: number, patch: Partial<ReasonRow>) => onChange(replaceAt(list, i, { ...list[i]!, ...patch }));
  const full = list.length >= MAX_REASONS;
  return (
    <fieldset className="editor">
      <legend>{t('settings.surveys.reasons')}</legend>
      <p className="hint">{t('settings.surveys.reasonsHint', { count: MAX_REASONS })}</p>
      <Issues errors={fieldLevel(issues, list.length)} />
      <ol className="editor-rows">
        {list.map((r, i) => {
          const title = r.code.trim() || t('settings.surveys.newReason');
          return (
            <li key={r.key}>
              <fieldset className="editor-row">
                <legend>{t('settings.surveys.reasonLegend', { position: i + 1, name: title })}</legend>
                <TextInput
                  label={t('settings.surveys.reasonKey')}
                  hint={t('settings.surveys.reasonKeyHint')}
                  value={r.code}
                  onChange={(code) => set(i, { code })}
                  errors={issuesAt(issues, `${i}/key`)}
                />
                <LocalizedTexts
                  legend={t('settings.surveys.reasonLabels', { name: title })}
                  rows={r.labels}
                  onChange={(labels) => set(i, { labels })}
                  issues={issues
                    .filter((x) => x.path === `${i}/labels` || x.path.startsWith(`${i}/labels/`))
                    .map((x) => ({ ...x, path: x.path.slice(`${i}/labels/`.length) }))}
                />
                <RowActions name={title} list={list} index={i} onChange={onChange} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      {/* aria-disabled keeps the button in the tab order, so the hint's limit can be found from it. */}
      <button
        type="button"
        className="secondary"
        aria-disabled={full}
        onClick={() => !full && onChange([...list, { key: newKey(), code: '', labels: [] }])}
      >
        {t('settings.surveys.addReason')}
      </button>
    </fieldset>
  );
}
