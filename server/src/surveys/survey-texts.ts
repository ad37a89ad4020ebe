import { primaryLanguage } from '../lib/language-tag.js';
import type { SurveyKind } from './survey-kinds.js';

/**
 * Everything a customer reads of a survey: the invitation (e-mail, chat, widget) and the survey page.
 * `{workspace}` is replaced by the workspace's name. One entry per language; a locale falls back
 * from its full tag (pt-BR) to its language (pt) to English.
 */
export interface SurveyTexts {
  dir: 'ltr' | 'rtl';
  /** E-mail subject of the invitation. */
  subject: string;
  /** The invitation's opening line, before the question and the links. */
  invitation: string;
  question: Record<SurveyKind, string>;
  /** Words for the two ends of each scale (shown beside the first and last score). */
  low: Record<SurveyKind, string>;
  high: Record<SurveyKind, string>;
  /** Invitation line before the link to the page, where the one-click scores cannot be shown. */
  openLink: string;
  pageTitle: string;
  scoreLegend: string;
  reasonsLegend: string;
  commentLabel: string;
  submit: string;
  thanks: string;
  commentSaved: string;
  alreadyAnswered: string;
  expired: string;
  invalid: string;
}

const en: SurveyTexts = {
  dir: 'ltr',
  subject: 'How did we do?',
  invitation: 'Thank you for contacting {workspace}. We would love to know how we did.',
  question: {
    csat: 'How satisfied are you with the help you received?',
    nps: 'How likely are you to recommend {workspace} to a friend or colleague?',
    ces: 'How easy was it to get your issue resolved?',
  },
  low: { csat: 'Very dissatisfied', nps: 'Not at all likely', ces: 'Very difficult' },
  high: { csat: 'Very satisfied', nps: 'Extremely likely', ces: 'Very easy' },
  openLink: 'Answer here:',
  pageTitle: 'Your feedback',
  scoreLegend: 'Your rating',
  reasonsLegend: 'What mattered most? (optional)',
  commentLabel: 'Anything you would like to add? (optional)',
  submit: 'Send',
  thanks: 'Thank you! Your answer has been recorded.',
  commentSaved: 'Thank you, your comment has been saved.',
  alreadyAnswered: 'You already rated this conversation. You can still add or change your comment.',
  expired: 'This survey link has expired.',
  invalid: 'This survey link is not valid.',
};

export const SURVEY_TEXTS: Readonly<Record<string, SurveyTexts>> = { en };

/** The texts for a locale (full tag, then language, then English) and the key that was used. */
export function surveyTexts(locale: string | null | undefined): { key: string; texts: SurveyTexts } {
  const tag = locale?.trim() ?? '';
  if (tag && SURVEY_TEXTS[tag]) return { key: tag, texts: SURVEY_TEXTS[tag]! };
  const lang = tag ? primaryLanguage(tag) : '';
  if (lang && SURVEY_TEXTS[lang]) return { key: lang, texts: SURVEY_TEXTS[lang]! };
  return { key: 'en', texts: en };
}

/** Replaces `{workspace}` (the only placeholder) with the workspace's name. */
export const fill = (text: string, workspace: string): string => text.replaceAll('{workspace}', workspace);
