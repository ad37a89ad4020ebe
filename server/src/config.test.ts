import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./data on port 3000', () => {
    const c = loadConfig({}, {});
    expect(c.db).toEqual({ kind: 'pglite', dataDir: path.resolve('./data') });
    expect(c.port).toBe(3000);
    expect(c.bodyLimit).toBe(1024 * 1024);
  });

  it('takes DATABASE_URL from the environment, but an explicit flag wins', () => {
    const env = { DATABASE_URL: 'postgres://u@h:5432/env' };
    expect(loadConfig({}, env).db).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/env' });
    expect(loadConfig({ data: '/tmp/x' }, env).db).toEqual({ kind: 'pglite', dataDir: '/tmp/x' });
    expect(loadConfig({ databaseUrl: 'postgresql://u@h/flag' }, env).db).toEqual({ kind: 'postgres', url: 'postgresql://u@h/flag' });
  });

  it('refuses bad values with a message naming the setting', () => {
    expect(() => loadConfig({ port: '70000' }, {})).toThrow(/PORT/);
    expect(() => loadConfig({ databaseUrl: 'mysql://x' }, {})).toThrow(ConfigError);
    expect(() => loadConfig({ data: 'd', databaseUrl: 'postgres://x' }, {})).toThrow(/either/);
    expect(() => loadConfig({}, { MERIDIAN_BODY_LIMIT: 'lots' })).toThrow(/MERIDIAN_BODY_LIMIT/);
    expect(() => loadConfig({}, { LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('reads the secret key, its file and the hosts engines may reach on a private network', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({}, { MERIDIAN_SECRET_KEY: hex }).secretKey?.toString('hex')).toBe(hex);
    expect(loadConfig({ data: '/srv/m' }, {}).secretKeyFile).toBe(path.resolve('/srv/m/secret.key'));
    expect(loadConfig({}, { MERIDIAN_SECRET_KEY_FILE: '/etc/meridian/key' }).secretKeyFile).toBe('/etc/meridian/key');
    expect(loadConfig({}, { MERIDIAN_PROVIDER_ALLOWED_HOSTS: ' mt.lan, 10.0.0.5:5000 ,[::1]:80' }).providerAllowedHosts).toEqual([
      'mt.lan',
      '10.0.0.5:5000',
      '[::1]:80',
    ]);
    expect(() => loadConfig({}, { MERIDIAN_SECRET_KEY: 'short' })).toThrow(/MERIDIAN_SECRET_KEY/);
    expect(() => loadConfig({}, { MERIDIAN_PROVIDER_ALLOWED_HOSTS: 'http://mt.lan/' })).toThrow(/MERIDIAN_PROVIDER_ALLOWED_HOSTS/);
  });

  it("reads the SMTP listener's certificate pair, size limit and the IMAP poll interval", () => {
    const c = loadConfig({}, {});
    expect(c.smtpTls).toBeUndefined();
    expect(c.smtpMaxBytes).toBe(25 * 1024 * 1024);
    expect(c.imapPollSeconds).toBe(60);
    const env = {
      MERIDIAN_SMTP_TLS_CERT: '/etc/mx/cert.pem',
      MERIDIAN_SMTP_TLS_KEY: '/etc/mx/key.pem',
      MERIDIAN_SMTP_MAX_BYTES: '1048576',
    };
    expect(loadConfig({}, env)).toMatchObject({
      smtpTls: { certFile: '/etc/mx/cert.pem', keyFile: '/etc/mx/key.pem' },
      smtpMaxBytes: 1048576,
    });
    expect(loadConfig({}, { MERIDIAN_IMAP_POLL_SECONDS: '0' }).imapPollSeconds).toBe(0);
    expect(() => loadConfig({}, { MERIDIAN_SMTP_TLS_CERT: '/etc/mx/cert.pem' })).toThrow(/MERIDIAN_SMTP_TLS_KEY/);
    expect(() => loadConfig({}, { MERIDIAN_SMTP_MAX_BYTES: '10' })).toThrow(/MERIDIAN_SMTP_MAX_BYTES/);
    expect(() => loadConfig({}, { MERIDIAN_IMAP_POLL_SECONDS: '-1' })).toThrow(/MERIDIAN_IMAP_POLL_SECONDS/);
  });
});
