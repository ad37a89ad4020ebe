import { useState, type ReactNode } from 'react';
import { api } from '../api/client';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { Dialog } from './dialog';
import { EntityForm } from './entity-form';
import type { FieldDef, FormValues } from './forms';
import { listData, useLoad } from './use-load';

export interface Column<T> {
  label: MessageId;
  value(item: T): ReactNode;
}

export interface ResourceConfig<T extends { id: string }> {
  title: MessageId;
  intro?: MessageId;
  /** POST (create), and GET (list, `{ data }`) unless listPath says otherwise. */
  path: string;
  /** The list's GET with its query (paged lists: `?limit=100`, the most a page holds). */
  listPath?: string;
  /** PATCH / DELETE of one item; without it items cannot be edited or deleted. */
  itemPath?: (item: T) => string;
  columns: Column<T>[];
  fields: FieldDef[];
  name(item: T): string;
  empty: FormValues;
  toForm(item: T): FormValues;
  toBody(values: FormValues, original: T | null): unknown;
  canCreate?: boolean;
  canEdit?: boolean;
  /** All items, or those the predicate allows (the API refuses the others). */
  canDelete?: boolean | ((item: T) => boolean);
  /** More about one item under its row (a calendar's next openings, say). */
  details?: (item: T) => ReactNode;
}

type Editing<T> = { mode: 'create' } | { mode: 'edit'; item: T } | null;

/** A list of items with create / edit in a dialog and delete, all through the API. */
export function ResourceSection<T extends { id: string }>({ config }: { config: ResourceConfig<T> }) {
  const t = useT();
  const [list, reload] = useLoad<{ data: T[] }>(config.listPath ?? config.path);
  const [editing, setEditing] = useState<Editing<T>>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const title = t(config.title);

  async function remove(item: T) {
    if (!config.itemPath || !window.confirm(t('settings.confirmDelete', { name: config.name(item) }))) return;
    try {
      await api.delete(config.itemPath(item));
      setDeleteError(null);
      reload();
    } catch (err) {
      setDeleteError(err instanceof Error ? err.message : String(err));
    }
  }

  async function save(values: FormValues) {
    const original = editing?.mode === 'edit' ? editing.item : null;
    const body = config.toBody(values, original);
    if (original && config.itemPath) await api.patch(config.itemPath(original), body);
    else await api.post(config.path, body);
    setEditing(null);
    reload();
  }

  const items = listData(list);
  const fields = editing?.mode === 'edit' ? config.fields.filter((f) => !f.createOnly) : config.fields;
  return (
    <section aria-labelledby={`${config.title}-h`} className="resource-section">
      <div className="section-head">
        <h2 id={`${config.title}-h`}>{title}</h2>
        {config.canCreate !== false && (
          <button type="button" onClick={() => setEditing({ mode: 'create' })}>
            {t('settings.add', { what: title })}
          </button>
        )}
      </div>
      {config.intro && <p className="muted">{t(config.intro)}</p>}
      {list.status === 'loading' && <p className="loading">{t('app.loading')}</p>}
      {list.status === 'error' && (
        <p role="alert" className="error">
          {t('error.generic', { message: list.message })}
        </p>
      )}
      {deleteError && (
        <p role="alert" className="error">
          {t('error.generic', { message: deleteError })}
        </p>
      )}
      {list.status === 'ok' && items.length === 0 && <p className="muted">{t('settings.none')}</p>}
      {items.length > 0 && (
        <table className="settings-table">
          <thead>
            <tr>
              {config.columns.map((c) => (
                <th key={c.label} scope="col">
                  {t(c.label)}
                </th>
              ))}
              <th scope="col">{t('settings.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <Row key={item.id} item={item} config={config} open={open === item.id}>
                {config.canEdit !== false && config.itemPath && (
                  <button type="button" className="secondary" onClick={() => setEditing({ mode: 'edit', item })}>
                    {t('settings.edit', { name: config.name(item) })}
                  </button>
                )}
                {(typeof config.canDelete === 'function' ? config.canDelete(item) : config.canDelete) && config.itemPath && (
                  <button type="button" className="danger" onClick={() => void remove(item)}>
                    {t('settings.delete', { name: config.name(item) })}
                  </button>
                )}
                {config.details && (
                  <button
                    type="button"
                    className="secondary"
                    aria-expanded={open === item.id}
                    onClick={() => setOpen(open === item.id ? null : item.id)}
                  >
                    {t('settings.details', { name: config.name(item) })}
                  </button>
                )}
              </Row>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <Dialog
          title={
            editing.mode === 'edit' ? t('settings.editTitle', { name: config.name(editing.item) }) : t('settings.add', { what: title })
          }
          onClose={() => setEditing(null)}
        >
          <EntityForm
            fields={fields}
            initial={editing.mode === 'edit' ? config.toForm(editing.item) : config.empty}
            save={save}
            onCancel={() => setEditing(null)}
          />
        </Dialog>
      )}
    </section>
  );
}

function Row<T extends { id: string }>(p: { item: T; config: ResourceConfig<T>; open: boolean; children: ReactNode }) {
  return (
    <>
      <tr>
        {p.config.columns.map((c) => (
          <td key={c.label}>{c.value(p.item)}</td>
        ))}
        <td>
          <div className="row-actions">{p.children}</div>
        </td>
      </tr>
      {p.open && p.config.details && (
        <tr className="row-details">
          <td colSpan={p.config.columns.length + 1}>{p.config.details(p.item)}</td>
        </tr>
      )}
    </>
  );
}
