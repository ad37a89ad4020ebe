import type { MouseEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'wouter';
import { useT } from '../i18n/use-t';
import { channelLabel } from './filters-bar';
import type { InboxRow as Row } from './inbox-api';
import { relativeParts } from './relative';

interface Props {
  row: Row;
  now: Date;
  active: boolean;
  selected: boolean;
  assignee: string | null;
  onSelect(e: MouseEvent<HTMLInputElement>): void;
  onFocusRow(): void;
}

/** One conversation of the list; its customer cell is the link that opens it. */
export function InboxRow({ row, now, active, selected, assignee, onSelect, onFocusRow }: Props) {
  const t = useT();
  const intl = useIntl();
  const rel = (iso: string) => {
    const { value, unit } = relativeParts(new Date(iso), now);
    return intl.formatRelativeTime(value, unit, { numeric: 'auto' });
  };
  const exact = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  const name = row.customer.name ?? t('inbox.unknownCustomer');
  const preview = row.lastMessage?.preview;
  return (
    <tr className={active ? 'active' : undefined} data-id={row.id} onFocus={onFocusRow}>
      <td className="select">
        <input
          type="checkbox"
          checked={selected}
          onClick={onSelect}
          onChange={() => undefined}
          aria-label={t('inbox.selectRow', { name })}
        />
      </td>
      <th scope="row" className="customer">
        <Link href={`/conversations/${row.id}`}>{name}</Link>
      </th>
      <td className="subject">
        <span className="subject-line">{row.subject ?? t('inbox.noSubject')}</span>
        {preview && <span className="preview">{preview}</span>}
      </td>
      <td>
        {row.language ? (
          <span className="badge" lang={row.language}>
            {row.language}
          </span>
        ) : null}
      </td>
      <td>{channelLabel(t, row.channel)}</td>
      <td>{assignee ?? <span className="muted">{t('inbox.unassigned')}</span>}</td>
      <td className={row.slaDue?.breached ? 'sla breached' : 'sla'}>
        {row.slaDue ? (
          <time dateTime={row.slaDue.at} title={exact(row.slaDue.at)}>
            {row.slaDue.breached ? t('inbox.slaBreached', { when: rel(row.slaDue.at) }) : rel(row.slaDue.at)}
          </time>
        ) : null}
      </td>
      <td>
        <time dateTime={row.updatedAt} title={exact(row.updatedAt)}>
          {rel(row.updatedAt)}
        </time>
      </td>
    </tr>
  );
}
