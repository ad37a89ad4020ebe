import type { Queryable } from '../db/types.js';
import type { WidgetAttachment, WidgetMessage } from './protocol.js';
import { messageAttachments, type VisibleMessageRow } from './widget.repo.js';

/** A stored message as the visitor reads it: the delivered translation (with its notice) for translated replies. */
export function widgetMessage(r: VisibleMessageRow, attachments: WidgetAttachment[] = []): WidgetMessage {
  // Replies written through the API are someone answering too; only Meridian's own messages (acknowledgements) are 'system'.
  const author = r.direction === 'inbound' ? 'visitor' : r.authorType === 'system' ? 'system' : 'agent';
  const text = r.deliveredText !== null ? (r.deliveredNotice ? `${r.deliveredText}\n\n${r.deliveredNotice}` : r.deliveredText) : r.text;
  return {
    id: r.id,
    conversationId: r.conversationId,
    author,
    ...(author === 'agent' && r.authorName ? { authorName: r.authorName } : {}),
    text,
    attachments,
    ...(r.clientId ? { clientId: r.clientId } : {}),
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

/** Messages as the visitor reads them, with their attachments (one query for all). */
export async function presentMessages(q: Queryable, workspaceId: string, rows: readonly VisibleMessageRow[]): Promise<WidgetMessage[]> {
  const files = await messageAttachments(
    q,
    workspaceId,
    rows.map((r) => r.id),
  );
  const by = new Map<string, WidgetAttachment[]>();
  for (const f of files) {
    const list = by.get(f.messageId) ?? [];
    list.push({ id: f.id, name: f.name, contentType: f.contentType, size: f.size });
    by.set(f.messageId, list);
  }
  return rows.map((r) => widgetMessage(r, by.get(r.id)));
}
