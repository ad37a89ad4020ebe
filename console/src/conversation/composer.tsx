import { forwardRef, useId, useImperativeHandle, useRef, useState } from 'react';
import { useT } from '../i18n/use-t';
import { useMe } from '../session/session';
import { scheduleMessage, sendMessage, type AgentSummary, type Message } from './conversation-api';
import { ComposerAssist } from './composer-assist';
import { useLanguageName } from './format';
import { MentionSuggestions } from './mention-suggestions';
import { SendLater } from './send-later';
import { TemplatePicker } from './template-picker';
import { mentionedAgents } from './timeline-items';

export type ComposerMode = 'reply' | 'note';

export interface ComposerHandle {
  focus(mode: ComposerMode): void;
  send(): void;
}

interface Props {
  conversationId: string;
  /** The language the customer receives (the conversation's, else the customer's locale). */
  customerLanguage: string;
  agents: AgentSummary[];
  onSent(message: Message | null): void;
}

const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();

/** Reply or internal note: written in the agent's language and delivered translated, templates, tone check, mentions, send later. */
export const Composer = forwardRef<ComposerHandle, Props>(function Composer({ conversationId, customerLanguage, agents, onSent }, ref) {
  const t = useT();
  const lang = useLanguageName();
  const me = useMe();
  const ids = { text: useId(), lang: useId() };
  const area = useRef<HTMLTextAreaElement>(null);
  const myLanguages = me.agent?.languages ?? [{ tag: 'en', proficiency: 'native' as const }];
  const readsCustomer = myLanguages.some((l) => primary(l.tag) === primary(customerLanguage) && l.proficiency !== 'basic');
  const [mode, setMode] = useState<ComposerMode>('reply');
  const [text, setText] = useState('');
  const [writtenIn, setWrittenIn] = useState(readsCustomer ? primary(customerLanguage) : primary(myLanguages[0]!.tag));
  const [busy, setBusy] = useState(false);
  // Bumped on each send: the preview and tone findings belong to the draft just sent.
  const [round, setRound] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const languageChoices = [...new Set([primary(customerLanguage), writtenIn, ...myLanguages.map((l) => primary(l.tag))])];

  async function submit(action: () => Promise<Message | null>, done: (m: Message | null) => string) {
    if (!text.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      const m = await action();
      setText('');
      setRound((n) => n + 1);
      setNotice(done(m));
      onSent(m);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const send = () =>
    submit(
      () => {
        if (mode === 'note') {
          const mentioned = mentionedAgents(text, agents);
          return sendMessage(conversationId, {
            direction: 'note',
            text,
            ...(mentioned.length ? { mentions: mentioned.map((a) => a.id) } : {}),
          });
        }
        const translate = writtenIn !== primary(customerLanguage);
        return sendMessage(conversationId, {
          direction: 'outbound',
          text,
          language: writtenIn,
          ...(translate ? { translateTo: primary(customerLanguage) } : {}),
        });
      },
      (m) =>
        m?.review?.status === 'awaiting_review'
          ? t('composer.heldForReview', { language: lang(m.review.language) })
          : mode === 'note'
            ? t('composer.noteAdded')
            : t('composer.sent'),
    );

  useImperativeHandle(ref, () => ({
    focus(next) {
      setMode(next);
      area.current?.focus();
    },
    send: () => void send(),
  }));

  return (
    <section className="composer" aria-labelledby="composer-heading">
      <h2 id="composer-heading" className="visually-hidden">
        {t('composer.heading')}
      </h2>
      <div className="row" role="radiogroup" aria-label={t('composer.mode')}>
        {(['reply', 'note'] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={mode === m}
            className={mode === m ? '' : 'secondary'}
            onClick={() => setMode(m)}
          >
            {m === 'reply' ? t('composer.reply') : t('composer.note')}
          </button>
        ))}
      </div>
      {mode === 'reply' ? (
        <div className="row">
          <label htmlFor={ids.lang}>{t('composer.writtenIn')}</label>
          <select id={ids.lang} value={writtenIn} onChange={(e) => setWrittenIn(e.target.value)}>
            {languageChoices.map((l) => (
              <option key={l} value={l}>
                {lang(l)}
              </option>
            ))}
          </select>
          <span data-testid="customer-receives">{t('composer.customerReceives', { language: lang(customerLanguage) })}</span>
        </div>
      ) : null}
      <label htmlFor={ids.text}>{mode === 'reply' ? t('composer.replyLabel') : t('composer.noteLabel')}</label>
      <textarea
        id={ids.text}
        ref={area}
        rows={5}
        value={text}
        className={mode === 'note' ? 'note-text' : ''}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send();
          }
        }}
      />
      {mode === 'note' ? <MentionSuggestions text={text} agents={agents} onPick={setText} /> : null}
      {mode === 'reply' ? (
        <TemplatePicker
          conversationId={conversationId}
          onInsert={(r) => {
            setText(r.text);
            setWrittenIn(primary(r.locale));
            area.current?.focus();
          }}
        />
      ) : null}
      {mode === 'reply' ? (
        <ComposerAssist key={round} conversationId={conversationId} text={text} source={writtenIn} target={primary(customerLanguage)} />
      ) : null}
      <div className="row">
        <button type="button" onClick={() => void send()} disabled={busy || !text.trim()} aria-keyshortcuts="Control+Enter">
          {mode === 'reply' ? t('composer.send') : t('composer.addNote')}
        </button>
        {mode === 'reply' ? (
          <SendLater
            disabled={busy || !text.trim()}
            // Translated when it goes out, and held for review then like a reply sent at that moment.
            onSchedule={(sendAt) =>
              void submit(
                () =>
                  scheduleMessage(conversationId, {
                    text,
                    language: writtenIn,
                    sendAt,
                    ...(writtenIn !== primary(customerLanguage) ? { translateTo: primary(customerLanguage) } : {}),
                  }).then(() => null),
                () => t('composer.scheduled'),
              )
            }
          />
        ) : null}
      </div>
      {error ? <p role="alert">{t('error.generic', { message: error })}</p> : null}
      <p role="status" className="muted" data-testid="composer-status">
        {notice}
      </p>
    </section>
  );
});
