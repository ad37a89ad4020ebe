/**
 * Checkbox selection over the visible rows: a click toggles one row; a shift-click sets every row
 * between the last clicked one (the anchor) and this one to this row's new state, as in mail clients.
 */
export function toggleSelection(
  selected: ReadonlySet<string>,
  ids: readonly string[],
  id: string,
  anchor: string | null,
  range: boolean,
): Set<string> {
  const next = new Set(selected);
  const on = !selected.has(id);
  const from = anchor === null ? -1 : ids.indexOf(anchor);
  const to = ids.indexOf(id);
  if (range && from >= 0 && to >= 0) {
    const [lo, hi] = from < to ? [from, to] : [to, from];
    for (const x of ids.slice(lo, hi + 1))
      if (on) next.add(x);
      else next.delete(x);
  } else if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** The selection without rows that are no longer listed (closed by someone, filtered away). */
export function keepVisible(selected: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  const visible = new Set(ids);
  return new Set([...selected].filter((id) => visible.has(id)));
}
