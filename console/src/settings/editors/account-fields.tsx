import type { MessageId } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { issuesAt, type CustomFieldProps, type FieldIssue } from '../forms';
import { Issues, SelectInput, TextInput } from './controls';
import { ACCOUNT_FIELDS, ACCOUNT_KINDS, isKind, newAccount, type AccountValue } from './account-form';

const KIND_LABEL = { whatsapp: 'inbox.channel.whatsapp', telegram: 'inbox.channel.telegram', sms: 'inbox.channel.sms' } as const;
const LABEL: Record<string, MessageId> = {
  phoneNumberId: 'settings.account.phoneNumberId',
  businessAccountId: 'settings.account.businessAccountId',
  displayPhoneNumber: 'settings.account.displayPhoneNumber',
  graphApiVersion: 'settings.account.graphApiVersion',
  appSecret: 'settings.account.appSecret',
  accessToken: 'settings.account.accessToken',
  verifyToken: 'settings.account.verifyToken',
  botUsername: 'settings.account.botUsername',
  botToken: 'settings.account.botToken',
  secretToken: 'settings.account.secretToken',
  accountSid: 'settings.account.accountSid',
  fromNumber: 'settings.account.fromNumber',
  messagingServiceSid: 'settings.account.messagingServiceSid',
  authToken: 'settings.account.authToken',
};
const HINT: Partial<Record<string, MessageId>> = {
  displayPhoneNumber: 'settings.hint.phone',
  fromNumber: 'settings.hint.phone',
  graphApiVersion: 'settings.hint.graphApiVersion',
  botUsername: 'settings.hint.botUsername',
};

/**
 * The body is a union of the three kinds, so the server also reports how it fails the other two
 * (their required fields, "unknown field" for ours). Keep what concerns this kind's fields; only
 * when nothing does is everything shown.
 */
function relevant(issues: readonly FieldIssue[], known: readonly string[]): { placed: FieldIssue[]; rest: string[] } {
  const at = (i: FieldIssue) => known.find((k) => i.path === k || i.path.startsWith(`${k}/`));
  const placed = issues.filter((i) => at(i) && i.message !== 'unknown field');
  const rest = placed.length ? [] : issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  return { placed, rest };
}

/**
 * A messaging account's kind (chosen when it is added), its settings and its secrets as labelled
 * fields. Secrets are never shown: each says whether one is stored, and blank keeps it.
 */
export function AccountFields({ value, onChange, issues }: CustomFieldProps) {
  const t = useT();
  const v = (value as AccountValue | undefined) ?? newAccount();
  const spec = ACCOUNT_FIELDS[v.kind];
  const known = [...spec.settings.map((s) => s.name), ...spec.secrets];
  const { placed, rest } = relevant(issues, known);
  return (
    <>
      {!v.stored && (
        <SelectInput
          label={t('settings.field.kind')}
          value={v.kind}
          options={ACCOUNT_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))}
          onChange={(k) => isKind(k) && onChange(newAccount(k))}
        />
      )}
      <Issues errors={rest} />
      <fieldset className="editor">
        <legend>{t('settings.field.accountSettings')}</legend>
        {spec.settings.map((s) => (
          <TextInput
            key={s.name}
            label={t(LABEL[s.name]!)}
            hint={HINT[s.name] && t(HINT[s.name]!)}
            value={v.settings[s.name] ?? ''}
            onChange={(x) => onChange({ ...v, settings: { ...v.settings, [s.name]: x } })}
            errors={issuesAt(placed, s.name)}
          />
        ))}
      </fieldset>
      <fieldset className="editor">
        <legend>{t('settings.field.secrets')}</legend>
        <p className="hint">{t(v.stored ? 'settings.hint.secrets' : 'settings.hint.secretsNew')}</p>
        {spec.secrets.map((name) => (
          <TextInput
            key={name}
            type="password"
            label={t(LABEL[name]!)}
            hint={v.stored ? t(v.secretsSet.includes(name) ? 'settings.hint.secretStored' : 'settings.hint.secretMissing') : undefined}
            value={v.secrets[name] ?? ''}
            onChange={(x) => onChange({ ...v, secrets: { ...v.secrets, [name]: x } })}
            errors={issuesAt(placed, name)}
          />
        ))}
      </fieldset>
    </>
  );
}
