import { useT } from '../i18n/use-t';
import type { AttachmentMeta, Message, Translation } from './conversation-api';
import { useDateTime } from './format';
import { MessageItem } from './message-item';
import type { TimelineItem } from './timeline-items';

interface Props {
  items: TimelineItem[];
  attachmentsOf(messageId: string): AttachmentMeta[];
  translationOf(message: Message): Translation | null;
  authorOf(message: Message): string;
  originals: boolean;
  onApprove(messageId: string): void;
}

/** The conversation's history: messages, routing decisions ("why is this here", handovers), SLA milestones and linked changes. */
export function Timeline({ items, attachmentsOf, translationOf, authorOf, originals, onApprove }: Props) {
  const t = useT();
  const when = useDateTime();
  return (
    <ol className="timeline" aria-label={t('conv.timeline')}>
      {items.map((item) => (
        <li key={item.key}>
          {item.kind === 'message' ? (
            <MessageItem
              message={item.message}
              translation={translationOf(item.message)}
              attachments={attachmentsOf(item.message.id)}
              authorName={authorOf(item.message)}
              originals={originals}
              onApprove={onApprove}
            />
          ) : item.kind === 'routing' ? (
            <div className="event" data-testid="routing-event">
              <p>
                <strong>{item.decision.handover ? t('conv.handover') : t('conv.routed', { trigger: item.decision.trigger })}</strong>{' '}
                <time className="muted" dateTime={item.at}>
                  {when(item.at)}
                </time>
              </p>
              {item.decision.handover ? <p>{item.decision.handover.note}</p> : null}
              <details>
                <summary>{t('conv.whyHere')}</summary>
                <ul>
                  {item.decision.steps.map((s, i) => (
                    <li key={i}>{s.text}</li>
                  ))}
                </ul>
              </details>
            </div>
          ) : item.kind === 'change' ? (
            <div className="event" data-testid="change-event">
              <strong>{t('conv.changeEvent', { state: item.told, title: item.link.change.title })}</strong>{' '}
              <time className="muted" dateTime={item.at}>
                {when(item.at)}
              </time>
            </div>
          ) : (
            <div className={`event sla-${item.event}`} data-testid="sla-event">
              <strong>{t('conv.slaEvent', { event: item.event, metric: item.clock.metric })}</strong>{' '}
              <time className="muted" dateTime={item.at}>
                {when(item.at)}
              </time>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
