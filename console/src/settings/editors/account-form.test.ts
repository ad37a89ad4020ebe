import { describe, expect, it } from 'vitest';
import { accountBody, newAccount, toAccountValue } from './account-form';
import { localizedBody, preChatBody, toLocalizedRows, toPreChatRows } from './localized-form';

describe('messaging account fields ↔ body', () => {
  it('sends everything typed when adding, blanks left out', () => {
    const v = { ...newAccount('sms'), settings: { accountSid: ' AC0123 ', fromNumber: '' }, secrets: { authToken: 'tok' } };
    expect(accountBody(v)).toEqual({ kind: 'sms', settings: { accountSid: 'AC0123' }, secrets: { authToken: 'tok' } });
  });

  it('sends only what changed when editing: blank secrets keep, a cleared optional setting becomes null', () => {
    const stored = toAccountValue({
      kind: 'whatsapp',
      settings: { phoneNumberId: '1065', businessAccountId: null, displayPhoneNumber: '+1555', graphApiVersion: 'v21.0' },
      secretsSet: ['appSecret', 'accessToken', 'verifyToken'],
    });
    expect(stored.settings).toEqual({
      phoneNumberId: '1065',
      businessAccountId: '',
      displayPhoneNumber: '+1555',
      graphApiVersion: 'v21.0',
    });
    expect(accountBody(stored)).toEqual({});
    const edited = {
      ...stored,
      settings: { ...stored.settings, displayPhoneNumber: '', phoneNumberId: '' },
      secrets: { accessToken: 'new', appSecret: ' ' },
    };
    // A required setting left blank is kept as stored; the optional one is cleared.
    expect(accountBody(edited)).toEqual({ settings: { displayPhoneNumber: null }, secrets: { accessToken: 'new' } });
  });
});

describe('texts per language and pre-chat fields ↔ body', () => {
  it('round-trips and drops blank texts', () => {
    const rows = toLocalizedRows({ de: 'Hallo', pt: 'Olá' });
    expect(rows.map((r) => [r.language, r.text])).toEqual([
      ['de', 'Hallo'],
      ['pt', 'Olá'],
    ]);
    expect(localizedBody([...rows, { key: 'k', language: 'fr', text: '  ' }])).toEqual({ de: 'Hallo', pt: 'Olá' });
    const fields = [
      { name: 'email', required: true, label: { de: 'E-Mail' } },
      { name: 'order_no', required: false },
    ];
    expect(preChatBody(toPreChatRows(fields))).toEqual(fields);
  });
});
