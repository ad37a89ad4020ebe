import { useCallback, useEffect, useRef, useState } from 'react';
import { isHello } from '../stream/stream';
import { useStreamEvents } from '../stream/stream-provider';
import { fetchInboxCounts, fetchInboxPage, type InboxCounts, type InboxRow } from './inbox-api';
import { apiQuery, type InboxQuery } from './inbox-query';
import { mergeFirstPage } from './merge';
import { PAGE_SIZE, takePrefetchedCounts, takePrefetchedPage } from './prefetch';

/** Events arrive in bursts (a bulk close, a routing pass): one refetch per burst. */
const DEBOUNCE_MS = 300;

export interface InboxState {
  rows: InboxRow[];
  nextCursor: string | null;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  loadingMore: boolean;
  counts: InboxCounts | null;
  loadMore(): void;
  /** Refetch the first page and the counts now (after a bulk action). */
  refresh(): void;
}

const LIVE_EVENT = /^(conversation|message)\./;

/** The inbox list for a query: the first page, keyset "load more", and live updates from the stream. */
export function useInbox(query: InboxQuery): InboxState {
  // The list of one API query; a list for another key is stale and reads as loading.
  const [list, setList] = useState<{ key: string; rows: InboxRow[]; nextCursor: string | null; error: string | null }>({
    key: '',
    rows: [],
    nextCursor: null,
    error: null,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [counts, setCounts] = useState<InboxCounts | null>(null);
  // Bumped on each new query, so answers for an older query are dropped.
  const generation = useRef(0);
  const touched = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queryRef = useRef(query);
  const key = apiQuery(query, PAGE_SIZE);

  const loadCounts = useCallback(() => {
    (takePrefetchedCounts() ?? fetchInboxCounts()).then(setCounts, () => {
      // The sidebar keeps its last counts; the list shows errors.
    });
  }, []);

  useEffect(() => {
    queryRef.current = query;
  });

  useEffect(() => {
    const gen = ++generation.current;
    const abort = new AbortController();
    (takePrefetchedPage(key) ?? fetchInboxPage(key, abort.signal)).then(
      (page) => {
        if (gen === generation.current) setList({ key, rows: page.data, nextCursor: page.nextCursor, error: null });
      },
      (err: unknown) => {
        if (abort.signal.aborted || gen !== generation.current) return;
        setList({ key, rows: [], nextCursor: null, error: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => abort.abort();
  }, [key]);

  useEffect(loadCounts, [loadCounts]);

  const refresh = useCallback(() => {
    const gen = generation.current;
    const seen = touched.current;
    touched.current = new Set();
    fetchInboxPage(apiQuery(queryRef.current, PAGE_SIZE)).then(
      (page) => {
        if (gen !== generation.current) return;
        const complete = page.nextCursor === null;
        setList((l) => ({
          ...l,
          rows: mergeFirstPage(l.rows, page.data, { sort: queryRef.current.sort, complete, touched: seen }),
          nextCursor: complete ? null : l.nextCursor,
        }));
      },
      () => {
        // A failed live refresh leaves the list as it was; the next event or reconnect tries again.
      },
    );
    loadCounts();
  }, [loadCounts]);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  useStreamEvents((frame) => {
    if (!isHello(frame)) {
      if (!LIVE_EVENT.test(frame.type)) return;
      const id = frame.payload.conversationId ?? (frame.type.startsWith('conversation.') ? frame.subjectId : null);
      if (typeof id === 'string') touched.current.add(id);
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(refresh, DEBOUNCE_MS);
  });

  const current = list.key === key;
  const nextCursor = current ? list.nextCursor : null;
  const loadMore = useCallback(() => {
    if (!nextCursor || loadingMore) return;
    const gen = generation.current;
    setLoadingMore(true);
    fetchInboxPage(apiQuery(queryRef.current, PAGE_SIZE, nextCursor)).then(
      (page) => {
        setLoadingMore(false);
        if (gen !== generation.current) return;
        setList((l) => {
          const have = new Set(l.rows.map((r) => r.id));
          return { ...l, rows: [...l.rows, ...page.data.filter((r) => !have.has(r.id))], nextCursor: page.nextCursor };
        });
      },
      (err: unknown) => {
        setLoadingMore(false);
        if (gen === generation.current) setList((l) => ({ ...l, error: err instanceof Error ? err.message : String(err) }));
      },
    );
  }, [nextCursor, loadingMore]);

  return {
    rows: current ? list.rows : [],
    nextCursor,
    status: !current ? 'loading' : list.error && list.rows.length === 0 ? 'error' : 'ready',
    error: current ? list.error : null,
    loadingMore,
    counts,
    loadMore,
    refresh,
  };
}
