import { useState } from 'react';
import { useT } from '../i18n/use-t';
import { checkTone, previewTranslation, type Outcome, type ToneFinding } from './conversation-api';
import { useLanguageName } from './format';

interface Props {
  conversationId: string;
  text: string;
  /** The language the draft is written in, and the one the customer receives. */
  source: string;
  target: string;
}

/** Translation preview with back-translation, and the tone check of the draft against the customer's culture. */
export function ComposerAssist({ conversationId, text, source, target }: Props) {
  const t = useT();
  const lang = useLanguageName();
  const [preview, setPreview] = useState<{ translation: Outcome; backTranslation: Outcome | null } | null>(null);
  const [findings, setFindings] = useState<ToneFinding[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const translates = source.split('-')[0] !== target.split('-')[0];
  const empty = text.trim() === '';

  async function run<T>(fn: () => Promise<T>, then: (v: T) => void) {
    setError(null);
    try {
      then(await fn());
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <div className="assist">
      <div className="row">
        {translates ? (
          <button
            type="button"
            className="secondary"
            disabled={empty}
            onClick={() => void run(() => previewTranslation(text, source, target), setPreview)}
          >
            {t('composer.preview')}
          </button>
        ) : null}
        <button
          type="button"
          className="secondary"
          disabled={empty}
          onClick={() =>
            void run(
              () => checkTone(text, source, conversationId),
              (r) => setFindings(r.findings),
            )
          }
        >
          {t('composer.toneCheck')}
        </button>
      </div>
      {error ? <p role="alert">{t('error.generic', { message: error })}</p> : null}
      {preview && translates ? (
        <div className="preview" data-testid="translation-preview">
          <p className="muted small">{t('composer.previewHeading', { language: lang(target) })}</p>
          <p className="pre" lang={target}>
            {preview.translation.text ?? t('composer.previewFailed', { flags: preview.translation.flags.join(', ') })}
          </p>
          {preview.backTranslation?.text ? (
            <>
              <p className="muted small">{t('composer.backTranslation')}</p>
              <p className="pre" lang={source}>
                {preview.backTranslation.text}
              </p>
            </>
          ) : null}
        </div>
      ) : null}
      {findings ? (
        <div role="status" data-testid="tone-findings">
          {findings.length === 0 ? (
            <p className="muted">{t('composer.toneClean')}</p>
          ) : (
            <ul className="findings">
              {findings.map((f, i) => (
                <li key={i} className={`finding-${f.severity}`}>
                  {f.message}
                  {f.suggestion ? ` — ${f.suggestion}` : ''}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
