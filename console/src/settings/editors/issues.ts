import { issuesAt, type FieldIssue } from '../forms';

/**
 * The issues of one row (`prefix`, e.g. '2') that none of its controls shows (`placed`, relative to
 * the row: 'name', 'when/languages'), so every server error appears somewhere near its row.
 */
export function unplaced(issues: readonly FieldIssue[], prefix: string, placed: readonly string[]): string[] {
  const under = (path: string, p: string) => path === p || path.startsWith(`${p}/`);
  return issuesAt(
    issues.filter((i) => !placed.some((p) => under(i.path, `${prefix}/${p}`))),
    prefix,
  );
}

/** Issues of the whole field (path '') or of rows beyond the list (none of `count` rows claims them). */
export function fieldLevel(issues: readonly FieldIssue[], count: number): string[] {
  return issues
    .filter((i) => {
      const row = Number(i.path.split('/')[0]);
      return i.path === '' || !Number.isInteger(row) || row >= count;
    })
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
}
