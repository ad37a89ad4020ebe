import { useT } from '../../i18n/use-t';
import { issuesAt, rows, type CustomFieldProps } from '../forms';
import { Issues, SelectInput, TextInput } from './controls';
import { unplaced } from './issues';
import { COMMON_LANGUAGES } from './localized-form';
import { useLanguageLabel } from './localized-texts';
import { newKey, removeAt, replaceAt } from './rows';
import { emptyTexts, SURVEY_TEXTS, type TextsRow } from './survey-form';

/** The only placeholder the server fills in; shown in the hint as typed. */
const PLACEHOLDER = '{workspace}';

/** Per-locale rewording of the survey's texts: a row per language, each text optional. */
export function SurveyTextsEditor({ value, onChange, issues }: CustomFieldProps) {
  const t = useT();
  const label = useLanguageLabel();
  const list = rows<TextsRow>(value);
  const set = (i: number, patch: Partial<TextsRow>) => onChange(replaceAt(list, i, { ...list[i]!, ...patch }));
  const used = list.map((r) => r.locale);
  const tags = [...new Set([...COMMON_LANGUAGES, ...used])];
  // A language has one row: each picker offers its own and those no other row has.
  const optionsFor = (own: string) => tags.filter((x) => x === own || !used.includes(x)).map((x) => ({ value: x, label: label(x) }));
  return (
    <fieldset className="editor">
      <legend>{t('settings.surveys.texts')}</legend>
      <p className="hint">{t('settings.surveys.textsHint', { placeholder: PLACEHOLDER })}</p>
      <Issues
        errors={issues.filter((x) => !used.includes(x.path.split('/')[0]!)).map((x) => (x.path ? `${x.path}: ${x.message}` : x.message))}
      />
      <ul className="editor-rows">
        {list.map((r, i) => (
          <li key={r.key}>
            <fieldset className="editor-row">
              <legend>{t('settings.surveys.textsLegend', { language: label(r.locale) })}</legend>
              <SelectInput
                label={t('settings.field.language')}
                value={r.locale}
                options={optionsFor(r.locale)}
                onChange={(locale) => set(i, { locale })}
              />
              {SURVEY_TEXTS.map((n) => (
                <TextInput
                  key={n}
                  label={t(`settings.surveys.text.${n}`)}
                  value={r.texts[n]}
                  onChange={(text) => set(i, { texts: { ...r.texts, [n]: text } })}
                  errors={issuesAt(issues, `${r.locale}/${n}`)}
                />
              ))}
              <Issues errors={unplaced(issues, r.locale, SURVEY_TEXTS)} />
              <button type="button" className="danger" onClick={() => onChange(removeAt(list, i))}>
                {t('settings.editor.remove', { name: label(r.locale) })}
              </button>
            </fieldset>
          </li>
        ))}
      </ul>
      {tags.some((x) => !used.includes(x)) && (
        <button
          type="button"
          className="secondary"
          onClick={() => onChange([...list, { key: newKey(), locale: tags.find((x) => !used.includes(x))!, texts: emptyTexts() }])}
        >
          {t('settings.surveys.addTexts')}
        </button>
      )}
    </fieldset>
  );
}
