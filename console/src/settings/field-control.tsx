import { useId } from 'react';
import { useT } from '../i18n/use-t';
import { arr, bool, str, type FieldDef, type FieldIssue, type FormValue } from './forms';

interface Props {
  field: FieldDef;
  value: FormValue | undefined;
  errors: string[] | undefined;
  /** A custom field's errors with their paths, for its editor to place. */
  issues?: readonly FieldIssue[];
  onChange(v: FormValue): void;
}

/** One labelled control with its hint and its errors tied to it by aria-describedby. */
export function FieldControl({ field, value, errors, issues, onChange }: Props) {
  const t = useT();
  const id = useId();
  if (field.kind === 'custom' && field.render) {
    return <div className="field field-custom">{field.render({ value, onChange, issues: issues ?? [] })}</div>;
  }
  const hintId = field.hint ? `${id}-hint` : undefined;
  const errId = errors?.length ? `${id}-err` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: field.name,
    'aria-describedby': describedBy,
    'aria-invalid': errId ? true : undefined,
    required: field.required,
  } as const;

  const options = field.options?.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
  let control;
  switch (field.kind) {
    case 'checkbox':
      control = <input type="checkbox" {...common} checked={bool(value)} onChange={(e) => onChange(e.target.checked)} />;
      break;
    case 'select':
      control = (
        <select {...common} value={str(value)} onChange={(e) => onChange(e.target.value)}>
          {options}
        </select>
      );
      break;
    case 'multi':
      control = (
        <select
          {...common}
          multiple
          size={Math.min(6, Math.max(2, field.options?.length ?? 2))}
          value={arr(value)}
          onChange={(e) => onChange(Array.from(e.target.selectedOptions, (o) => o.value))}
        >
          {options}
        </select>
      );
      break;
    case 'lines':
      control = <textarea {...common} rows={4} spellCheck={false} value={str(value)} onChange={(e) => onChange(e.target.value)} />;
      break;
    default:
      control = (
        <input
          {...common}
          type={field.kind === 'list' ? 'text' : field.kind}
          inputMode={field.kind === 'number' ? 'numeric' : undefined}
          autoComplete={field.kind === 'password' ? 'new-password' : 'off'}
          value={str(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }

  return (
    <div className={`field field-${field.kind}`}>
      {field.kind === 'checkbox' ? (
        <div className="check-row">
          {control}
          <label htmlFor={id}>{t(field.label)}</label>
        </div>
      ) : (
        <>
          <label htmlFor={id}>{t(field.label)}</label>
          {control}
        </>
      )}
      {field.hint && (
        <p id={hintId} className="hint">
          {t(field.hint)}
        </p>
      )}
      {errId && (
        <ul id={errId} className="field-errors">
          {errors?.map((e) => (
            <li key={e} className="error">
              {e}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
