import { useId } from 'react';
import { useLocale } from './i18n-provider';
import { LOCALE_NAMES, LOCALES, isLocale, type Locale } from './locales';
import { useT } from './use-t';

/** The UI language switcher: a labelled select, each language named in itself. `onChoose` replaces the plain switch. */
export function LanguageSelect({ onChoose }: { onChoose?: (locale: Locale) => void }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const choose = onChoose ?? setLocale;
  const id = useId();
  return (
    <span className="language-select">
      <label htmlFor={id}>{t('shell.language')}</label>
      <select id={id} value={locale} onChange={(e) => isLocale(e.target.value) && choose(e.target.value)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
}
