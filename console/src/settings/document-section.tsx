import type { ReactNode } from 'react';
import { api } from '../api/client';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { EntityForm } from './entity-form';
import type { FieldDef, FormValues } from './forms';
import { useLoad } from './use-load';

export interface DocumentConfig<D> {
  title: MessageId;
  intro?: MessageId;
  path: string;
  method: 'put' | 'patch';
  fields: FieldDef[];
  toForm(doc: D): FormValues;
  toBody(values: FormValues, original: D): unknown;
  /** The document before its first save, when GET answers 404 (the widget until it is set up). */
  absent?: D;
  /** Read-only parts shown above the form (an embed snippet, which secrets are stored). */
  extra?: (doc: D) => ReactNode;
}

/** One settings document (GET, then PUT or PATCH) edited in place. */
export function DocumentSection<D>({ config }: { config: DocumentConfig<D> }) {
  const t = useT();
  const [loaded, reload] = useLoad<D>(config.path);
  const doc =
    loaded.status === 'error' && loaded.code === 'not_found' && config.absent ? { status: 'ok' as const, data: config.absent } : loaded;
  return (
    <section aria-labelledby={`${config.title}-h`} className="resource-section">
      <h2 id={`${config.title}-h`}>{t(config.title)}</h2>
      {config.intro && <p className="muted">{t(config.intro)}</p>}
      {doc.status === 'loading' && <p className="loading">{t('app.loading')}</p>}
      {doc.status === 'error' && (
        <p role="alert" className="error">
          {t('error.generic', { message: doc.message })}
        </p>
      )}
      {doc.status === 'ok' && (
        <>
          {config.extra?.(doc.data)}
          <EntityForm
            fields={config.fields}
            initial={config.toForm(doc.data)}
            resetKey={loaded.status === 'ok' ? loaded.data : undefined}
            save={async (values) => {
              await api[config.method](config.path, config.toBody(values, doc.data));
              reload();
            }}
          />
        </>
      )}
    </section>
  );
}
