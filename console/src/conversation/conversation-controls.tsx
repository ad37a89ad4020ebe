import { useId } from 'react';
import { useT } from '../i18n/use-t';
import { STATUSES, type AgentSummary, type Conversation, type Status } from './conversation-api';

interface Props {
  conversation: Conversation;
  agents: AgentSummary[];
  meId: string | null;
  onChange(body: { status?: Status; assigneeId?: string | null }): void;
}

/** Status and assignee of the conversation. */
export function ConversationControls({ conversation: c, agents, meId, onChange }: Props) {
  const t = useT();
  const ids = { status: useId(), assignee: useId() };
  return (
    <div className="controls row">
      <label htmlFor={ids.status}>{t('conv.status')}</label>
      <select id={ids.status} value={c.status} onChange={(e) => onChange({ status: e.target.value as Status })} data-testid="status-select">
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t('conv.statusName', { status: s })}
          </option>
        ))}
      </select>
      <label htmlFor={ids.assignee}>{t('conv.assignee')}</label>
      <select id={ids.assignee} value={c.assigneeId ?? ''} onChange={(e) => onChange({ assigneeId: e.target.value || null })}>
        <option value="">{t('conv.unassigned')}</option>
        {agents.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      {meId && c.assigneeId !== meId ? (
        <button type="button" className="secondary" onClick={() => onChange({ assigneeId: meId })} aria-keyshortcuts="a">
          {t('conv.assignToMe')}
        </button>
      ) : null}
    </div>
  );
}
