import type { MessageId } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { issuesAt, rows, type CustomFieldProps } from '../forms';
import { Issues, TextInput } from './controls';
import { newKey, removeAt, replaceAt } from './rows';
import type { KeywordCategoryRow, KeywordLanguageRow } from './translation-form';

const BUILT_IN: Record<string, MessageId> = {
  refund: 'settings.keywords.refund',
  legal: 'settings.keywords.legal',
  security: 'settings.keywords.security',
  billing_dispute: 'settings.keywords.billing_dispute',
};

/** Critical keywords: per category, per language a list of keywords, one a line. */
export function CriticalKeywordsEditor({ value, onChange, issues }: CustomFieldProps) {
  const t = useT();
  const list = rows<KeywordCategoryRow>(value);
  const set = (i: number, patch: Partial<KeywordCategoryRow>) => onChange(replaceAt(list, i, { ...list[i]!, ...patch }));
  const placedCats = new Set(list.map((c) => c.category.trim()));
  return (
    <fieldset className="editor">
      <legend>{t('settings.field.criticalKeywords')}</legend>
      <p className="hint">
        {t('settings.hint.criticalKeywords')} {t('settings.hint.keywordLanguage')}
      </p>
      <Issues
        errors={issues.filter((x) => !placedCats.has(x.path.split('/')[0]!)).map((x) => (x.path ? `${x.path}: ${x.message}` : x.message))}
      />
      {list.map((c, i) => {
        const cat = c.category.trim();
        const title = BUILT_IN[cat] ? t(BUILT_IN[cat]) : cat || t('settings.keywords.newCategory');
        const setLangs = (languages: KeywordLanguageRow[]) => set(i, { languages });
        const langs = new Set(c.languages.map((l) => l.language.trim()));
        return (
          <fieldset key={c.key} className="editor-row">
            <legend>{title}</legend>
            <Issues
              errors={issues.filter((x) => x.path.split('/')[0] === cat && !langs.has(x.path.split('/')[1] ?? '')).map((x) => x.message)}
            />
            {(c.added || !BUILT_IN[cat]) && (
              <TextInput
                label={t('settings.keywords.category')}
                hint={t('settings.hint.keywordCategory')}
                value={c.category}
                onChange={(category) => set(i, { category })}
              />
            )}
            <div className="editor-grid">
              {c.languages.map((l, k) => (
                <div key={l.key}>
                  <TextInput
                    label={t('settings.keywords.language', { name: title })}
                    value={l.language}
                    onChange={(language) => setLangs(replaceAt(c.languages, k, { ...l, language }))}
                  />
                  <TextInput
                    label={t('settings.keywords.lines', { name: title, language: l.language })}
                    rows={4}
                    value={l.lines}
                    onChange={(lines) => setLangs(replaceAt(c.languages, k, { ...l, lines }))}
                    errors={issuesAt(issues, `${cat}/${l.language.trim()}`)}
                  />
                  <button type="button" className="danger" onClick={() => setLangs(removeAt(c.languages, k))}>
                    {t('settings.editor.remove', { name: `${title} (${l.language})` })}
                  </button>
                </div>
              ))}
            </div>
            <div className="row-actions">
              <button
                type="button"
                className="secondary"
                onClick={() => setLangs([...c.languages, { key: newKey(), language: '', lines: '' }])}
              >
                {t('settings.keywords.addLanguage', { name: title })}
              </button>
              <button type="button" className="danger" onClick={() => onChange(removeAt(list, i))}>
                {t('settings.editor.remove', { name: title })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="secondary"
        onClick={() => onChange([...list, { key: newKey(), category: '', languages: [], added: true }])}
      >
        {t('settings.keywords.addCategory')}
      </button>
    </fieldset>
  );
}
