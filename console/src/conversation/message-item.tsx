import { useState } from 'react';
import { useT } from '../i18n/use-t';
import type { AttachmentMeta, Message, Translation } from './conversation-api';
import { EmailHtmlFrame } from './email-html-frame';
import { useDateTime, useLanguageName } from './format';

interface Props {
  message: Message;
  /** The translation into the agent's language, when the agent does not read the original. */
  translation: Translation | null;
  attachments: AttachmentMeta[];
  authorName: string;
  /** The page-wide original/translation switch (key t); each message's own toggle flips it. */
  originals: boolean;
  onApprove(messageId: string): void;
}

/** One message of the timeline: translation over the original (toggle), delivered translation, review state, attachments. */
export function MessageItem({ message: m, translation, attachments, authorName, originals, onApprove }: Props) {
  const t = useT();
  const lang = useLanguageName();
  const when = useDateTime();
  const [flipped, setFlipped] = useState(false);
  const showOriginal = originals !== flipped;
  const translated = translation !== null && !showOriginal;
  const delivered = m.direction === 'outbound' ? m.translations?.find((x) => x.delivered) : undefined;

  return (
    <article className={`msg msg-${m.direction}`} aria-label={t('conv.messageFrom', { author: authorName })} data-testid="message">
      <header className="msg-head">
        <strong>{authorName}</strong>
        <span className="muted">
          {m.direction === 'note' ? t('conv.internalNote') : null} <time dateTime={m.createdAt}>{when(m.createdAt)}</time>
          {m.language ? ` · ${lang(m.language)}` : ''}
        </span>
      </header>
      {translated ? (
        <div className="msg-body" lang={translation.language} data-testid="message-translation">
          <p className="muted small">{t('conv.translatedFrom', { language: lang(translation.sourceLanguage) })}</p>
          <p className="pre">{translation.text}</p>
        </div>
      ) : m.html ? (
        <EmailHtmlFrame html={m.html} title={t('conv.emailBody', { author: authorName })} />
      ) : (
        <p className="msg-body pre" lang={m.language ?? undefined} data-testid="message-original">
          {m.text}
        </p>
      )}
      {translation ? (
        <button type="button" className="link-button" aria-pressed={showOriginal} onClick={() => setFlipped((v) => !v)}>
          {showOriginal ? t('conv.showTranslation') : t('conv.showOriginal')}
        </button>
      ) : null}
      {delivered?.text ? (
        <div className="msg-delivered" lang={delivered.language} data-testid="message-delivered">
          <p className="muted small">{t('conv.deliveredIn', { language: lang(delivered.language) })}</p>
          <p className="pre">{delivered.text}</p>
          {delivered.backText ? <p className="muted small">{t('conv.backTranslation', { text: delivered.backText })}</p> : null}
        </div>
      ) : null}
      {m.review?.status === 'awaiting_review' ? (
        <div className="msg-review" role="status">
          <strong>{t('conv.awaitingReview', { language: lang(m.review.language) })}</strong>{' '}
          <span className="muted">{m.review.reasons.map((r) => r.term ?? r.category).join(', ')}</span>{' '}
          <button type="button" onClick={() => onApprove(m.id)}>
            {t('conv.approve')}
          </button>
        </div>
      ) : null}
      {attachments.length > 0 ? (
        <ul className="attachments" aria-label={t('conv.attachments')}>
          {attachments.map((a) => (
            <li key={a.id}>
              {/* Downloaded, never shown inline: the server answers with Content-Disposition: attachment. */}
              <a href={`/api/v1/attachments/${a.id}`} download={a.name}>
                {t('conv.download', { name: a.name, size: Math.ceil(a.size / 1024) })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
