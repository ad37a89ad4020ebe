import { useEffect, useId, useState } from 'react';
import { useT } from '../i18n/use-t';
import { listTemplates, renderTemplate, type Rendered, type Template } from './conversation-api';

/** Pick a template; it is rendered for this conversation's customer (their locale and formality) and handed to the composer. */
export function TemplatePicker({ conversationId, onInsert }: { conversationId: string; onInsert(r: Rendered): void }) {
  const t = useT();
  const id = useId();
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    listTemplates().then(
      (list) => !cancelled && setTemplates(list),
      () => !cancelled && setTemplates([]),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  async function insert() {
    if (!chosen) return;
    setError(null);
    try {
      onInsert(await renderTemplate(chosen, conversationId));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  if (!templates?.length) return null;
  return (
    <div className="row">
      <label htmlFor={id}>{t('composer.template')}</label>
      <select id={id} value={chosen} onChange={(e) => setChosen(e.target.value)}>
        <option value="">{t('composer.templateNone')}</option>
        {templates.map((tpl) => (
          <option key={tpl.id} value={tpl.id}>
            {tpl.name}
          </option>
        ))}
      </select>
      <button type="button" className="secondary" onClick={() => void insert()} disabled={!chosen}>
        {t('composer.templateInsert')}
      </button>
      {error ? <span role="alert">{t('error.generic', { message: error })}</span> : null}
    </div>
  );
}
