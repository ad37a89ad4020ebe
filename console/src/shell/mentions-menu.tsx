import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { listUnreadMentions, readMentions, type Mention } from '../api/mentions';
import { useT } from '../i18n/use-t';
import { useMe } from '../session/session';
import { isHello } from '../stream/stream';
import { useStreamEvents } from '../stream/stream-provider';

const openConversation = (location: string): string | null => /^\/conversations\/([^/?#]+)/.exec(location)?.[1] ?? null;

/**
 * Unread mentions in notes: a count in the top bar, the list behind it, a spoken line when someone
 * mentions you. The conversation on screen has its mentions marked read as it opens, and as they arrive.
 */
export function MentionsMenu() {
  const t = useT();
  const me = useMe();
  const [location] = useLocation();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [mentions, setMentions] = useState<Mention[]>([]);
  const [unread, setUnread] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const agentId = me.agent?.id;
  const onScreen = openConversation(location);
  const latest = useRef(0);

  /** Reloads the unread list; the page it shows, or null when a later reload overtook it or it failed. */
  const refresh = useCallback(async () => {
    const call = ++latest.current;
    const page = await listUnreadMentions().catch(() => null);
    if (!page || call !== latest.current) return null;
    setMentions(page.data);
    setUnread(page.unread);
    return page;
  }, []);

  useEffect(() => {
    if (!agentId) return;
    if (onScreen) void readMentions({ conversationId: onScreen }).then(refresh, refresh);
    else void refresh();
  }, [agentId, onScreen, refresh]);

  useStreamEvents((frame) => {
    if (!agentId) return;
    if (isHello(frame)) return void refresh();
    if (frame.type === 'mentions.read' && frame.payload['agentId'] === agentId) return void refresh();
    if (frame.type !== 'note.mentioned' || frame.payload['agentId'] !== agentId) return;
    const conversationId = String(frame.payload['conversationId']);
    if (conversationId === onScreen) return void readMentions({ conversationId }).then(refresh, refresh);
    void refresh().then((page) => {
      const m = page?.data.find((x) => x.id === frame.payload['mentionId']);
      if (m) setAnnouncement(t('mentions.announce', { name: m.byName ?? '?', subject: m.subject ?? t('conv.noSubject') }));
    });
  });

  if (!agentId) return null;
  return (
    <div className="mentions-menu">
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((v) => !v)}
        data-testid="mentions-button"
      >
        {t('mentions.button')} <span className="count">{unread}</span>
      </button>
      <span role="status" className="visually-hidden" data-testid="mentions-announcement">
        {announcement}
      </span>
      {open ? (
        <div id={listId} className="mentions-popover">
          {mentions.length === 0 ? (
            <p className="muted">{t('mentions.empty')}</p>
          ) : (
            <ul aria-label={t('mentions.listLabel')}>
              {mentions.map((m) => (
                <li key={m.id}>
                  <Link href={`/conversations/${m.conversationId}`} onClick={() => setOpen(false)}>
                    {t('mentions.item', { name: m.byName ?? '?', subject: m.subject ?? t('conv.noSubject') })}
                  </Link>
                  <p className="muted small">{m.excerpt}</p>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
