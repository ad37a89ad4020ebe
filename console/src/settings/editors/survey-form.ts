import { arr, bool, optNumber, rows, str, type FormValue, type FormValues } from '../forms';
import { localizedBody, toLocalizedRows, type LocalizedRow } from './localized-form';
import { CHANNELS } from './routing-form';
import { newKey } from './rows';

/**
 * The workspace's survey settings (GET/PUT /api/v1/surveys/settings) as form values and back. The PUT
 * replaces the document and a field left out takes its default, so the body carries every field:
 * those the form shows from the form, anything else as it was read.
 */

export const SURVEY_KINDS = ['csat', 'nps', 'ces'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** The wordings a workspace may override per locale (the server's SurveyTextOverride). */
export const SURVEY_TEXTS = ['subject', 'invitation', 'question', 'low', 'high', 'openLink'] as const;
export type SurveyTextName = (typeof SURVEY_TEXTS)[number];

export const MAX_REASONS = 12;

export interface SurveySettings {
  enabled: boolean;
  kind: SurveyKind;
  askComment: boolean;
  reasons: { key: string; labels: Record<string, string> }[];
  delayMinutes: number;
  quietStart: number;
  quietEnd: number;
  throttleDays: number;
  linkTtlHours: number;
  channels: string[];
  texts: Record<string, Partial<Record<SurveyTextName, string>>>;
  updatedAt: string | null;
}

/** A reason choice: `key` is the row's React key, `code` the reason's stored key. */
export interface ReasonRow {
  key: string;
  code: string;
  labels: LocalizedRow[];
}

/** One locale's rewording; a blank text keeps the shipped one. */
export interface TextsRow {
  key: string;
  locale: string;
  texts: Record<SurveyTextName, string>;
}

export const emptyTexts = (): Record<SurveyTextName, string> =>
  Object.fromEntries(SURVEY_TEXTS.map((n) => [n, ''])) as Record<SurveyTextName, string>;

export function toSurveyForm(s: SurveySettings): FormValues {
  return {
    enabled: s.enabled,
    kind: s.kind,
    askComment: s.askComment,
    reasons: s.reasons.map((r): ReasonRow => ({ key: newKey(), code: r.key, labels: toLocalizedRows(r.labels) })),
    delayMinutes: String(s.delayMinutes),
    quietStart: String(s.quietStart),
    quietEnd: String(s.quietEnd),
    throttleDays: String(s.throttleDays),
    linkTtlHours: String(s.linkTtlHours),
    channels: [...s.channels],
    texts: Object.entries(s.texts).map(([locale, t]): TextsRow => ({ key: newKey(), locale, texts: { ...emptyTexts(), ...t } })),
  };
}

/** A number as typed; blank is null, which the server refuses beside the field (rather than quietly taking the default). */
const num = (v: FormValue | undefined): number | null => optNumber(v) ?? null;

export function textsBody(list: readonly TextsRow[]): SurveySettings['texts'] {
  const out: SurveySettings['texts'] = {};
  for (const r of list) {
    const texts: Partial<Record<SurveyTextName, string>> = {};
    for (const n of SURVEY_TEXTS) if (r.texts[n]?.trim()) texts[n] = r.texts[n].trim();
    if (r.locale && Object.keys(texts).length) out[r.locale] = { ...out[r.locale], ...texts };
  }
  return out;
}

const NUMBERS = ['delayMinutes', 'quietStart', 'quietEnd', 'throttleDays', 'linkTtlHours'] as const;
type NumberField = (typeof NUMBERS)[number];

/** The PUT body; a number left blank is null and a kind is as picked, for the server to judge. */
export type SurveyBody = Omit<SurveySettings, 'updatedAt' | 'kind' | NumberField> & { kind: string } & Record<NumberField, number | null>;

export function surveyBody(v: FormValues, original: SurveySettings): SurveyBody {
  const { updatedAt: _, ...kept } = original;
  const channels = arr(v.channels);
  return {
    ...kept,
    enabled: bool(v.enabled),
    kind: str(v.kind),
    askComment: bool(v.askComment),
    reasons: rows<ReasonRow>(v.reasons).map((r) => ({ key: r.code.trim(), labels: localizedBody(r.labels) })),
    ...(Object.fromEntries(NUMBERS.map((n) => [n, num(v[n])])) as Record<NumberField, number | null>),
    // In the order the checkboxes show them; a channel the console does not know stays as it was.
    channels: [...CHANNELS.filter((c) => channels.includes(c)), ...channels.filter((c) => !(CHANNELS as readonly string[]).includes(c))],
    texts: textsBody(rows<TextsRow>(v.texts)),
  };
}
