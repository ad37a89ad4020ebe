import { useIntl } from 'react-intl';
import { Link } from 'wouter';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { VIEWS, type InboxCounts } from './inbox-api';
import { formatInboxQuery, isCurrent, queryFor, type InboxQuery, type SidebarView } from './inbox-query';

const VIEW_LABEL: Record<(typeof VIEWS)[number], MessageId> = {
  mine: 'inbox.view.mine',
  team: 'inbox.view.team',
  unassigned: 'inbox.view.unassigned',
  all: 'inbox.view.all',
};

/** The language's name in the UI language ("Portuguese", "Portugiesisch"), else the tag itself. */
function languageName(intl: ReturnType<typeof useIntl>, tag: string): string {
  try {
    return intl.formatDisplayName(tag, { type: 'language' }) ?? tag;
  } catch {
    return tag;
  }
}

/** Views with their open counts: mine, team, unassigned, all, SLA due, then one per language present. */
export function ViewsSidebar({ query, counts, agent }: { query: InboxQuery; counts: InboxCounts | null; agent: boolean }) {
  const t = useT();
  const intl = useIntl();
  const views = VIEWS.filter((v) => agent || (v !== 'mine' && v !== 'team'));
  const item = (entry: SidebarView, label: string, count: number | null | undefined, key: string) => {
    const current = isCurrent(entry, query);
    const search = formatInboxQuery(queryFor(entry, query));
    return (
      <li key={key}>
        <Link href={search ? `/inbox?${search}` : '/inbox'} aria-current={current ? 'page' : undefined}>
          <span>{label}</span>
          {count != null && (
            <span className="count" aria-label={t('inbox.openCount', { count })}>
              {intl.formatNumber(count)}
            </span>
          )}
        </Link>
      </li>
    );
  };
  const languages = (counts?.languages ?? []).filter((l): l is { language: string; count: number } => l.language !== null);
  return (
    <nav className="inbox-views" aria-label={t('inbox.viewsLabel')}>
      <ul>
        {views.map((v) => item({ kind: 'view', view: v }, t(VIEW_LABEL[v]), counts?.views[v], v))}
        {item({ kind: 'sla' }, t('inbox.view.slaDue'), counts?.views.all, 'sla')}
      </ul>
      {languages.length > 0 && (
        <>
          <h2 id="inbox-languages">{t('inbox.languages')}</h2>
          <ul aria-labelledby="inbox-languages">
            {languages.map((l) =>
              item({ kind: 'language', language: l.language }, languageName(intl, l.language), l.count, `lang-${l.language}`),
            )}
          </ul>
        </>
      )}
    </nav>
  );
}
