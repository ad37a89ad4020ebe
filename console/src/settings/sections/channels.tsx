import { useT } from '../../i18n/use-t';
import { DocumentSection, type DocumentConfig } from '../document-section';
import { AccountFields } from '../editors/account-fields';
import { accountBody, newAccount, toAccountValue, type AccountValue } from '../editors/account-form';
import {
  localizedBody,
  preChatBody,
  toLocalizedRows,
  toPreChatRows,
  type LocalizedRow,
  type PreChatField,
} from '../editors/localized-form';
import { LocalizedTexts } from '../editors/localized-texts';
import { PreChatFieldsEditor } from '../editors/pre-chat-fields';
import { bool, optText, rows, splitList, str } from '../forms';
import type { Lookups } from '../lookups';
import { ResourceSection, type ResourceConfig } from '../resource-section';

interface MailAddress {
  id: string;
  address: string;
  name: string | null;
}

interface ChannelAccount {
  id: string;
  kind: 'whatsapp' | 'telegram' | 'sms';
  name: string;
  enabled: boolean;
  settings: Record<string, unknown>;
  secretsSet: string[];
  webhookPath: string;
  webhookUrl: string | null;
}

interface Widget {
  enabled: boolean;
  publicKey: string;
  identityRequired: boolean;
  allowedOrigins: string[];
  teamId: string | null;
  preChatFields: PreChatField[];
  greeting: Record<string, string>;
  snippet: string;
}

const mail: ResourceConfig<MailAddress> = {
  title: 'settings.mail.title',
  intro: 'settings.mail.intro',
  path: '/api/v1/mail/addresses',
  itemPath: (a) => `/api/v1/mail/addresses/${a.id}`,
  canEdit: false,
  canDelete: true,
  name: (a) => a.address,
  columns: [
    { label: 'settings.field.address', value: (a) => a.address },
    { label: 'settings.field.name', value: (a) => a.name ?? '—' },
  ],
  fields: [
    { name: 'address', label: 'settings.field.address', kind: 'email', required: true },
    { name: 'name', label: 'settings.field.name', kind: 'text' },
  ],
  empty: { address: '', name: '' },
  toForm: (a) => ({ address: a.address, name: a.name ?? '' }),
  toBody: (v) => ({ address: str(v.address).trim(), name: optText(v.name) ?? null }),
};

function accounts(t: ReturnType<typeof useT>): ResourceConfig<ChannelAccount> {
  return {
    title: 'settings.accounts.title',
    intro: 'settings.accounts.intro',
    path: '/api/v1/channels',
    itemPath: (a) => `/api/v1/channels/${a.id}`,
    canDelete: true,
    name: (a) => a.name,
    columns: [
      { label: 'settings.field.kind', value: (a) => t(`inbox.channel.${a.kind}`) },
      { label: 'settings.field.name', value: (a) => a.name },
      { label: 'settings.field.enabled', value: (a) => (a.enabled ? t('settings.yes') : t('settings.no')) },
      { label: 'settings.field.secretsSet', value: (a) => a.secretsSet.join(', ') || '—' },
      { label: 'settings.field.webhook', value: (a) => <code>{a.webhookUrl ?? a.webhookPath}</code> },
    ],
    fields: [
      { name: 'name', label: 'settings.field.name', kind: 'text', required: true },
      { name: 'enabled', label: 'settings.field.enabled', kind: 'checkbox' },
      // Kind, settings and secrets in one editor: which fields there are depends on the kind.
      {
        name: 'account',
        label: 'settings.field.accountSettings',
        kind: 'custom',
        paths: ['kind', 'settings', 'secrets'],
        render: (p) => <AccountFields {...p} />,
      },
    ],
    empty: { name: '', enabled: true, account: newAccount() },
    toForm: (a) => ({ name: a.name, enabled: a.enabled, account: toAccountValue(a) }),
    toBody: (v) => ({ ...accountBody(v.account as AccountValue), name: str(v.name).trim(), enabled: bool(v.enabled) }),
  };
}

function widget(t: ReturnType<typeof useT>, lookups: Lookups): DocumentConfig<Widget> {
  return {
    title: 'settings.widget.title',
    path: '/api/v1/widget/settings',
    method: 'put',
    absent: {
      enabled: false,
      publicKey: '',
      identityRequired: false,
      allowedOrigins: [],
      teamId: null,
      preChatFields: [],
      greeting: {},
      snippet: '',
    },
    fields: [
      { name: 'enabled', label: 'settings.field.enabled', kind: 'checkbox' },
      { name: 'identityRequired', label: 'settings.field.identityRequired', kind: 'checkbox' },
      { name: 'allowedOrigins', label: 'settings.field.allowedOrigins', kind: 'list', hint: 'settings.hint.allowedOrigins' },
      {
        name: 'teamId',
        label: 'settings.field.team',
        kind: 'select',
        options: [{ value: '', label: t('settings.none') }, ...lookups.teams],
      },
      {
        name: 'greeting',
        label: 'settings.field.greeting',
        kind: 'custom',
        render: (p) => (
          <LocalizedTexts
            legend={t('settings.field.greeting')}
            rows={rows<LocalizedRow>(p.value)}
            onChange={p.onChange}
            issues={p.issues}
          />
        ),
      },
      { name: 'preChatFields', label: 'settings.field.preChatFields', kind: 'custom', render: (p) => <PreChatFieldsEditor {...p} /> },
    ],
    toForm: (w) => ({
      enabled: w.enabled,
      identityRequired: w.identityRequired,
      allowedOrigins: w.allowedOrigins.join(', '),
      teamId: w.teamId ?? '',
      greeting: toLocalizedRows(w.greeting),
      preChatFields: toPreChatRows(w.preChatFields),
    }),
    toBody: (v) => ({
      enabled: bool(v.enabled),
      identityRequired: bool(v.identityRequired),
      allowedOrigins: splitList(v.allowedOrigins),
      teamId: optText(v.teamId) ?? null,
      greeting: localizedBody(rows(v.greeting)),
      preChatFields: preChatBody(rows(v.preChatFields)),
    }),
    extra: (w) =>
      w.publicKey ? (
        <div className="summary">
          <p>
            {t('settings.widget.publicKey')} <code>{w.publicKey}</code>
          </p>
          <label htmlFor="widget-snippet">{t('settings.widget.snippet')}</label>
          <textarea id="widget-snippet" readOnly rows={4} value={w.snippet} spellCheck={false} />
        </div>
      ) : (
        <p className="muted">{t('settings.widget.notSetUp')}</p>
      ),
  };
}

/** E-mail addresses, messaging accounts (WhatsApp, Telegram, SMS) and the chat widget. */
export function ChannelsSection({ lookups }: { lookups: Lookups }) {
  const t = useT();
  return (
    <>
      <ResourceSection config={mail} />
      <ResourceSection config={accounts(t)} />
      <DocumentSection config={widget(t, lookups)} />
    </>
  );
}
