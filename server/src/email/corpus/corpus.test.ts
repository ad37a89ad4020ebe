// Acceptance item 2 of the email channel: every message of the public-test-suite corpus parses
// without a crash and ends up either ingestible or quarantined. For now the parser is mailparser's
// simpleParser; when Meridian's own ingest exists it replaces the call below.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { listMessageFiles, loadCorpus, readManifest } from './corpus.js';

const corpus = loadCorpus();

describe('email corpus manifest', () => {
  it('has at least 60 entries, each with a source and a licence', () => {
    const manifest = readManifest();
    expect(manifest.length).toBeGreaterThanOrEqual(60);
    for (const entry of manifest) {
      expect(entry.source, entry.file).toMatch(/^[^/\s]+\/[^/\s]+$/);
      expect(entry.licence.trim(), entry.file).not.toBe('');
    }
  });

  it('lists every .eml file under messages/ exactly once, and nothing else', () => {
    const listed = readManifest().map((e) => e.file);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(listMessageFiles());
  });
});

describe('email corpus parses', () => {
  it.each(corpus.map((m) => [m.file, m] as const))('%s', async (_file, message) => {
    const parsed = await simpleParser(message.raw);
    const usable = Boolean(parsed.text?.trim()) || Boolean(parsed.html) || parsed.attachments.length > 0 || parsed.headers.size > 0;
    // "ingest": something a conversation can be made of; "quarantine": nothing usable came out.
    expect(usable ? 'ingest' : 'quarantine').toBe(message.expect);
  });
});
