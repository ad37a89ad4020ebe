import type { InboxRow } from './inbox-api';
import type { InboxQuery } from './inbox-query';

/** Far future: rows without a running SLA clock sort last under sla_due, as on the server. */
const NO_DUE = Date.parse('9999-12-31T23:59:59.999Z');

/** A row's sort key, ascending in list order. */
function key(r: InboxRow, sort: InboxQuery['sort']): number {
  return sort === 'sla_due' ? (r.slaDue ? Date.parse(r.slaDue.at) : NO_DUE) : -Date.parse(r.updatedAt);
}

/**
 * The list after refetching its first page (live updates, reconnects). The fresh page replaces every
 * loaded row within its range (a row there that the page does not hold has left the view); rows
 * loaded further down stay, except those `touched` by an event under the newest-first sort: a touched
 * row that still matches sorts first and so is in the fresh page. `complete`: the fresh page is all there is.
 */
export function mergeFirstPage(
  current: InboxRow[],
  fresh: InboxRow[],
  opts: { sort: InboxQuery['sort']; complete: boolean; touched: ReadonlySet<string> },
): InboxRow[] {
  if (opts.complete) return fresh;
  const freshIds = new Set(fresh.map((r) => r.id));
  const last = fresh.at(-1);
  const end = last ? key(last, opts.sort) : -Infinity;
  const below = current.filter(
    (r) => !freshIds.has(r.id) && key(r, opts.sort) > end && !(opts.sort === 'updated' && opts.touched.has(r.id)),
  );
  return [...fresh, ...below];
}
