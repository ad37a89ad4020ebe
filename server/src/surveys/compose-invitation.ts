import { primaryLanguage } from '../lib/language-tag.js';
import { SCALE, type SurveyKind } from './survey-kinds.js';
import { fill, surveyTexts } from './survey-texts.js';

/** What a workspace may reword per locale (survey settings `texts`); question, low and high are for its kind. */
export interface SurveyTextOverride {
  subject?: string;
  invitation?: string;
  question?: string;
  low?: string;
  high?: string;
  openLink?: string;
}

export const OVERRIDABLE_TEXTS = ['subject', 'invitation', 'question', 'low', 'high', 'openLink'] as const;

export interface InvitationInput {
  kind: SurveyKind;
  /** The conversation's channel: e-mail gets one link per score, every other channel one link to the page. */
  channel: string;
  /** The survey's locale (surveys.locale); null reads English. */
  locale: string | null;
  workspaceName: string;
  /** The survey page's URL (`…/s/<token>`), without a query. */
  url: string;
  /** The workspace's overrides by locale tag. */
  overrides?: Readonly<Record<string, SurveyTextOverride>>;
}

export interface Invitation {
  text: string;
  subject: string;
  /** The language the text is written in (the texts' key, after fallback). */
  language: string;
}

/**
 * The workspace's override for the texts used: the locale's full tag, its language, else the one for
 * the language the texts fell back to (an 'en' override rewords the English fallback too).
 */
export function overrideFor(
  overrides: Readonly<Record<string, SurveyTextOverride>> | undefined,
  locale: string | null,
  key: string,
): SurveyTextOverride {
  if (!overrides) return {};
  const tag = locale?.trim() ?? '';
  return (tag && overrides[tag]) || (tag && overrides[primaryLanguage(tag)]) || overrides[key] || {};
}

/**
 * The invitation message, pure: the opening line, the question, then on e-mail one link per score
 * (`<url>?score=N`, one click records it; the scale's ends labelled) and elsewhere a single link to
 * the page, where chat, SMS and messengers show no list of links well.
 */
export function composeInvitation(i: InvitationInput): Invitation {
  const { key, texts } = surveyTexts(i.locale);
  const o = overrideFor(i.overrides, i.locale, key);
  const t = (own: string | undefined, shipped: string) => fill(own ?? shipped, i.workspaceName);
  const invitation = t(o.invitation, texts.invitation);
  const question = t(o.question, texts.question[i.kind]);
  const lines = [invitation, '', question, ''];
  if (i.channel === 'email') {
    const { min, max } = SCALE[i.kind];
    const low = t(o.low, texts.low[i.kind]);
    const high = t(o.high, texts.high[i.kind]);
    for (let n = min; n <= max; n++) {
      const label = n === min ? ` – ${low}` : n === max ? ` – ${high}` : '';
      lines.push(`${n}${label}: ${i.url}?score=${n}`);
    }
  } else {
    lines.push(`${t(o.openLink, texts.openLink)} ${i.url}`);
  }
  return { text: lines.join('\n'), subject: t(o.subject, texts.subject), language: key };
}
