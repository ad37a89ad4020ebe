import type { MessageId } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { issuesAt, type CustomFieldProps } from '../forms';
import { Issues, SelectInput, TextInput } from './controls';
import { isProviderKind, PROVIDER_FIELDS, PROVIDER_KINDS, toProviderValue, type ProviderValue } from './translation-form';

/** Product names, the same in every language. */
const BRAND: Record<string, string> = {
  apertium: 'Apertium',
  libretranslate: 'LibreTranslate',
  deepl: 'DeepL',
  google: 'Google Cloud Translation',
  azure: 'Azure AI Translator',
  amazon: 'Amazon Translate',
};
const FIELD_LABEL: Record<string, MessageId> = {
  baseUrl: 'settings.provider.baseUrl',
  apiKey: 'settings.provider.apiKey',
  timeoutMs: 'settings.provider.timeoutMs',
  english: 'settings.provider.english',
  portuguese: 'settings.provider.portuguese',
  region: 'settings.provider.region',
  accessKeyId: 'settings.provider.accessKeyId',
  secretAccessKey: 'settings.provider.secretAccessKey',
  sessionToken: 'settings.provider.sessionToken',
  model: 'settings.provider.model',
  name: 'settings.provider.name',
};

/** The workspace's translation engine: a kind, then that kind's settings; keys are write-only. */
export function ProviderFields({ value, onChange, issues }: CustomFieldProps) {
  const t = useT();
  const v = value as ProviderValue;
  const specs = v.kind ? PROVIDER_FIELDS[v.kind] : [];
  const known = specs.map((f) => f.name);
  // A provider body is a union too: show the branch errors at this engine's fields, else all of them.
  const placed = issues.filter((i) => known.some((k) => i.path === k || i.path.startsWith(`${k}/`)) && i.message !== 'unknown field');
  const rest = placed.length ? [] : issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const sameKind = v.stored?.kind === v.kind;
  return (
    <fieldset className="editor">
      <legend>{t('settings.field.provider')}</legend>
      <p className="hint">{t('settings.hint.provider')}</p>
      <SelectInput
        label={t('settings.provider.kind')}
        value={v.kind}
        options={['', ...PROVIDER_KINDS].map((k) => ({
          value: k,
          label: BRAND[k] ?? t(k === 'openai' ? 'settings.provider.openai' : 'settings.provider.serverDefault'),
        }))}
        // Another engine starts from empty fields: settings of one do not fit another.
        onChange={(k) =>
          onChange({
            ...v,
            kind: isProviderKind(k) ? k : '',
            fields: k === v.stored?.kind ? toProviderValue(v.stored, v.secretsSet).fields : {},
          })
        }
      />
      <Issues errors={rest} />
      {specs.map((f) => {
        const common = {
          label: t(FIELD_LABEL[f.name]!),
          value: v.fields[f.name] ?? '',
          onChange: (x: string) => onChange({ ...v, fields: { ...v.fields, [f.name]: x } }),
          errors: issuesAt(placed, f.name),
        };
        return f.choices ? (
          <SelectInput
            key={f.name}
            {...common}
            options={['', ...f.choices].map((c) => ({ value: c, label: c || t('settings.provider.default') }))}
          />
        ) : (
          <TextInput
            key={f.name}
            {...common}
            type={f.secret ? 'password' : 'text'}
            hint={
              f.secret
                ? t(sameKind && v.secretsSet.includes(f.name) ? 'settings.hint.secretStored' : 'settings.hint.secretMissing')
                : undefined
            }
          />
        );
      })}
    </fieldset>
  );
}
