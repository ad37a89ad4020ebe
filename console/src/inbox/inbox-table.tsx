import type { MouseEvent } from 'react';
import { useT } from '../i18n/use-t';
import type { InboxRow as Row } from './inbox-api';
import { InboxRow } from './inbox-row';

interface Props {
  rows: Row[];
  now: Date;
  active: number;
  selected: ReadonlySet<string>;
  agentNames: ReadonlyMap<string, string>;
  onSelect(id: string, e: MouseEvent<HTMLInputElement>): void;
  onSelectAll(on: boolean): void;
  onActive(index: number): void;
}

/** The conversation list as a table: a row per conversation, a header per column for screen readers. */
export function InboxTable({ rows, now, active, selected, agentNames, onSelect, onSelectAll, onActive }: Props) {
  const t = useT();
  const all = rows.length > 0 && rows.every((r) => selected.has(r.id));
  return (
    <table className="inbox-table" aria-labelledby="inbox-title">
      <thead>
        <tr>
          <th scope="col" className="select">
            <input
              type="checkbox"
              checked={all}
              disabled={rows.length === 0}
              onChange={(e) => onSelectAll(e.target.checked)}
              aria-label={t('inbox.selectAll')}
            />
          </th>
          <th scope="col">{t('inbox.col.customer')}</th>
          <th scope="col">{t('inbox.col.subject')}</th>
          <th scope="col">{t('inbox.col.language')}</th>
          <th scope="col">{t('inbox.col.channel')}</th>
          <th scope="col">{t('inbox.col.assignee')}</th>
          <th scope="col">{t('inbox.col.slaDue')}</th>
          <th scope="col">{t('inbox.col.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <InboxRow
            key={r.id}
            row={r}
            now={now}
            active={i === active}
            selected={selected.has(r.id)}
            assignee={r.assigneeId ? (agentNames.get(r.assigneeId) ?? '…') : null}
            onSelect={(e) => onSelect(r.id, e)}
            onFocusRow={() => onActive(i)}
          />
        ))}
      </tbody>
    </table>
  );
}
