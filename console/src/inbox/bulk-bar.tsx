import { useState } from 'react';
import { useT } from '../i18n/use-t';
import type { BulkAction, BulkResult, Named } from './inbox-api';

interface Props {
  count: number;
  meId: string | null;
  agents: Named[];
  busy: boolean;
  failures: { name: string; result: BulkResult }[];
  onAction(action: BulkAction): void;
  onClear(): void;
}

/** Actions on the selected rows through POST /conversations/bulk; failures are listed per conversation. */
export function BulkBar({ count, meId, agents, busy, failures, onAction, onClear }: Props) {
  const t = useT();
  const [agent, setAgent] = useState('');
  const [tag, setTag] = useState('');
  const tags = tag.trim() ? [tag.trim()] : null;
  return (
    <div className="bulk-bar">
      {count > 0 && (
        <div role="toolbar" aria-label={t('inbox.bulk.label')} className="bulk-actions">
          <span aria-live="polite">{t('inbox.bulk.selected', { count })}</span>
          {meId && (
            <button type="button" disabled={busy} onClick={() => onAction({ assign: { assigneeId: meId } })}>
              {t('inbox.bulk.assignToMe')}
            </button>
          )}
          <label>
            <span className="visually-hidden">{t('inbox.bulk.agent')}</span>
            <select value={agent} onChange={(e) => setAgent(e.target.value)}>
              <option value="">{t('inbox.bulk.agent')}</option>
              {agents.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={busy || !agent} onClick={() => onAction({ assign: { assigneeId: agent } })}>
            {t('inbox.bulk.assign')}
          </button>
          <button type="button" disabled={busy} onClick={() => onAction({ assign: { assigneeId: null } })}>
            {t('inbox.bulk.unassign')}
          </button>
          <label>
            <span className="visually-hidden">{t('inbox.bulk.tag')}</span>
            <input
              type="text"
              value={tag}
              size={10}
              maxLength={64}
              placeholder={t('inbox.bulk.tag')}
              onChange={(e) => setTag(e.target.value)}
            />
          </label>
          <button type="button" disabled={busy || !tags} onClick={() => tags && onAction({ tag: { add: tags } })}>
            {t('inbox.bulk.addTag')}
          </button>
          <button type="button" disabled={busy || !tags} onClick={() => tags && onAction({ tag: { remove: tags } })}>
            {t('inbox.bulk.removeTag')}
          </button>
          <button type="button" disabled={busy} onClick={() => onAction({ status: 'solved' })}>
            {t('inbox.bulk.solve')}
          </button>
          <button type="button" disabled={busy} onClick={() => onAction({ status: 'closed' })}>
            {t('inbox.bulk.close')}
          </button>
          <button type="button" className="secondary" onClick={onClear}>
            {t('inbox.bulk.clear')}
          </button>
        </div>
      )}
      {failures.length > 0 && (
        <div role="alert" className="bulk-failures">
          <p>{t('inbox.bulk.failed', { count: failures.length })}</p>
          <ul>
            {failures.map((f) => (
              <li key={f.result.id}>
                {f.name}: {f.result.error?.message ?? f.result.error?.code}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
