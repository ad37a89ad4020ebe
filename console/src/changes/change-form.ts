import { localizedBody, toLocalizedRows, type LocalizedRow } from '../settings/editors/localized-form';
import { rows, str, type FormValues } from '../settings/forms';
import type { AnnounceResult, Change, ChangeBody, LinkFilter } from './changes-api';

/**
 * The Changes page's pure mappings: a change ↔ its form (the lead's per-locale texts as rows of
 * language + text), the link filter's body, how many customers an announcement would tell, and the
 * outcome an announcement answers, counted for the lead.
 */

export const emptyChange = (sourceLanguage: string): FormValues => ({ title: '', description: '', sourceLanguage, texts: [] });

export const changeToForm = (c: Change): FormValues => ({
  title: c.title,
  description: c.description,
  sourceLanguage: c.sourceLanguage,
  texts: toLocalizedRows(c.texts),
});

/** The body of a create or an edit: blank per-locale texts are left out (no text for that locale). */
export const changeBody = (v: FormValues): ChangeBody => ({
  title: str(v.title).trim(),
  description: str(v.description).trim(),
  sourceLanguage: str(v.sourceLanguage),
  texts: localizedBody(rows<LocalizedRow>(v.texts)),
});

/** The filter's fields as typed; blank ones are no condition. Null when nothing is left to filter by. */
export function filterBody(f: LinkFilter): LinkFilter | null {
  const out: LinkFilter = {};
  for (const k of ['tag', 'language', 'q'] as const) {
    const v = f[k]?.trim();
    if (v) out[k] = v;
  }
  return Object.keys(out).length ? out : null;
}

/** Linked customers not told yet: those an announcement would tell now (a customer unlinked after being told is not negative). */
export const untold = (c: Pick<Change, 'counts'>): number => Math.max(0, c.counts.customers - c.counts.told);

export interface Outcome {
  sent: number;
  alreadyTold: number;
  fallbacks: number;
  /** Notes sent per language, most first. */
  languages: { language: string; count: number }[];
  /** Why notes carry the untranslated text (translation flags of the 'original' notes), most first. */
  reasons: { flag: string; count: number }[];
}

const tally = (keys: string[]) =>
  [...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  );

export function announceOutcome(r: AnnounceResult): Outcome {
  // As the server counts fallbacks: the source text went out because translating it failed.
  const untranslated = r.notes.filter((n) => n.textSource === 'original' && n.flags.length > 0);
  return {
    sent: r.sent,
    alreadyTold: r.alreadyTold,
    fallbacks: r.fallbacks,
    languages: tally(r.notes.map((n) => n.language)).map(([language, count]) => ({ language, count })),
    reasons: tally(untranslated.flatMap((n) => n.flags)).map(([flag, count]) => ({ flag, count })),
  };
}
