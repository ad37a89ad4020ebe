import { describe, expect, it } from 'vitest';
import { fieldGroups } from '../forms';
import { emptyTexts, surveyBody, toSurveyForm, type ReasonRow, type SurveySettings, type TextsRow } from './survey-form';

const saved: SurveySettings = {
  enabled: true,
  kind: 'csat',
  askComment: false,
  reasons: [{ key: 'slow', labels: { en: 'Too slow', de: 'Zu langsam' } }],
  delayMinutes: 30,
  quietStart: 20,
  quietEnd: 9,
  throttleDays: 14,
  linkTtlHours: 72,
  channels: ['email', 'whatsapp'],
  texts: { de: { subject: 'Wie war es bei {workspace}?', question: 'Zufrieden?' } },
  updatedAt: '2026-03-02T10:00:00.000Z',
};

describe('survey settings form', () => {
  it('gives back the document it was read from, unchanged, when nothing is edited', () => {
    const { updatedAt: _, ...body } = saved;
    expect(surveyBody(toSurveyForm(saved), saved)).toEqual(body);
  });

  it('sends every field: the edited ones as edited, the rest as read', () => {
    const form = toSurveyForm(saved);
    const reasons = form.reasons as ReasonRow[];
    const edited = {
      ...form,
      kind: 'nps',
      quietStart: '21',
      quietEnd: '8',
      channels: ['whatsapp', 'chat', 'email'],
      reasons: [
        ...reasons,
        {
          key: 'r2',
          code: ' price ',
          labels: [
            { key: 'l1', language: 'es', text: ' Precio ' },
            { key: 'l2', language: 'en', text: '  ' },
          ],
        },
      ],
    };
    expect(surveyBody(edited, saved)).toEqual({
      ...surveyBody(form, saved),
      kind: 'nps',
      quietStart: 21,
      quietEnd: 8,
      // The checkboxes' order, not the order they were ticked in.
      channels: ['email', 'chat', 'whatsapp'],
      reasons: [...saved.reasons, { key: 'price', labels: { es: 'Precio' } }],
    });
  });

  it('keeps what the form does not show, drops blank rewordings and leaves blank numbers for the server to refuse', () => {
    const withMore = { ...saved, futureField: 'kept' } as SurveySettings;
    const form = toSurveyForm(withMore);
    const texts: TextsRow[] = [
      ...(form.texts as TextsRow[]),
      { key: 't1', locale: 'fr', texts: emptyTexts() },
      { key: 't2', locale: 'ja', texts: { ...emptyTexts(), openLink: ' {workspace} のアンケート ' } },
    ];
    const body = surveyBody({ ...form, texts, delayMinutes: ' ', linkTtlHours: 'soon' }, withMore);
    expect(body).toMatchObject({ futureField: 'kept', delayMinutes: null, linkTtlHours: 'soon' });
    expect(body.texts).toEqual({ ...saved.texts, ja: { openLink: '{workspace} のアンケート' } });
    expect(body).not.toHaveProperty('updatedAt');
  });

  it('puts neighbouring fields of one group in one run', () => {
    const runs = fieldGroups([{ group: 'settings.surveys.group.survey' }, { group: 'settings.surveys.group.survey' }, {}, {}]);
    expect(runs.map((r) => [r.group, r.fields.length])).toEqual([
      ['settings.surveys.group.survey', 2],
      [undefined, 1],
      [undefined, 1],
    ]);
  });
});
