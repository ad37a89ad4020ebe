import { describe, expect, it } from 'vitest';
import { failedRecipients, parseDsn } from './dsn.js';

const PER_MESSAGE = 'Reporting-MTA: dns; mx.customer.example\r\nArrival-Date: Mon, 2 Mar 2026 08:00:00 +0000\r\n';

describe('parseDsn', () => {
  it('reads each per-recipient block after the per-message fields', () => {
    const body = [
      PER_MESSAGE,
      'Final-Recipient: rfc822; gone@customer.example\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\r\n',
      'Original-Recipient: rfc822;slow@customer.example\r\nFinal-Recipient: rfc822; slow@customer.example\r\nAction: delayed\r\nStatus: 4.2.2\r\n',
      'Final-Recipient: rfc822; ok@customer.example\r\nAction: delivered\r\nStatus: 2.0.0\r\n',
    ].join('\r\n');
    expect(parseDsn(body)).toEqual([
      { address: 'gone@customer.example', action: 'failed', status: '5.1.1', diagnostic: 'smtp; 550 5.1.1 user unknown' },
      { address: 'slow@customer.example', action: 'delayed', status: '4.2.2', diagnostic: null },
      { address: 'ok@customer.example', action: 'delivered', status: '2.0.0', diagnostic: null },
    ]);
    expect(failedRecipients(parseDsn(body)).map((r) => r.address)).toEqual(['gone@customer.example']);
  });

  it('takes LF line ends, folded fields, angle brackets, upper case and Original-Recipient alone', () => {
    const body = [
      PER_MESSAGE.replace(/\r\n/g, '\n'),
      'FINAL-RECIPIENT: RFC822; <Ana.Silva@Customer.Example>\nACTION: Failed\nStatus: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 mailbox\n  is full\n',
      'Original-Recipient: rfc822; only-original@customer.example\nAction: failed\n',
    ].join('\n');
    expect(parseDsn(body)).toEqual([
      { address: 'ana.silva@customer.example', action: 'failed', status: '5.2.2', diagnostic: 'smtp; 552 5.2.2 mailbox is full' },
      { address: 'only-original@customer.example', action: 'failed', status: null, diagnostic: null },
    ]);
  });

  it('skips blocks without a recipient or an action, and recipients that are not addresses', () => {
    const body = [
      PER_MESSAGE,
      'Final-Recipient: rfc822; no-action@customer.example\r\nStatus: 5.0.0\r\n',
      'Action: failed\r\nStatus: 5.0.0\r\n',
      'Final-Recipient: x400; /C=US/ADMD=x/\r\nAction: failed\r\n',
      'Final-Recipient: rfc822; two words@customer.example\r\nAction: failed\r\n',
    ].join('\r\n');
    expect(parseDsn(body)).toEqual([]);
    expect(parseDsn('')).toEqual([]);
    expect(parseDsn('garbage without any structure')).toEqual([]);
  });

  it('bounds what it keeps: 100 recipients, a 20-character status, a 500-character diagnostic', () => {
    const blocks = Array.from({ length: 150 }, (_, i) => `Final-Recipient: rfc822; r${i}@customer.example\r\nAction: failed\r\n`);
    expect(parseDsn([PER_MESSAGE, ...blocks].join('\r\n'))).toHaveLength(100);
    const [long] = parseDsn(
      `Final-Recipient: rfc822; x@customer.example\r\nAction: failed\r\nStatus: ${'5'.repeat(50)}\r\nDiagnostic-Code: ${'d'.repeat(2000)}\r\n`,
    );
    expect(long!.status).toHaveLength(20);
    expect(long!.diagnostic).toHaveLength(500);
  });

  it('drops NUL and other control characters, which the database would refuse', () => {
    const [r] = parseDsn(
      'Final-Recipient: rfc822; go\u0000ne@customer.example\r\nAction: fail\u0001ed\r\nDiagnostic-Code: smtp; 550\u0000 unknown\r\n',
    );
    expect(r).toEqual({ address: 'gone@customer.example', action: 'failed', status: null, diagnostic: 'smtp; 550 unknown' });
  });

  it('only failed counts as a failure', () => {
    const all = ['failed', 'delayed', 'delivered', 'relayed', 'expanded'].map((action) => ({
      address: `${action}@x.example`,
      action,
      status: null,
      diagnostic: null,
    }));
    expect(failedRecipients(all).map((r) => r.action)).toEqual(['failed']);
  });
});
