import { CHANNELS, PRIORITIES, STATUSES, UNRESOLVED, VIEWS, queryString, type Priority, type Status, type View } from './inbox-api';

/** What the inbox shows, kept in the page URL so every view and filter is linkable. */
export interface InboxQuery {
  view: View;
  /** A language view: conversations in this language (the all view). */
  language?: string;
  /** Chosen statuses; none means the unresolved ones. */
  status: Status[];
  channel?: string;
  priority?: Priority;
  tag?: string;
  teamId?: string;
  q?: string;
  sort: 'updated' | 'sla_due';
}

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;
const text = (v: string | null): string | undefined => (v && v.trim() ? v.trim() : undefined);

/** Reads the page's search string; anything unknown or malformed falls back to the default. */
export function parseInboxQuery(search: string): InboxQuery {
  const sp = new URLSearchParams(search);
  const q: InboxQuery = {
    view: oneOf(VIEWS, sp.get('view')) ?? 'all',
    status: sp.getAll('status').filter((s): s is Status => oneOf(STATUSES, s) !== undefined),
    sort: sp.get('sort') === 'sla_due' ? 'sla_due' : 'updated',
  };
  const language = text(sp.get('language'));
  if (language && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(language)) q.language = language;
  const channel = oneOf(CHANNELS, sp.get('channel'));
  if (channel) q.channel = channel;
  const priority = oneOf(PRIORITIES, sp.get('priority'));
  if (priority) q.priority = priority;
  const tag = text(sp.get('tag'));
  if (tag) q.tag = tag;
  const teamId = text(sp.get('teamId'));
  if (teamId && /^[0-9a-f-]{36}$/i.test(teamId)) q.teamId = teamId;
  const search2 = text(sp.get('q'));
  if (search2) q.q = search2.slice(0, 200);
  return q;
}

/** The page URL's search string for a query (defaults left out, so the plain inbox is /inbox). */
export function formatInboxQuery(q: InboxQuery): string {
  return queryString({
    view: q.view === 'all' ? undefined : q.view,
    language: q.language,
    status: q.status,
    channel: q.channel,
    priority: q.priority,
    tag: q.tag,
    teamId: q.teamId,
    q: q.q,
    sort: q.sort === 'updated' ? undefined : q.sort,
  });
}

/** GET /api/v1/conversations's query string for one page of the inbox. */
export function apiQuery(q: InboxQuery, limit: number, cursor?: string): string {
  return queryString({
    view: q.view,
    language: q.language,
    status: q.status.length ? q.status : UNRESOLVED,
    channel: q.channel,
    priority: q.priority,
    tag: q.tag,
    teamId: q.teamId,
    q: q.q,
    sort: q.sort,
    limit,
    cursor,
  });
}

/** Sidebar entries: the four views, SLA due (all, earliest due first), then a view per language. */
export type SidebarView = { kind: 'view'; view: View } | { kind: 'sla' } | { kind: 'language'; language: string };

/** The query a sidebar entry opens: its view, keeping the filters and search. */
export function queryFor(entry: SidebarView, current: InboxQuery): InboxQuery {
  const { language: _l, ...rest } = current;
  if (entry.kind === 'view') return { ...rest, view: entry.view, sort: 'updated' };
  if (entry.kind === 'sla') return { ...rest, view: 'all', sort: 'sla_due' };
  return { ...rest, view: 'all', sort: 'updated', language: entry.language };
}

export function isCurrent(entry: SidebarView, q: InboxQuery): boolean {
  if (entry.kind === 'language') return q.language === entry.language;
  if (q.language) return false;
  if (entry.kind === 'sla') return q.view === 'all' && q.sort === 'sla_due';
  return q.view === entry.view && q.sort === 'updated';
}
