import { useIntl } from 'react-intl';
import { Link } from 'wouter';
import { useLanguageName } from '../conversation/format';
import { useT } from '../i18n/use-t';
import { COMMON_LANGUAGES, type LocalizedRow } from '../settings/editors/localized-form';
import { LocalizedTexts } from '../settings/editors/localized-texts';
import { rows, type FieldDef } from '../settings/forms';
import { ResourceSection, type ResourceConfig } from '../settings/resource-section';
import { changeBody, changeToForm, emptyChange } from './change-form';
import { changesApi, type Change } from './changes-api';

/** The workspace's changes with their link counts; create and edit in a dialog, delete while a draft. */
export function ChangesList() {
  const t = useT();
  const intl = useIntl();
  const languageName = useLanguageName();
  const source = intl.locale.split('-')[0] ?? 'en';
  const languages = [...new Set([source, ...COMMON_LANGUAGES])];

  const fields: FieldDef[] = [
    { name: 'title', label: 'changes.field.title', kind: 'text', required: true },
    { name: 'description', label: 'changes.field.description', kind: 'lines', hint: 'changes.hint.description', required: true },
    {
      name: 'sourceLanguage',
      label: 'changes.field.sourceLanguage',
      kind: 'select',
      options: languages.map((l) => ({ value: l, label: `${languageName(l)} (${l})` })),
    },
    {
      name: 'texts',
      label: 'changes.field.texts',
      kind: 'custom',
      render: (p) => (
        <LocalizedTexts legend={t('changes.field.texts')} rows={rows<LocalizedRow>(p.value)} onChange={p.onChange} issues={p.issues} />
      ),
    },
  ];

  const config: ResourceConfig<Change> = {
    title: 'changes.listTitle',
    intro: 'changes.intro',
    path: '/api/v1/changes',
    listPath: changesApi.listPath,
    itemPath: (c) => changesApi.itemPath(c.id),
    columns: [
      { label: 'changes.field.title', value: (c) => <Link href={`/changes/${c.id}`}>{c.title}</Link> },
      { label: 'changes.status', value: (c) => t(`changes.status.${c.status}`) },
      { label: 'changes.linkedConversations', value: (c) => intl.formatNumber(c.counts.links) },
      { label: 'changes.customers', value: (c) => intl.formatNumber(c.counts.customers) },
      { label: 'changes.told', value: (c) => intl.formatNumber(c.counts.told) },
      {
        label: 'changes.announcedAt',
        value: (c) => (c.announcedAt ? intl.formatDate(c.announcedAt, { dateStyle: 'medium', timeStyle: 'short' }) : '—'),
      },
    ],
    fields,
    name: (c) => c.title,
    empty: emptyChange(source),
    toForm: changeToForm,
    toBody: (v) => changeBody(v),
    canDelete: (c) => c.status === 'draft' && c.counts.told === 0,
  };
  return <ResourceSection config={config} />;
}
