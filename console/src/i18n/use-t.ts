import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from './messages';

type Values = Record<string, string | number | boolean | Date | null | undefined>;

/**
 * `t('nav.inbox')` or `t('inbox.liveEvents', { count })`: react-intl's formatMessage with ids checked
 * against en.json at compile time. Dates and numbers: useIntl().formatDate / formatNumber, or
 * ICU arguments ({when, date, medium}) inside the message.
 */
export function useT(): (id: MessageId, values?: Values) => string {
  const intl = useIntl();
  return useCallback((id, values) => intl.formatMessage({ id }, values), [intl]);
}
