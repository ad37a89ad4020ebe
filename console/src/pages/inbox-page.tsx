import { useCallback, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { useT } from '../i18n/use-t';
import { BulkBar } from '../inbox/bulk-bar';
import { FiltersBar } from '../inbox/filters-bar';
import { bulkUpdate, type BulkAction, type BulkResult } from '../inbox/inbox-api';
import { formatInboxQuery, parseInboxQuery, type InboxQuery } from '../inbox/inbox-query';
import { INBOX_SHORTCUTS } from '../inbox/inbox-shortcuts';
import { InboxTable } from '../inbox/inbox-table';
import { keepVisible, toggleSelection } from '../inbox/selection';
import { useDirectory, useNow } from '../inbox/use-directory';
import { useInbox } from '../inbox/use-inbox';
import { ViewsSidebar } from '../inbox/views-sidebar';
import { useMe } from '../session/session';
import { ShortcutsDialog } from '../shortcuts/shortcuts-dialog';
import { useShortcuts } from '../shortcuts/use-shortcuts';
import { PageHeading } from './page-heading';
import '../inbox/inbox.css';

/** The shared inbox: views, filters and search in the URL, a live list, bulk actions and keyboard shortcuts. */
export default function InboxPage() {
  const t = useT();
  const me = useMe();
  const search = useSearch();
  const [, navigate] = useLocation();
  const query = useMemo(() => parseInboxQuery(search), [search]);
  const inbox = useInbox(query);
  const { agents, teams } = useDirectory();
  const agentNames = useMemo(() => new Map(agents.map((a) => [a.id, a.name])), [agents]);
  const now = useNow();
  const searchRef = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const anchor = useRef<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<{ name: string; result: BulkResult }[]>([]);
  const [help, setHelp] = useState(false);
  const meId = me.agent?.id ?? null;

  const ids = useMemo(() => inbox.rows.map((r) => r.id), [inbox.rows]);
  // Rows that left the list leave the selection too, so a bulk action never touches what is not shown.
  const visibleSelection = useMemo(() => keepVisible(selected, ids), [selected, ids]);
  const activeIndex = Math.min(active, Math.max(0, ids.length - 1));

  const go = useCallback(
    (q: InboxQuery) => {
      const s = formatInboxQuery(q);
      navigate(s ? `/inbox?${s}` : '/inbox');
    },
    [navigate],
  );

  // Another view or filter: start at its top with nothing selected.
  const [seenSearch, setSeenSearch] = useState(search);
  if (seenSearch !== search) {
    setSeenSearch(search);
    setActive(0);
    setSelected(new Set());
  }

  const run = async (action: BulkAction, targetIds = [...visibleSelection]) => {
    if (targetIds.length === 0) return;
    setBusy(true);
    setFailures([]);
    try {
      const { results } = await bulkUpdate(targetIds, action);
      const byId = new Map(inbox.rows.map((r) => [r.id, r.customer.name ?? r.subject ?? r.id]));
      setFailures(results.filter((r) => !r.ok).map((result) => ({ name: byId.get(result.id) ?? result.id, result })));
      setSelected(new Set(results.filter((r) => !r.ok).map((r) => r.id)));
    } catch (err) {
      setFailures(
        targetIds.map((id) => ({
          name: id,
          result: { id, ok: false, error: { code: 'error', message: err instanceof Error ? err.message : String(err) } },
        })),
      );
    } finally {
      setBusy(false);
      inbox.refresh();
    }
  };

  const focusRow = (i: number) => {
    setActive(i);
    document.querySelector<HTMLAnchorElement>(`.inbox-table tbody tr:nth-child(${i + 1}) th a`)?.focus();
  };
  const current = ids[activeIndex];
  const open = () => current && navigate(`/conversations/${current}`);
  useShortcuts({
    j: () => ids.length && focusRow(Math.min(activeIndex + 1, ids.length - 1)),
    k: () => ids.length && focusRow(Math.max(activeIndex - 1, 0)),
    Enter: open,
    o: open,
    x: () => {
      if (!current) return;
      setSelected((s) => toggleSelection(s, ids, current, null, false));
      anchor.current = current;
    },
    a: () => meId && void run({ assign: { assigneeId: meId } }, visibleSelection.size ? [...visibleSelection] : current ? [current] : []),
    e: () => void run({ status: 'closed' }, visibleSelection.size ? [...visibleSelection] : current ? [current] : []),
    '/': () => searchRef.current?.focus(),
    '?': () => setHelp(true),
  });

  const onSelect = (id: string, e: MouseEvent<HTMLInputElement>) => {
    setSelected((s) => toggleSelection(keepVisible(s, ids), ids, id, anchor.current, e.shiftKey));
    anchor.current = id;
  };

  return (
    <section aria-labelledby="inbox-title" className="inbox">
      <PageHeading>
        <span id="inbox-title">{t('inbox.title')}</span>
      </PageHeading>
      <div className="inbox-layout">
        <ViewsSidebar query={query} counts={inbox.counts} agent={meId !== null} />
        <div className="inbox-main">
          <FiltersBar query={query} teams={teams} searchRef={searchRef} onChange={go} />
          <BulkBar
            count={visibleSelection.size}
            meId={meId}
            agents={agents}
            busy={busy}
            failures={failures}
            onAction={(a) => void run(a)}
            onClear={() => setSelected(new Set())}
          />
          {inbox.status === 'error' && <p role="alert">{t('error.generic', { message: inbox.error ?? '' })}</p>}
          {inbox.status === 'loading' && <p className="loading">{t('app.loading')}</p>}
          {inbox.status === 'ready' && inbox.rows.length === 0 && <p>{t('inbox.empty')}</p>}
          {inbox.rows.length > 0 && (
            <InboxTable
              rows={inbox.rows}
              now={now}
              active={activeIndex}
              selected={visibleSelection}
              agentNames={agentNames}
              onSelect={onSelect}
              onSelectAll={(on) => setSelected(on ? new Set(ids) : new Set())}
              onActive={setActive}
            />
          )}
          {inbox.nextCursor && (
            <button type="button" className="load-more" disabled={inbox.loadingMore} onClick={inbox.loadMore}>
              {inbox.loadingMore ? t('app.loading') : t('inbox.loadMore')}
            </button>
          )}
          <p className="muted shortcut-hint">{t('inbox.shortcutHint')}</p>
        </div>
      </div>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} shortcuts={INBOX_SHORTCUTS} />
    </section>
  );
}
