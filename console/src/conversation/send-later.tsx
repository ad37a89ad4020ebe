import { useId, useState } from 'react';
import { useT } from '../i18n/use-t';

const WHEN = ['customer_business_hours', 'next_business_morning'] as const;

/** Send the reply later, in the customer's local business hours (the server picks the instant from their calendar). */
export function SendLater({ disabled, onSchedule }: { disabled: boolean; onSchedule(sendAt: string): void }) {
  const t = useT();
  const id = useId();
  const [when, setWhen] = useState<(typeof WHEN)[number]>('customer_business_hours');
  return (
    <span className="row">
      <label htmlFor={id}>{t('composer.later')}</label>
      <select id={id} value={when} onChange={(e) => setWhen(e.target.value as (typeof WHEN)[number])}>
        {WHEN.map((w) => (
          <option key={w} value={w}>
            {t('composer.laterWhen', { when: w })}
          </option>
        ))}
      </select>
      <button type="button" className="secondary" disabled={disabled} onClick={() => onSchedule(when)}>
        {t('composer.schedule')}
      </button>
    </span>
  );
}
