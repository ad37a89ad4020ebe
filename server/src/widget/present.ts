import type { WidgetMessage } from './protocol.js';
import type { VisibleMessageRow } from './widget.repo.js';

/** A stored message as the visitor reads it: the delivered translation (with its notice) for translated replies. */
export function widgetMessage(r: VisibleMessageRow): WidgetMessage {
  // Replies written through the API are someone answering too; only Meridian's own messages (acknowledgements) are 'system'.
  const author = r.direction === 'inbound' ? 'visitor' : r.authorType === 'system' ? 'system' : 'agent';
  const text = r.deliveredText !== null ? (r.deliveredNotice ? `${r.deliveredText}\n\n${r.deliveredNotice}` : r.deliveredText) : r.text;
  return {
    id: r.id,
    conversationId: r.conversationId,
    author,
    ...(author === 'agent' && r.authorName ? { authorName: r.authorName } : {}),
    text,
    attachments: [],
    ...(r.clientId ? { clientId: r.clientId } : {}),
    createdAt: new Date(r.createdAt).toISOString(),
  };
}
