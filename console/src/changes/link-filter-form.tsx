import { useId, useState, type FormEvent } from 'react';
import { isApiError } from '../api/client';
import { useT } from '../i18n/use-t';
import { filterBody } from './change-form';
import { changesApi, type LinkFilter } from './changes-api';

/** Links every conversation matching a tag, a language and search text (as the inbox filters them). */
export function LinkFilterForm({ changeId, onLinked }: { changeId: string; onLinked(): void }) {
  const t = useT();
  const id = useId();
  const [filter, setFilter] = useState<LinkFilter>({ tag: '', language: '', q: '' });
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = filterBody(filter);
    if (!body) {
      setError(t('changes.filterEmpty'));
      return;
    }
    setBusy(true);
    try {
      const r = await changesApi.link(changeId, { filter: body });
      setError(null);
      setStatus(t('changes.linked', { count: r.added, already: r.alreadyLinked }));
      onLinked();
    } catch (err) {
      setStatus('');
      const details = isApiError(err) ? err.details.map((d) => `${d.path.replace(/^body\/filter\/?/, '')}: ${d.message}`) : [];
      setError(details.length ? details.join('; ') : err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const field = (k: keyof LinkFilter, label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${k}`}>{label}</label>
      <input
        id={`${id}-${k}`}
        type={k === 'q' ? 'search' : 'text'}
        value={filter[k] ?? ''}
        maxLength={k === 'q' ? 200 : 50}
        aria-describedby={hint ? `${id}-${k}-hint` : undefined}
        onChange={(e) => setFilter({ ...filter, [k]: e.target.value })}
      />
      {hint && (
        <p id={`${id}-${k}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );

  return (
    <form className="entity-form change-filter" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="editor">
        <legend>{t('changes.linkByFilter')}</legend>
        <p className="muted">{t('changes.linkByFilterHelp')}</p>
        {field('tag', t('inbox.filter.tag'))}
        {field('language', t('settings.field.language'), t('changes.hint.language'))}
        {field('q', t('inbox.search'))}
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t('changes.linkMatching')}
          </button>
        </div>
      </fieldset>
      {error && (
        <p role="alert" className="error">
          {t('error.generic', { message: error })}
        </p>
      )}
      <p role="status" className="saved">
        {status}
      </p>
    </form>
  );
}
