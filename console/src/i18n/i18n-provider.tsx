import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { DEFAULT_LOCALE, initialLocale, saveLocale, type Locale } from './locales';
import { EN_MESSAGES, loadMessages, type Messages } from './messages';

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleState | null>(null);

/** The UI language: messages for react-intl, `<html lang>` kept in step, the switcher's setter. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [wanted, setWanted] = useState<Locale>(initialLocale);
  const [loaded, setLoaded] = useState<{ locale: Locale; messages: Messages }>({ locale: DEFAULT_LOCALE, messages: EN_MESSAGES });

  useEffect(() => {
    let current = true;
    void loadMessages(wanted).then(
      (messages) => current && setLoaded({ locale: wanted, messages }),
      () => current && setLoaded({ locale: DEFAULT_LOCALE, messages: EN_MESSAGES }),
    );
    return () => {
      current = false;
    };
  }, [wanted]);

  useEffect(() => {
    document.documentElement.lang = loaded.locale;
  }, [loaded.locale]);

  const state = useMemo<LocaleState>(
    () => ({
      locale: loaded.locale,
      setLocale: (l) => {
        saveLocale(l);
        setWanted(l);
      },
    }),
    [loaded.locale],
  );

  return (
    <LocaleContext.Provider value={state}>
      <IntlProvider locale={loaded.locale} defaultLocale={DEFAULT_LOCALE} messages={loaded.messages}>
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleState {
  const s = useContext(LocaleContext);
  if (!s) throw new Error('useLocale outside I18nProvider');
  return s;
}
