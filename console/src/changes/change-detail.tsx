import { useIntl } from 'react-intl';
import { Link } from 'wouter';
import { useLanguageName } from '../conversation/format';
import { useT } from '../i18n/use-t';
import { PageHeading } from '../pages/page-heading';
import { useLoad } from '../settings/use-load';
import { AnnouncePanel } from './announce-panel';
import { changesApi, type Change, type ChangeLink, type Page } from './changes-api';
import { LinkFilterForm } from './link-filter-form';
import { LinksTable } from './links-table';

/** A term and its value, grouped so the list stays valid HTML whatever the number of texts. */
const fact = (term: string, value: string, lang?: string) => (
  <div key={term}>
    <dt>{term}</dt>
    <dd lang={lang}>{value}</dd>
  </div>
);

/** One change: what customers are told, its links (by filter here, by comment on the Feedback page), and announcing it. */
export function ChangeDetail({ id }: { id: string }) {
  const t = useT();
  const intl = useIntl();
  const languageName = useLanguageName();
  const [change, reloadChange] = useLoad<Change>(changesApi.itemPath(id));
  const [links, reloadLinks] = useLoad<Page<ChangeLink>>(changesApi.linksPath(id));
  const reload = () => {
    reloadChange();
    reloadLinks();
  };

  const back = (
    <p>
      <Link href="/changes">{t('changes.back')}</Link>
    </p>
  );
  if (change.status === 'loading') return <p className="loading">{t('app.loading')}</p>;
  if (change.status === 'error')
    return (
      <div className="reports">
        {back}
        <p role="alert" className="error">
          {t('error.generic', { message: change.message })}
        </p>
      </div>
    );
  const c = change.data;
  const n = (v: number) => intl.formatNumber(v);
  return (
    <div className="reports change-detail">
      {back}
      <PageHeading>{c.title}</PageHeading>
      <dl className="change-facts">
        {fact(t('changes.status'), t(`changes.status.${c.status}`))}
        {fact(t('changes.field.sourceLanguage'), languageName(c.sourceLanguage))}
        {fact(t('changes.field.description'), c.description, c.sourceLanguage)}
        {Object.entries(c.texts).map(([lang, text]) => fact(t('settings.widget.textIn', { language: languageName(lang) }), text, lang))}
        {fact(t('changes.linkedConversations'), n(c.counts.links))}
        {fact(t('changes.customers'), t('changes.customersTold', { count: c.counts.customers, told: n(c.counts.told) }))}
      </dl>
      <AnnouncePanel change={c} onAnnounced={reload} />
      <section aria-labelledby="link-h" className="report">
        <h2 id="link-h">{t('changes.linkTitle')}</h2>
        <p className="muted">{t('changes.linkFromFeedback')}</p>
        <LinkFilterForm changeId={c.id} onLinked={reload} />
      </section>
      {links.status === 'error' && (
        <p role="alert" className="error">
          {t('error.generic', { message: links.message })}
        </p>
      )}
      {links.status === 'ok' && (
        <LinksTable changeId={c.id} links={links.data.data} more={links.data.nextCursor !== null} onChanged={reload} />
      )}
    </div>
  );
}
