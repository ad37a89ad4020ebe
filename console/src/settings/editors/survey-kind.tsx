import { useId } from 'react';
import { useT } from '../../i18n/use-t';
import { issuesAt, str, type CustomFieldProps } from '../forms';
import { Issues } from './controls';
import { SURVEY_KINDS } from './survey-form';

/** CSAT, NPS or CES as radio buttons, each with what it asks and its scale. */
export function SurveyKindEditor({ value, onChange, issues }: CustomFieldProps) {
  const t = useT();
  const id = useId();
  const errors = issuesAt(issues, '');
  return (
    <fieldset className="check-group survey-kinds" aria-describedby={errors.length ? `${id}-err` : undefined}>
      <legend>{t('settings.surveys.kind')}</legend>
      {SURVEY_KINDS.map((k) => (
        <div key={k} className="survey-kind">
          <label className="check-row">
            <input
              type="radio"
              name={`${id}-kind`}
              value={k}
              checked={str(value) === k}
              aria-describedby={`${id}-${k}`}
              onChange={() => onChange(k)}
            />
            {t(`settings.surveys.kind.${k}`)}
          </label>
          <p id={`${id}-${k}`} className="hint">
            {t(`settings.surveys.kindHint.${k}`)}
          </p>
        </div>
      ))}
      <Issues id={`${id}-err`} errors={errors} />
    </fieldset>
  );
}
