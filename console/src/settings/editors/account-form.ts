/**
 * A messaging account's kind-specific settings and secrets (server/src/channels/channels.schema.ts)
 * as form rows, and back to the POST / PATCH body. Secrets are write-only: blank keeps the stored one.
 */

export const ACCOUNT_KINDS = ['whatsapp', 'telegram', 'sms'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

interface SettingSpec {
  name: string;
  /** Needed to create the account; blank on an edit keeps the stored value. */
  required?: boolean;
  /** Blank stores null (no value) rather than keeping the old one. */
  nullable?: boolean;
}

export const ACCOUNT_FIELDS: Record<AccountKind, { settings: SettingSpec[]; secrets: string[] }> = {
  whatsapp: {
    settings: [
      { name: 'phoneNumberId', required: true },
      { name: 'businessAccountId', nullable: true },
      { name: 'displayPhoneNumber', nullable: true },
      { name: 'graphApiVersion' },
    ],
    secrets: ['appSecret', 'accessToken', 'verifyToken'],
  },
  telegram: { settings: [{ name: 'botUsername', nullable: true }], secrets: ['botToken', 'secretToken'] },
  sms: {
    settings: [
      { name: 'accountSid', required: true },
      { name: 'fromNumber', nullable: true },
      { name: 'messagingServiceSid', nullable: true },
    ],
    secrets: ['authToken'],
  },
};

export interface AccountValue {
  kind: AccountKind;
  /** The stored settings (edit) or none (create): what "changed" is measured against. */
  stored: Record<string, string> | null;
  settings: Record<string, string>;
  secrets: Record<string, string>;
  secretsSet: string[];
}

export const isKind = (k: string): k is AccountKind => (ACCOUNT_KINDS as readonly string[]).includes(k);

export function newAccount(kind: AccountKind = 'telegram'): AccountValue {
  return { kind, stored: null, settings: {}, secrets: {}, secretsSet: [] };
}

export function toAccountValue(a: { kind: AccountKind; settings: Record<string, unknown>; secretsSet: string[] }): AccountValue {
  const stored: Record<string, string> = {};
  for (const s of ACCOUNT_FIELDS[a.kind].settings) {
    const v = a.settings[s.name];
    stored[s.name] = typeof v === 'string' ? v : '';
  }
  return { kind: a.kind, stored, settings: { ...stored }, secrets: {}, secretsSet: [...a.secretsSet] };
}

/** `{ kind?, settings?, secrets? }` to merge into the body: on create everything typed, on edit what changed. */
export function accountBody(v: AccountValue): Record<string, unknown> {
  const spec = ACCOUNT_FIELDS[v.kind];
  const settings: Record<string, string | null> = {};
  for (const s of spec.settings) {
    const typed = (v.settings[s.name] ?? '').trim();
    if (!v.stored) {
      if (typed) settings[s.name] = typed;
    } else if (typed !== (v.stored[s.name] ?? '')) {
      if (typed) settings[s.name] = typed;
      else if (s.nullable) settings[s.name] = null;
    }
  }
  const secrets: Record<string, string> = {};
  for (const name of spec.secrets) {
    const typed = (v.secrets[name] ?? '').trim();
    if (typed) secrets[name] = typed;
  }
  if (!v.stored) return { kind: v.kind, settings, secrets };
  return {
    ...(Object.keys(settings).length ? { settings } : {}),
    ...(Object.keys(secrets).length ? { secrets } : {}),
  };
}
