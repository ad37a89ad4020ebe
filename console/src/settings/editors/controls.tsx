import { useId, type ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import type { Option } from '../forms';
import { move, removeAt } from './rows';

/**
 * Small labelled controls for the structured settings editors: each ties its hint and the server's
 * errors to itself (aria-describedby, aria-invalid), like FieldControl does for plain fields.
 */

function useDescribed(hint: string | undefined, errors: readonly string[]) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = errors.length ? `${id}-err` : undefined;
  return {
    id,
    hintId,
    errId,
    aria: {
      'aria-describedby': [hintId, errId].filter(Boolean).join(' ') || undefined,
      'aria-invalid': errId ? true : undefined,
    },
  };
}

export function Issues({ id, errors }: { id?: string; errors: readonly string[] }) {
  if (!errors.length) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((e) => (
        <li key={e} className="error">
          {e}
        </li>
      ))}
    </ul>
  );
}

interface InputProps {
  label: string;
  value: string;
  onChange(v: string): void;
  errors?: readonly string[];
  hint?: string;
  type?: 'text' | 'password';
  /** A textarea of this many rows (one value per line) instead of a one-line input. */
  rows?: number;
}

export function TextInput({ label, value, onChange, errors = [], hint, type = 'text', rows }: InputProps) {
  const d = useDescribed(hint, errors);
  const common = { id: d.id, spellCheck: false, value, ...d.aria };
  return (
    <div className="field">
      <label htmlFor={d.id}>{label}</label>
      {rows ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          autoComplete={type === 'password' ? 'new-password' : 'off'}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {hint && (
        <p id={d.hintId} className="hint">
          {hint}
        </p>
      )}
      <Issues id={d.errId} errors={errors} />
    </div>
  );
}

export function SelectInput(p: {
  label: string;
  value: string;
  options: readonly Option[];
  onChange(v: string): void;
  errors?: readonly string[];
}) {
  const errors = p.errors ?? [];
  const d = useDescribed(undefined, errors);
  return (
    <div className="field">
      <label htmlFor={d.id}>{p.label}</label>
      <select id={d.id} value={p.value} onChange={(e) => p.onChange(e.target.value)} {...d.aria}>
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Issues id={d.errId} errors={errors} />
    </div>
  );
}

/** Checkboxes for a fixed set of values (channels, priorities) in their own fieldset. */
export function CheckGroup(p: {
  legend: string;
  options: readonly Option[];
  value: readonly string[];
  onChange(v: string[]): void;
  errors?: readonly string[];
}) {
  const errors = p.errors ?? [];
  const d = useDescribed(undefined, errors);
  return (
    <fieldset className="check-group" {...d.aria}>
      <legend>{p.legend}</legend>
      {p.options.map((o) => (
        <label key={o.value} className="check-row">
          <input
            type="checkbox"
            checked={p.value.includes(o.value)}
            onChange={(e) => p.onChange(e.target.checked ? [...p.value, o.value] : p.value.filter((v) => v !== o.value))}
          />
          {o.label}
        </label>
      ))}
      <Issues id={d.errId} errors={errors} />
    </fieldset>
  );
}

/** Move up, move down and remove for row `index` of an ordered list; the names say which row. */
export function RowActions<T>(p: { name: string; list: readonly T[]; index: number; onChange(list: T[]): void; children?: ReactNode }) {
  const t = useT();
  const { index: i, list } = p;
  return (
    <div className="row-actions">
      {/* aria-disabled, not disabled: the button keeps focus when its row reaches the end. */}
      <button type="button" className="secondary" aria-disabled={i === 0} onClick={() => i > 0 && p.onChange(move(list, i, -1))}>
        {t('settings.editor.moveUp', { name: p.name })}
      </button>
      <button
        type="button"
        className="secondary"
        aria-disabled={i === list.length - 1}
        onClick={() => i < list.length - 1 && p.onChange(move(list, i, 1))}
      >
        {t('settings.editor.moveDown', { name: p.name })}
      </button>
      <button type="button" className="danger" onClick={() => p.onChange(removeAt(list, i))}>
        {t('settings.editor.remove', { name: p.name })}
      </button>
      {p.children}
    </div>
  );
}
