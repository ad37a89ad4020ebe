import { Fragment, useState, type FormEvent } from 'react';
import { isApiError } from '../api/client';
import { useT } from '../i18n/use-t';
import { FieldControl } from './field-control';
import type { ApiErrorDetail } from '../api/client';
import { errorsByField, fieldGroups, FieldInputError, issuesFor, type FieldDef, type FormValues } from './forms';

/** Ajv's summary of a failed union says nothing its branch errors beside the fields do not. */
const withoutUnionSummary = (details: ApiErrorDetail[]) =>
  details.length > 1 ? details.filter((d) => d.message !== 'must match a schema in anyOf') : details;

interface Props {
  fields: readonly FieldDef[];
  initial: FormValues;
  /** Builds the body and sends it; throws ApiError (validation details) or FieldInputError. */
  save(values: FormValues): Promise<void>;
  onCancel?: () => void;
  submitLabel?: string;
  /** When this changes (the document was read again after a save), the form starts over from `initial`. */
  resetKey?: unknown;
}

/** A settings form: fields, a save button, and the server's validation errors beside the fields. */
export function EntityForm({ fields, initial, save, onCancel, submitLabel, resetKey }: Props) {
  const t = useT();
  const [values, setValues] = useState<FormValues>(initial);
  // New rows get their ids from the server: without this, the next save would send them as new again.
  const [seenKey, setSeenKey] = useState(resetKey);
  if (resetKey !== seenKey) {
    setSeenKey(resetKey);
    setValues(initial);
  }
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  // Custom editors place each detail themselves, by its path inside their value.
  const [details, setDetails] = useState<ApiErrorDetail[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      await save(values);
      setErrors({});
      setDetails([]);
      setSaved(true);
    } catch (err) {
      const found =
        err instanceof FieldInputError
          ? [{ path: err.field, message: err.message }]
          : isApiError(err) && err.details.length
            ? withoutUnionSummary(err.details)
            : null;
      setDetails(found ?? []);
      setErrors(found ? errorsByField(fields, found) : { '': [err instanceof Error ? err.message : String(err)] });
    } finally {
      setBusy(false);
    }
  }

  const general = errors[''];
  return (
    <form className="entity-form" onSubmit={(e) => void submit(e)} noValidate>
      {fieldGroups(fields).map((run) => {
        const controls = run.fields.map((f) => (
          <FieldControl
            key={f.name}
            field={f}
            value={values[f.name]}
            errors={errors[f.name]}
            issues={f.kind === 'custom' ? issuesFor(f, details) : undefined}
            onChange={(v) => setValues((old) => ({ ...old, [f.name]: v }))}
          />
        ));
        return run.group ? (
          <fieldset key={run.fields[0]!.name} className="editor form-group">
            <legend>{t(run.group)}</legend>
            {controls}
          </fieldset>
        ) : (
          <Fragment key={run.fields[0]!.name}>{controls}</Fragment>
        );
      })}
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
