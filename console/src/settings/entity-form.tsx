import { useState, type FormEvent } from 'react';
import { isApiError } from '../api/client';
import { useT } from '../i18n/use-t';
import { FieldControl } from './field-control';
import { errorsByField, FieldInputError, type FieldDef, type FormValues } from './forms';

interface Props {
  fields: readonly FieldDef[];
  initial: FormValues;
  /** Builds the body and sends it; throws ApiError (validation details) or FieldInputError. */
  save(values: FormValues): Promise<void>;
  onCancel?: () => void;
  submitLabel?: string;
}

/** A settings form: fields, a save button, and the server's validation errors beside the fields. */
export function EntityForm({ fields, initial, save, onCancel, submitLabel }: Props) {
  const t = useT();
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      await save(values);
      setErrors({});
      setSaved(true);
    } catch (err) {
      if (err instanceof FieldInputError) setErrors({ [err.field]: [err.message] });
      else if (isApiError(err) && err.details.length) setErrors(errorsByField(fields, err.details));
      else setErrors({ '': [err instanceof Error ? err.message : String(err)] });
    } finally {
      setBusy(false);
    }
  }

  const general = errors[''];
  return (
    <form className="entity-form" onSubmit={(e) => void submit(e)} noValidate>
      {fields.map((f) => (
        <FieldControl
          key={f.name}
          field={f}
          value={values[f.name]}
          errors={errors[f.name]}
          onChange={(v) => setValues((old) => ({ ...old, [f.name]: v }))}
        />
      ))}
      {general && (
        <div role="alert" className="error">
          {t('settings.saveFailed')} {general.join(' ')}
        </div>
      )}
      {Object.keys(errors).some((k) => k !== '') && (
        <p role="alert" className="error">
          {t('settings.fixErrors')}
        </p>
      )}
      {saved && !onCancel && (
        <p role="status" className="saved">
          {t('settings.saved')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? t('settings.saving') : (submitLabel ?? t('settings.save'))}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('settings.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
