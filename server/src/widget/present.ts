import type { Queryable } from '../db/types.js';
import { SCALE } from '../surveys/survey-kinds.js';
import { surveyTexts } from '../surveys/survey-texts.js';
import type { WidgetAttachment, WidgetMessage, WidgetSurvey } from './protocol.js';
import { messageAttachments, type VisibleMessageRow } from './widget.repo.js';

/** A stored message as the visitor reads it: the delivered translation (with its notice) for translated replies. */
export function widgetMessage(r: VisibleMessageRow, attachments: WidgetAttachment[] = []): WidgetMessage {
  // Replies written through the API are someone answering too; only Meridian's own messages (acknowledgements) are 'system'.
  const author = r.direction === 'inbound' ? 'visitor' : r.authorType === 'system' ? 'system' : 'agent';
  const survey = r.survey && author === 'system' ? widgetSurvey(r.survey) : null;
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
    ...(survey ? { survey } : {}),
  };
}

/** A survey invitation's scale for the widget, in the survey's language; null when its link is not ours to read. */
function widgetSurvey(s: NonNullable<VisibleMessageRow['survey']>): WidgetSurvey | null {
  const token = /\/s\/([A-Za-z0-9._-]+)$/.exec(s.url ?? '')?.[1];
  if (!token) return null;
  const { key, texts } = surveyTexts(s.locale);
  return {
    token,
    ...SCALE[s.kind],
    lang: key,
    dir: texts.dir,
    legend: texts.scoreLegend,
    ends: `${SCALE[s.kind].min} = ${texts.low[s.kind]} · ${SCALE[s.kind].max} = ${texts.high[s.kind]}`,
    thanks: texts.thanks,
    answered: texts.alreadyAnswered,
    done: s.answered,
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
