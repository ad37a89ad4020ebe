import { describe, expect, it } from 'vitest';
import { returnPath } from './imap-poller.js';
import { assertImapHost, imapFlowOptions } from './imap-connect.js';

const account = { host: 'imap.example.com', port: 993, security: 'tls' as const, username: 'u' };

describe('IMAP hosts a workspace admin types', () => {
  it('refuses private and loopback addresses in any spelling when saved, unless the operator allowed the host', () => {
    for (const h of [
      '127.0.0.1',
      '127.1',
      '0x7f000001',
      '2130706433',
      'localhost',
      'mail.localhost',
      '10.0.0.5',
      '::1',
      'fd00::1',
      '169.254.169.254',
    ]) {
      expect(() => assertImapHost(h, 993, []), h).toThrow(/private or reserved/);
    }
    expect(() => assertImapHost('imap.example.com', 993, [])).not.toThrow();
    expect(() => assertImapHost('93.184.216.34', 993, [])).not.toThrow();
    expect(() => assertImapHost('127.0.0.1', 143, ['127.0.0.1'])).not.toThrow();
    expect(() => assertImapHost('10.0.0.5', 143, ['10.0.0.5:993'])).toThrow(/private/);
  });

  it('connects to the address it checked, with the name kept for TLS', async () => {
    const opts = await imapFlowOptions(account, 'pw', [], async () => ['93.184.216.34']);
    expect(opts).toMatchObject({ host: '93.184.216.34', servername: 'imap.example.com', port: 993, secure: true });
    // A name that resolves (now) to a private address is refused at connect time: DNS rebinding.
    await expect(imapFlowOptions(account, 'pw', [], async () => ['93.184.216.34', '10.0.0.1'])).rejects.toThrow(/private/);
    await expect(imapFlowOptions(account, 'pw', [], async () => [])).rejects.toThrow(/private|no address/);
    // Allowed hosts are the operator's word: no resolution needed.
    const lan = await imapFlowOptions({ ...account, host: 'mail.lan', security: 'starttls' }, 'pw', ['mail.lan'], async () => {
      throw new Error('not resolved');
    });
    expect(lan).toMatchObject({ host: 'mail.lan', secure: false, doSTARTTLS: true });
  });
});

describe('returnPath', () => {
  it('reads the Return-Path a delivering server stored: an address, the null sender, or none', () => {
    expect(returnPath(Buffer.from('Return-Path: <bounce@example.com>\r\nFrom: a@b.c\r\n\r\nbody'))).toBe('bounce@example.com');
    expect(returnPath(Buffer.from('Return-Path: <>\r\nFrom: a@b.c\r\n\r\nbody'))).toBeNull();
    expect(returnPath(Buffer.from('From: a@b.c\r\n\r\nReturn-Path: <x@y.z>\r\n'))).toBeUndefined();
  });
});
