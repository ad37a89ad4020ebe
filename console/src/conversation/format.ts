import { useCallback } from 'react';
import { useIntl } from 'react-intl';

/** Names of languages ('es' → "Spanish") or regions ('ES' → "Spain") in the console's language; the code itself when Intl does not know it. */
function useDisplayName(type: 'language' | 'region'): (code: string | null | undefined) => string {
  const { locale } = useIntl();
  return useCallback(
    (code) => {
      if (!code) return '—';
      try {
        return new Intl.DisplayNames([locale], { type }).of(code) ?? code;
      } catch {
        return code;
      }
    },
    [locale, type],
  );
}

export const useLanguageName = () => useDisplayName('language');
export const useRegionName = () => useDisplayName('region');

/** Date and time of an instant in a given zone (the agent's own when omitted), with the zone's short name. */
export function useDateTime(): (iso: string | number | Date, timeZone?: string | null) => string {
  const intl = useIntl();
  return useCallback(
    (iso, timeZone) =>
      intl.formatDate(iso, {
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        ...(timeZone ? { timeZone, timeZoneName: 'short' } : {}),
      }),
    [intl],
  );
}

/** "2 h 5 min" from minutes, in the console's language. */
export function useDuration(): (minutes: number) => string {
  const intl = useIntl();
  return useCallback(
    (minutes) => {
      const m = Math.round(Math.abs(minutes));
      const h = Math.floor(m / 60);
      const unit = (value: number, u: 'hour' | 'minute') => intl.formatNumber(value, { style: 'unit', unit: u, unitDisplay: 'narrow' });
      return h > 0 ? `${unit(h, 'hour')} ${unit(m % 60, 'minute')}` : unit(m, 'minute');
    },
    [intl],
  );
}
