import { useT } from '../../i18n/use-t';
import { issuesAt, rows, type CustomFieldProps } from '../forms';
import { Issues, RowActions, TextInput } from './controls';
import { fieldLevel } from './issues';
import type { PreChatRow } from './localized-form';
import { LocalizedTexts } from './localized-texts';
import { newKey, replaceAt } from './rows';

/** What the widget asks before the first message: a field name, whether it is required, its label per language. */
export function PreChatFieldsEditor({ value, onChange, issues }: CustomFieldProps) {
  const t = useT();
  const list = rows<PreChatRow>(value);
  const set = (i: number, patch: Partial<PreChatRow>) => onChange(replaceAt(list, i, { ...list[i]!, ...patch }));
  return (
    <fieldset className="editor">
      <legend>{t('settings.field.preChatFields')}</legend>
      <p className="hint">{t('settings.hint.preChatFields')}</p>
      <Issues errors={fieldLevel(issues, list.length)} />
      <ol className="editor-rows">
        {list.map((f, i) => {
          const title = f.name.trim() || t('settings.widget.newField');
          return (
            <li key={f.key}>
              <fieldset className="editor-row">
                <legend>{t('settings.widget.fieldLegend', { position: i + 1, name: title })}</legend>
                <TextInput
                  label={t('settings.widget.fieldName')}
                  hint={t('settings.hint.preChatName')}
                  value={f.name}
                  onChange={(name) => set(i, { name })}
                  errors={issuesAt(issues, `${i}/name`)}
                />
                <label className="check-row">
                  <input type="checkbox" checked={f.required} onChange={(e) => set(i, { required: e.target.checked })} />
                  {t('settings.widget.fieldRequired')}
                </label>
                <LocalizedTexts
                  legend={t('settings.widget.fieldLabel', { name: title })}
                  rows={f.label}
                  onChange={(label) => set(i, { label })}
                  issues={issues
                    .filter((x) => x.path.startsWith(`${i}/label/`))
                    .map((x) => ({ ...x, path: x.path.slice(`${i}/label/`.length) }))}
                />
                <RowActions name={title} list={list} index={i} onChange={onChange} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="secondary"
        onClick={() => onChange([...list, { key: newKey(), name: '', required: false, label: [] }])}
      >
        {t('settings.widget.addField')}
      </button>
    </fieldset>
  );
}
