import { useIntl } from 'react-intl';
import { useT } from '../../i18n/use-t';
import { issuesAt, type FieldIssue } from '../forms';
import { Issues, SelectInput, TextInput } from './controls';
import { COMMON_LANGUAGES, type LocalizedRow } from './localized-form';
import { newKey, removeAt, replaceAt } from './rows';

interface Props {
  legend: string;
  rows: readonly LocalizedRow[];
  onChange(rows: LocalizedRow[]): void;
  /** Issues under this text map: their paths start with the language tag. */
  issues: readonly FieldIssue[];
}

/** 'German (de)' in the console's language; the tag alone when it is not one Intl can name. */
export function useLanguageLabel(): (tag: string) => string {
  const { locale } = useIntl();
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  return (tag) => {
    try {
      return `${names.of(tag) ?? tag} (${tag})`;
    } catch {
      return tag;
    }
  };
}

/** A text per language: rows of a language picker and the text, added and removed. */
export function LocalizedTexts({ legend, rows, onChange, issues }: Props) {
  const t = useT();
  const label = useLanguageLabel();
  const tags = [...new Set([...COMMON_LANGUAGES, ...rows.map((r) => r.language)])];
  const options = tags.map((tag) => ({ value: tag, label: label(tag) }));
  const set = (i: number, patch: Partial<LocalizedRow>) => onChange(replaceAt(rows, i, { ...rows[i]!, ...patch }));
  const placed = new Set(rows.map((r) => r.language));
  return (
    <fieldset className="editor">
      <legend>{legend}</legend>
      <Issues
        errors={issues.filter((x) => !placed.has(x.path.split('/')[0]!)).map((x) => (x.path ? `${x.path}: ${x.message}` : x.message))}
      />
      <ul className="editor-steps">
        {rows.map((r, i) => (
          <li key={r.key} className="editor-step">
            <SelectInput
              label={t('settings.field.language')}
              value={r.language}
              options={options}
              onChange={(language) => set(i, { language })}
            />
            <TextInput
              label={t('settings.widget.textIn', { language: label(r.language) })}
              value={r.text}
              onChange={(text) => set(i, { text })}
              errors={issuesAt(issues, r.language)}
            />
            <button type="button" className="danger" onClick={() => onChange(removeAt(rows, i))}>
              {t('settings.editor.remove', { name: label(r.language) })}
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="secondary"
        onClick={() => onChange([...rows, { key: newKey(), language: tags.find((x) => !placed.has(x)) ?? 'en', text: '' }])}
      >
        {t('settings.widget.addLanguage', { name: legend })}
      </button>
    </fieldset>
  );
}
