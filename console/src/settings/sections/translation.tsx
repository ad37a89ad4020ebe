import { useT } from '../../i18n/use-t';
import { DocumentSection, type DocumentConfig } from '../document-section';
import { CriticalKeywordsEditor } from '../editors/critical-keywords';
import { ProviderFields } from '../editors/provider-fields';
import {
  keywordsBody,
  providerBody,
  providerChanged,
  toKeywordRows,
  toProviderValue,
  type ProviderValue,
} from '../editors/translation-form';
import { localizedBody, toLocalizedRows, type LocalizedRow } from '../editors/localized-form';
import { LocalizedTexts } from '../editors/localized-texts';
import { bool, optText, rows, splitList, str, type CustomFieldProps } from '../forms';
import { ResourceSection, type ResourceConfig } from '../resource-section';

interface TranslationSettings {
  provider: Record<string, unknown> | null;
  secretsSet: string[];
  secretsReadable: boolean;
  serverDefault: string | null;
  effectiveProvider: string | null;
  discloseMachineTranslation: boolean;
  criticalKeywords: Record<string, Record<string, string[]>>;
  criticalKeywordsCustomized: boolean;
  detectionLanguages: string[] | null;
}

interface GlossaryTerm {
  id: string;
  term: string;
  language: string | null;
  translations: Record<string, string>;
  caseSensitive: boolean;
  note: string | null;
}

function settings(t: ReturnType<typeof useT>): DocumentConfig<TranslationSettings> {
  return {
    title: 'settings.translation.title',
    path: '/api/v1/settings/translation',
    method: 'patch',
    fields: [
      { name: 'provider', label: 'settings.field.provider', kind: 'custom', render: (p) => <ProviderFields {...p} /> },
      { name: 'discloseMachineTranslation', label: 'settings.field.disclose', kind: 'checkbox' },
      { name: 'detectionLanguages', label: 'settings.field.detectionLanguages', kind: 'list', hint: 'settings.hint.languages' },
      {
        name: 'criticalKeywords',
        label: 'settings.field.criticalKeywords',
        kind: 'custom',
        render: (p) => <CriticalKeywordsEditor {...p} />,
      },
      // null on the API: the built-in lists, which also follow future updates of them.
      { name: 'keywordsBuiltIn', label: 'settings.field.keywordsBuiltIn', kind: 'checkbox' },
    ],
    // The server returns the provider without its secrets; they are never put in the form.
    toForm: (s) => ({
      provider: toProviderValue(s.provider, s.secretsSet),
      discloseMachineTranslation: s.discloseMachineTranslation,
      detectionLanguages: (s.detectionLanguages ?? []).join(', '),
      criticalKeywords: toKeywordRows(s.criticalKeywords),
      keywordsBuiltIn: false,
    }),
    // Only what changed is sent: an unchanged provider keeps its stored secrets untouched.
    toBody: (v, s) => {
      const form = settings(t).toForm(s);
      const body: Record<string, unknown> = {};
      const provider = v.provider as ProviderValue;
      if (providerChanged(provider)) body.provider = providerBody(provider);
      if (bool(v.discloseMachineTranslation) !== form.discloseMachineTranslation)
        body.discloseMachineTranslation = bool(v.discloseMachineTranslation);
      if (str(v.detectionLanguages) !== form.detectionLanguages) {
        const langs = splitList(v.detectionLanguages);
        body.detectionLanguages = langs.length ? langs : null;
      }
      const keywords = keywordsBody(rows(v.criticalKeywords));
      if (bool(v.keywordsBuiltIn)) body.criticalKeywords = null;
      else if (JSON.stringify(keywords) !== JSON.stringify(s.criticalKeywords)) body.criticalKeywords = keywords;
      if (Object.keys(body).length === 0) body.discloseMachineTranslation = bool(v.discloseMachineTranslation);
      return body;
    },
    extra: (s) => (
      <dl className="summary">
        <dt>{t('settings.translation.effective')}</dt>
        <dd>{s.effectiveProvider ?? '—'}</dd>
        <dt>{t('settings.translation.serverDefault')}</dt>
        <dd>{s.serverDefault ?? '—'}</dd>
        <dt>{t('settings.field.secretsSet')}</dt>
        <dd>
          {s.secretsSet.join(', ') || '—'}
          {!s.secretsReadable && <span className="error"> {t('settings.translation.secretsUnreadable')}</span>}
        </dd>
      </dl>
    ),
  };
}

const glossary: ResourceConfig<GlossaryTerm> = {
  title: 'settings.glossary.title',
  intro: 'settings.glossary.intro',
  path: '/api/v1/glossary',
  itemPath: (g) => `/api/v1/glossary/${g.id}`,
  canDelete: true,
  name: (g) => g.term,
  columns: [
    { label: 'settings.field.term', value: (g) => g.term },
    { label: 'settings.field.language', value: (g) => g.language ?? '—' },
    {
      label: 'settings.field.translations',
      value: (g) =>
        Object.entries(g.translations)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ') || '—',
    },
  ],
  fields: [
    { name: 'term', label: 'settings.field.term', kind: 'text', required: true },
    { name: 'language', label: 'settings.field.language', kind: 'text' },
    {
      name: 'translations',
      label: 'settings.field.translations',
      kind: 'custom',
      render: (p) => <GlossaryTranslations {...p} />,
    },
    { name: 'caseSensitive', label: 'settings.field.caseSensitive', kind: 'checkbox' },
    { name: 'note', label: 'settings.field.note', kind: 'text' },
  ],
  empty: { term: '', language: '', translations: [], caseSensitive: false, note: '' },
  toForm: (g) => ({
    term: g.term,
    language: g.language ?? '',
    translations: toLocalizedRows(g.translations),
    caseSensitive: g.caseSensitive,
    note: g.note ?? '',
  }),
  toBody: (v) => ({
    term: str(v.term).trim(),
    language: optText(v.language) ?? null,
    translations: localizedBody(rows(v.translations)),
    caseSensitive: bool(v.caseSensitive),
    note: optText(v.note) ?? null,
  }),
};

function GlossaryTranslations(p: CustomFieldProps) {
  const t = useT();
  return (
    <LocalizedTexts legend={t('settings.field.translations')} rows={rows<LocalizedRow>(p.value)} onChange={p.onChange} issues={p.issues} />
  );
}

/** The workspace's translation engine (secrets write-only), disclosure, detection languages, keywords and glossary. */
export function TranslationSection({ admin }: { admin: boolean }) {
  const t = useT();
  return (
    <>
      {/* The engine and its keys are for admins; leads keep the glossary. */}
      {admin && <DocumentSection config={settings(t)} />}
      <ResourceSection config={glossary} />
    </>
  );
}
