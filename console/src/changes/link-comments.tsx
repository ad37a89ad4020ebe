import { useId, useState } from 'react';
import { useT } from '../i18n/use-t';
import { listData, useLoad } from '../settings/use-load';
import { changesApi, type Change, type Page } from './changes-api';

/** The Feedback page's "link to change": the selected comments, as one group, linked to a change picked by title. */
export function LinkComments({ responseIds, onLinked }: { responseIds: string[]; onLinked(): void }) {
  const t = useT();
  const id = useId();
  const [changes] = useLoad<Page<Change>>(changesApi.listPath);
  const [changeId, setChangeId] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const list = listData(changes);
  const chosen = list.find((c) => c.id === changeId) ?? list[0];

  async function link() {
    if (!chosen || responseIds.length === 0) return;
    try {
      const r = await changesApi.link(chosen.id, { responseIds });
      setError(null);
      setStatus(t('changes.commentsLinked', { count: r.added, already: r.alreadyLinked, title: chosen.title }));
      onLinked();
    } catch (err) {
      setStatus('');
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <div className="link-to-change">
      {changes.status === 'ok' && list.length === 0 ? (
        <p className="muted">{t('changes.noneToLink')}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-change`}>{t('changes.linkToChange')}</label>
            <select id={`${id}-change`} value={chosen?.id ?? ''} onChange={(e) => setChangeId(e.target.value)}>
              {list.map((c) => (
                <option key={c.id} value={c.id}>
                  {`${c.title} (${t(`changes.status.${c.status}`)})`}
                </option>
              ))}
            </select>
          </div>
          <button type="button" aria-disabled={responseIds.length === 0 || !chosen} onClick={() => void link()}>
            {t('changes.linkSelected', { count: responseIds.length })}
          </button>
        </>
      )}
      {error && (
        <p role="alert" className="error">
          {t('error.generic', { message: error })}
        </p>
      )}
      <p role="status">{status}</p>
    </div>
  );
}
