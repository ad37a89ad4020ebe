import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'wouter';
import { useT } from '../i18n/use-t';
import type { Conversation, Customer, CustomerCulture } from './conversation-api';
import { useLanguageName, useRegionName } from './format';

/** The clock on the customer's wall, updated every half minute. */
function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

interface Props {
  customer: Customer;
  culture: CustomerCulture | null;
  others: Conversation[];
}

/** Who the customer is: language, country, local time now, preferences, other conversations and the culture card. */
export function CustomerPanel({ customer: c, culture, others }: Props) {
  const t = useT();
  const intl = useIntl();
  const lang = useLanguageName();
  const region = useRegionName();
  const now = useNow();
  const localTime = c.timeZone
    ? intl.formatDate(now, { timeZone: c.timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' })
    : null;

  return (
    <section className="panel" aria-labelledby="customer-heading">
      <h2 id="customer-heading">{c.name ?? c.emails[0] ?? t('conv.customer')}</h2>
      <dl className="facts">
        <dt>{t('conv.customerLanguage')}</dt>
        <dd>{c.locale ? `${lang(c.locale)} (${c.locale})` : '—'}</dd>
        <dt>{t('conv.customerCountry')}</dt>
        <dd>{region(c.country)}</dd>
        <dt>{t('conv.customerLocalTime')}</dt>
        <dd data-testid="customer-local-time">{localTime ?? t('conv.unknownTimeZone')}</dd>
        <dt>{t('conv.customerPreferences')}</dt>
        <dd>
          {t('conv.preferences', {
            channel: c.preferredChannel ?? '—',
            formality: c.formality ?? culture?.formality ?? '—',
          })}
        </dd>
        {c.emails.length > 0 ? (
          <>
            <dt>{t('conv.customerEmail')}</dt>
            <dd>{c.emails.join(', ')}</dd>
          </>
        ) : null}
      </dl>

      <h3>{t('conv.otherConversations')}</h3>
      {others.length === 0 ? (
        <p className="muted">{t('conv.noOtherConversations')}</p>
      ) : (
        <ul className="others">
          {others.map((o) => (
            <li key={o.id}>
              <Link href={`/conversations/${o.id}`}>{o.subject ?? t('conv.noSubject')}</Link>{' '}
              <span className="muted">{t('conv.otherMeta', { channel: o.channel, status: o.status })}</span>
            </li>
          ))}
        </ul>
      )}

      {culture?.profile ? (
        <section className="culture" aria-labelledby="culture-heading">
          <h3 id="culture-heading">{t('conv.cultureCard', { name: culture.profile.name })}</h3>
          <dl className="facts">
            <dt>{t('conv.cultureFormality')}</dt>
            <dd>{[culture.formality, culture.addressForm].filter(Boolean).join(' · ') || '—'}</dd>
            <dt>{t('conv.cultureAddress')}</dt>
            <dd>{culture.profile.names.formalAddress}</dd>
            <dt>{t('conv.cultureGreetings')}</dt>
            <dd>{culture.greetings.join(' / ') || '—'}</dd>
            <dt>{t('conv.cultureClosings')}</dt>
            <dd>{culture.closings.join(' / ') || '—'}</dd>
          </dl>
          <p className="small">{culture.profile.directness}</p>
        </section>
      ) : null}
    </section>
  );
}
