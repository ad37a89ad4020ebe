import { fetchInboxCounts, fetchInboxPage, type InboxCounts, type InboxPage } from './inbox-api';
import { apiQuery, parseInboxQuery } from './inbox-query';

/** The list's page size; here rather than in use-inbox so the boot code need not load the hook. */
export const PAGE_SIZE = 50;

/** A prefetched answer older than this is not shown (the visitor signed in first, say). */
const FRESH_MS = 5000;

let page: { key: string; at: number; promise: Promise<InboxPage> } | null = null;
let counts: { at: number; promise: Promise<InboxCounts> } | null = null;

const fresh = (at: number) => performance.now() - at < FRESH_MS;

/**
 * Opening the console at /inbox: fetch the inbox chunk, its first page and the counts at once, beside
 * the session check, instead of one after the other (chunk after session, API after chunk). Called
 * once at boot; a signed-out visitor's 401s change nothing (the session check shows sign-in).
 */
export function prefetchInbox(loc: { pathname: string; search: string }, loadPage: () => Promise<unknown>): void {
  if (loc.pathname !== '/inbox') return;
  void loadPage().catch(() => undefined);
  const key = apiQuery(parseInboxQuery(loc.search), PAGE_SIZE);
  const at = performance.now();
  page = { key, at, promise: fetchInboxPage(key) };
  counts = { at, promise: fetchInboxCounts() };
  // Unclaimed (signed out, another page opened): no unhandled rejection.
  page.promise.catch(() => undefined);
  counts.promise.catch(() => undefined);
}

/**
 * The prefetched first page for this query, once, while fresh; null when there is none (then fetch as
 * usual). A failed prefetch (401 before sign-in) is asked again rather than shown.
 */
export function takePrefetchedPage(key: string): Promise<InboxPage> | null {
  const p = page;
  page = null;
  return p?.key === key && fresh(p.at) ? p.promise.catch(() => fetchInboxPage(key)) : null;
}

export function takePrefetchedCounts(): Promise<InboxCounts> | null {
  const c = counts;
  counts = null;
  return c && fresh(c.at) ? c.promise.catch(() => fetchInboxCounts()) : null;
}
