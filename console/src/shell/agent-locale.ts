import { useEffect, useRef } from 'react';
import { saveUiLocale } from '../api/auth';
import { useLocale } from '../i18n/i18n-provider';
import { isLocale, type Locale } from '../i18n/locales';
import { useMe } from '../session/session';

/**
 * The agent's console language follows them: the one saved on the server is applied once when the
 * shell opens (over this browser's), and a choice in the switcher is saved there as well as here.
 */
export function useAgentLocale(): (locale: Locale) => void {
  const me = useMe();
  const { locale, setLocale } = useLocale();
  const applied = useRef(false);
  const saved = me.agent?.uiLocale ?? null;

  useEffect(() => {
    if (applied.current) return;
    applied.current = true;
    if (isLocale(saved) && saved !== locale) setLocale(saved);
  }, [saved, locale, setLocale]);

  return (chosen) => {
    setLocale(chosen);
    // The choice holds in this browser even when saving fails; the next one asks the server again.
    if (me.agent) void saveUiLocale(me.agent.id, chosen).catch(() => undefined);
  };
}
