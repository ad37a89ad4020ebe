import { useIntl } from 'react-intl';
import { useT } from '../../i18n/use-t';
import { DocumentSection, type DocumentConfig } from '../document-section';
import { CheckGroup } from '../editors/controls';
import { CHANNELS } from '../editors/routing-form';
import { surveyBody, toSurveyForm, type SurveySettings } from '../editors/survey-form';
import { SurveyKindEditor } from '../editors/survey-kind';
import { SurveyReasonsEditor } from '../editors/survey-reasons';
import { SurveyTextsEditor } from '../editors/survey-texts';
import { arr, issuesAt } from '../forms';

/** The survey a solved conversation's customer gets (issue 8): kind, reasons, when it is sent, where, its wording. */
export function SurveysSection() {
  const t = useT();
  const { locale } = useIntl();
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  const hours = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: time.format(Date.UTC(2000, 0, 1, h)) }));
  const sending = 'settings.surveys.group.sending' as const;
  const config: DocumentConfig<SurveySettings> = {
    title: 'settings.surveys.title',
    intro: 'settings.surveys.intro',
    path: '/api/v1/surveys/settings',
    method: 'put',
    fields: [
      { name: 'enabled', label: 'settings.surveys.enabled', kind: 'checkbox', group: 'settings.surveys.group.survey' },
      {
        name: 'kind',
        label: 'settings.surveys.kind',
        kind: 'custom',
        group: 'settings.surveys.group.survey',
        render: (p) => <SurveyKindEditor {...p} />,
      },
      { name: 'askComment', label: 'settings.surveys.askComment', kind: 'checkbox', group: 'settings.surveys.group.survey' },
      { name: 'reasons', label: 'settings.surveys.reasons', kind: 'custom', render: (p) => <SurveyReasonsEditor {...p} /> },
      { name: 'delayMinutes', label: 'settings.surveys.delayMinutes', kind: 'number', hint: 'settings.surveys.delayHint', group: sending },
      { name: 'quietStart', label: 'settings.surveys.quietStart', kind: 'select', options: hours, group: sending },
      {
        name: 'quietEnd',
        label: 'settings.surveys.quietEnd',
        kind: 'select',
        options: hours,
        hint: 'settings.surveys.quietHint',
        group: sending,
      },
      {
        name: 'throttleDays',
        label: 'settings.surveys.throttleDays',
        kind: 'number',
        hint: 'settings.surveys.throttleHint',
        group: sending,
      },
      {
        name: 'linkTtlHours',
        label: 'settings.surveys.linkTtlHours',
        kind: 'number',
        hint: 'settings.surveys.linkTtlHint',
        group: sending,
      },
      {
        name: 'channels',
        label: 'settings.surveys.channels',
        kind: 'custom',
        render: (p) => (
          <CheckGroup
            legend={t('settings.surveys.channels')}
            options={CHANNELS.map((c) => ({ value: c, label: t(`inbox.channel.${c}`) }))}
            value={arr(p.value)}
            onChange={p.onChange}
            errors={issuesAt(p.issues, '')}
          />
        ),
      },
      { name: 'texts', label: 'settings.surveys.texts', kind: 'custom', render: (p) => <SurveyTextsEditor {...p} /> },
    ],
    toForm: toSurveyForm,
    toBody: surveyBody,
  };
  return <DocumentSection config={config} />;
}
