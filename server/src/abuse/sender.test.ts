import { describe, expect, it } from 'vitest';
import { senderOf } from './sender.js';

describe('senderOf', () => {
  it('reads the channel’s own key, e-mail lower-cased, the rest exact', () => {
    expect(senderOf('email', { from: ' Ana@Example.COM ' })).toEqual({ channel: 'email', address: 'ana@example.com' });
    expect(senderOf('sms', { from: '+15550100777', to: '+15550100000' })).toEqual({ channel: 'sms', address: '+15550100777' });
    expect(senderOf('telegram', { from: '987654321' })).toEqual({ channel: 'telegram', address: '987654321' });
    expect(senderOf('chat', { visitorId: 'Visitor-A', from: 'ignored' })).toEqual({ channel: 'chat', address: 'Visitor-A' });
  });

  it('falls back to the widget visitor a message names, on chat', () => {
    expect(senderOf('email', { visitorId: 'v1', source: 'widget_offline' })).toEqual({ channel: 'chat', address: 'v1' });
    expect(senderOf('api', { visitorId: 'v2' })).toEqual({ channel: 'chat', address: 'v2' });
  });

  it('names nobody without a usable key', () => {
    expect(senderOf('email', null)).toBeNull();
    expect(senderOf('email', {})).toBeNull();
    expect(senderOf('whatsapp', { from: '   ' })).toBeNull();
    expect(senderOf('api', { from: 'someone@example.com' })).toBeNull();
  });
});
