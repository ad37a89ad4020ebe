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

  it('picks the blob store: files by default, or an S3-compatible bucket checked at start', () => {
    expect(loadConfig({}, {})).toMatchObject({ blobStore: 'fs', s3: undefined });
    const s3 = {
      MERIDIAN_BLOB_STORE: 's3',
      MERIDIAN_S3_ENDPOINT: 'http://127.0.0.1:9000',
      MERIDIAN_S3_BUCKET: 'helpdesk-files',
      MERIDIAN_S3_REGION: 'eu-central-1',
      MERIDIAN_S3_FORCE_PATH_STYLE: 'true',
      MERIDIAN_S3_ACCESS_KEY_ID: 'AKID',
      MERIDIAN_S3_SECRET_ACCESS_KEY: 'secret',
    };
    expect(loadConfig({}, s3).s3).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'helpdesk-files',
      region: 'eu-central-1',
      forcePathStyle: true,
      accessKeyId: 'AKID',
      secretAccessKey: 'secret',
      sessionToken: undefined,
    });
    // Only a bucket given: AWS's regional endpoint, virtual-hosted style, the standard AWS_* keys.
    const aws = {
      MERIDIAN_BLOB_STORE: 's3',
      MERIDIAN_S3_BUCKET: 'b-1',
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'A',
      AWS_SECRET_ACCESS_KEY: 'S',
    };
    expect(loadConfig({}, aws).s3).toMatchObject({
      endpoint: 'https://s3.eu-west-1.amazonaws.com',
      forcePathStyle: false,
      accessKeyId: 'A',
    });

    const without = (k: keyof typeof s3) => Object.fromEntries(Object.entries(s3).filter(([name]) => name !== k));
    expect(() => loadConfig({}, { MERIDIAN_BLOB_STORE: 'gcs' })).toThrow(/MERIDIAN_BLOB_STORE must be fs or s3/);
    expect(() => loadConfig({}, without('MERIDIAN_S3_BUCKET'))).toThrow(/needs MERIDIAN_S3_BUCKET/);
    expect(() => loadConfig({}, without('MERIDIAN_S3_SECRET_ACCESS_KEY'))).toThrow(
      /both MERIDIAN_S3_ACCESS_KEY_ID and MERIDIAN_S3_SECRET_ACCESS_KEY/,
    );
    expect(() => loadConfig({}, without('MERIDIAN_S3_ACCESS_KEY_ID'))).toThrow(/both MERIDIAN_S3_ACCESS_KEY_ID/);
    const noKeys = { MERIDIAN_BLOB_STORE: 's3', MERIDIAN_S3_BUCKET: 'b-1' };
    expect(() => loadConfig({}, noKeys)).toThrow(/needs MERIDIAN_S3_ACCESS_KEY_ID and MERIDIAN_S3_SECRET_ACCESS_KEY/);
    expect(() => loadConfig({}, { ...s3, MERIDIAN_S3_ENDPOINT: 'ftp://files' })).toThrow(/MERIDIAN_S3_ENDPOINT/);
    expect(() => loadConfig({}, { ...s3, MERIDIAN_S3_ENDPOINT: 'https://key:secret@s3.example' })).toThrow(/MERIDIAN_S3_ENDPOINT/);
    expect(() => loadConfig({}, { ...s3, MERIDIAN_S3_FORCE_PATH_STYLE: 'yes' })).toThrow(/MERIDIAN_S3_FORCE_PATH_STYLE/);
    expect(() => loadConfig({}, { ...s3, MERIDIAN_S3_BUCKET: 'Has/Slash' })).toThrow(/not a bucket name/);
    // S3 settings without the switch are a half-done change, not something to ignore.
    expect(() => loadConfig({}, without('MERIDIAN_BLOB_STORE'))).toThrow(/MERIDIAN_S3_.* is set but MERIDIAN_BLOB_STORE is not s3/);
  });

  it("reads the messaging APIs' base URLs: the providers' own unless the operator points elsewhere", () => {
    expect(loadConfig({}, {}).channelApis).toEqual({
      whatsapp: 'https://graph.facebook.com',
      telegram: 'https://api.telegram.org',
      twilio: 'https://api.twilio.com',
    });
    const env = { MERIDIAN_WHATSAPP_API_URL: 'http://127.0.0.1:8081/', MERIDIAN_TWILIO_API_URL: 'https://proxy.example/twilio' };
    expect(loadConfig({}, env).channelApis).toMatchObject({ whatsapp: 'http://127.0.0.1:8081', twilio: 'https://proxy.example/twilio' });
    expect(() => loadConfig({}, { MERIDIAN_TELEGRAM_API_URL: 'api.telegram.org' })).toThrow(/MERIDIAN_TELEGRAM_API_URL/);
    expect(() => loadConfig({}, { MERIDIAN_TWILIO_API_URL: 'https://sid:token@api.twilio.com' })).toThrow(/MERIDIAN_TWILIO_API_URL/);
  });
});
