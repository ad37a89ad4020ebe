import { useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../i18n/use-t';
import { PageHeading } from '../pages/page-heading';
import { useMe } from '../session/session';
import { approveMessage, updateConversation, type Conversation, type Message, type Status } from './conversation-api';
import { Composer, type ComposerHandle } from './composer';
import { ConversationControls } from './conversation-controls';
import { CustomerPanel } from './customer-panel';
import { ShortcutsDialog } from '../shortcuts/shortcuts-dialog';
import { useShortcuts } from '../shortcuts/use-shortcuts';
import { CONVERSATION_SHORTCUTS } from './shortcuts';
import { SlaTimers } from './sla-timers';
import { Timeline } from './timeline';
import { timelineItems, translationFor } from './timeline-items';
import type { ConversationData } from './use-conversation';
import './conversation.css';

/** Re-renders every 30 s, for countdowns. */
function useTick(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** The conversation page once loaded: header with controls and SLA, timeline and composer, customer panel. */
export function ConversationView({ data, reload }: { data: ConversationData; reload(): void }) {
  const t = useT();
  const me = useMe();
  const now = useTick();
  const composer = useRef<ComposerHandle>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [originals, setOriginals] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A change shows at once; it holds until the reload after it brings the server's conversation.
  const [pending, setPending] = useState<{
    base: ConversationData['conversation'];
    values: Partial<Pick<Conversation, 'status' | 'assigneeId'>>;
  }>();
  const { customer, agents } = data;
  const c = pending?.base === data.conversation ? { ...data.conversation, ...pending.values } : data.conversation;
  const items = useMemo(
    () => timelineItems(data.messages, data.routing, c.sla, data.changes),
    [data.messages, data.routing, c.sla, data.changes],
  );
  const names = useMemo(() => new Map(agents.map((a) => [a.id, a.name])), [agents]);
  const languages = me.agent?.languages ?? [];
  const customerLanguage = c.language ?? customer.locale ?? 'en';

  const act = (fn: () => Promise<unknown>) =>
    void fn().then(reload, (err: unknown) => {
      setPending(undefined);
      setError(err instanceof Error ? err.message : String(err));
    });
  const change = (body: { status?: Status; assigneeId?: string | null }) => {
    setPending({ base: data.conversation, values: body });
    act(() => updateConversation(c.id, body));
  };

  useShortcuts({
    r: () => composer.current?.focus('reply'),
    n: () => composer.current?.focus('note'),
    s: () => change({ status: 'solved' }),
    a: () => me.agent && change({ assigneeId: me.agent.id }),
    t: () => setOriginals((v) => !v),
    '?': () => setHelpOpen(true),
  });

  const authorOf = (m: Message) =>
    m.direction === 'inbound'
      ? (customer.name ?? customer.emails[0] ?? t('conv.customer'))
      : m.authorId
        ? (names.get(m.authorId) ?? t('conv.agent'))
        : t('conv.system');

  return (
    <div className="conversation">
      <div className="conv-main">
        <header className="conv-head">
          <PageHeading>{c.subject ?? t('conv.noSubject')}</PageHeading>
          <p className="muted">{t('conv.meta', { channel: c.channel, status: c.status, priority: c.priority })}</p>
          <ConversationControls conversation={c} agents={agents} meId={me.agent?.id ?? null} onChange={change} />
          <SlaTimers sla={c.sla} customerTimeZone={customer.timeZone} now={now} />
          <button type="button" className="link-button" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
            {t('shortcuts.title')}
          </button>
          {error ? <p role="alert">{t('error.generic', { message: error })}</p> : null}
        </header>
        <Timeline
          items={items}
          attachmentsOf={(id) => data.attachments.filter((a) => a.messageId === id)}
          translationOf={(m) => (m.direction === 'inbound' ? translationFor(m, languages) : null)}
          authorOf={authorOf}
          originals={originals}
          onApprove={(id) => act(() => approveMessage(id))}
        />
        {data.scheduled.some((s) => s.status === 'scheduled') ? (
          <ul className="scheduled" aria-label={t('composer.scheduledList')}>
            {data.scheduled
              .filter((s) => s.status === 'scheduled')
              .map((s) => (
                <li key={s.id}>{t('composer.scheduledItem', { when: new Date(s.sendAt), text: s.text ?? '' })}</li>
              ))}
          </ul>
        ) : null}
        <Composer ref={composer} conversationId={c.id} customerLanguage={customerLanguage} agents={agents} onSent={reload} />
      </div>
      <aside className="conv-side" aria-label={t('conv.customerPanel')}>
        <CustomerPanel customer={customer} culture={data.culture} others={data.otherConversations} />
      </aside>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} shortcuts={CONVERSATION_SHORTCUTS} />
    </div>
  );
}
