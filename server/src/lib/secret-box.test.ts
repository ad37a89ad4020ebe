import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyFromFile, parseSecretKey, SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  const box = SecretBox.random();

  it('opens what it sealed, for the same context only', () => {
    const sealed = box.seal({ apiKey: 'dl-secret-123' }, 'workspace-a');
    expect(sealed).not.toContain('dl-secret-123');
    expect(box.open(sealed, 'workspace-a')).toEqual({ apiKey: 'dl-secret-123' });
    expect(box.open(sealed, 'workspace-b')).toBeNull();
  });

  it('seals the same value differently each time (random IV)', () => {
    expect(box.seal('x', 'ws')).not.toBe(box.seal('x', 'ws'));
  });

  it('refuses another key, a tampered ciphertext and garbage', () => {
    const sealed = box.seal({ apiKey: 'k' }, 'ws');
    expect(SecretBox.random().open(sealed, 'ws')).toBeNull();
    const parts = sealed.split('.');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    expect(box.open([parts[0], parts[1], parts[2], ct.toString('base64url')].join('.'), 'ws')).toBeNull();
    expect(box.open('v1.nope', 'ws')).toBeNull();
    expect(box.open('', 'ws')).toBeNull();
  });

  it('takes only 32-byte keys', () => {
    expect(() => SecretBox.fromKey(Buffer.alloc(16))).toThrow(/32 bytes/);
    expect(parseSecretKey('ab'.repeat(32))).toHaveLength(32);
    expect(parseSecretKey(Buffer.alloc(32, 7).toString('base64'))).toHaveLength(32);
    expect(parseSecretKey(Buffer.alloc(32, 7).toString('base64url'))).toHaveLength(32);
    expect(parseSecretKey('ab'.repeat(31))).toBeNull();
    expect(parseSecretKey('not a key')).toBeNull();
  });
});

describe('keyFromFile', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a 0600 key file once and reads the same key afterwards', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'meridian-key-'));
    const file = path.join(dir, 'sub', 'secret.key');
    const first = keyFromFile(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(keyFromFile(file).equals(first)).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('hex'));
  });

  it('refuses a file that holds no key', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'meridian-key-'));
    const file = path.join(dir, 'secret.key');
    writeFileSync(file, 'hello\n');
    expect(() => keyFromFile(file)).toThrow(/32-byte key/);
  });
});
