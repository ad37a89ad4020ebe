import { useState } from 'react';
import { useLanguageName } from '../conversation/format';
import { useT } from '../i18n/use-t';
import { Dialog } from '../settings/dialog';
import { announceOutcome, untold, type Outcome } from './change-form';
import { changesApi, type Change } from './changes-api';

/** Announce, after a confirmation naming how many customers will be told; then what the server reports. */
export function AnnouncePanel({ change, onAnnounced }: { change: Change; onAnnounced(): void }) {
  const t = useT();
  const languageName = useLanguageName();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const count = untold(change);

  async function announce() {
    setBusy(true);
    try {
      setOutcome(announceOutcome(await changesApi.announce(change.id)));
      setError(null);
      onAnnounced();
    } catch (err) {
      setOutcome(null);
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <section aria-labelledby="announce-h" className="report">
      <h2 id="announce-h">{t('changes.announceTitle')}</h2>
      <p className="muted">{t('changes.announceHelp')}</p>
      <button type="button" onClick={() => setConfirming(true)} disabled={change.counts.links === 0}>
        {t('changes.announce')}
      </button>
      {confirming && (
        <Dialog title={t('changes.confirmTitle', { title: change.title })} onClose={() => setConfirming(false)}>
          <p>{t('changes.confirmText', { count })}</p>
          <div className="form-actions">
            <button type="button" disabled={busy} onClick={() => void announce()}>
              {t('changes.confirmAnnounce', { count })}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('settings.cancel')}
            </button>
          </div>
        </Dialog>
      )}
      {error && (
        <p role="alert" className="error">
          {t('error.generic', { message: error })}
        </p>
      )}
      <div role="status" className="announce-outcome">
        {outcome && (
          <>
            <p>{t('changes.outcome', { count: outcome.sent, already: outcome.alreadyTold })}</p>
            {outcome.languages.length > 0 && (
              <p>
                {t('changes.outcomeLanguages', {
                  names: outcome.languages.map((l) => `${languageName(l.language)} ${l.count}`).join(', '),
                })}
              </p>
            )}
            {outcome.fallbacks > 0 && (
              <p>
                {t('changes.outcomeFallbacks', {
                  count: outcome.fallbacks,
                  flags: outcome.reasons.map((r) => `${r.flag} (${r.count})`).join(', '),
                })}
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
