// The email parsing corpus: real-world and malformed messages taken from public parser test
// suites (SOURCES.md says where each came from and under which licence). manifest.json lists
// every message; this module reads it relative to this file so tests can run from any cwd.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_KINDS = ['charset', 'mime', 'attachment', 'dsn', 'report', 'auto-reply', 'malformed', 'headers', 'plain'] as const;
export type CorpusKind = (typeof CORPUS_KINDS)[number];

/** What a correct ingest does with the message: make a conversation from it, or quarantine it. */
export type CorpusExpectation = 'ingest' | 'quarantine';

export interface CorpusEntry {
  /** Path relative to the corpus directory, e.g. `messages/cpython/msg_02.eml`. */
  file: string;
  /** Upstream repository, `owner/name`. */
  source: string;
  /** Path of the file in the upstream repository. */
  upstreamPath: string;
  licence: string;
  kind: CorpusKind;
  expect: CorpusExpectation;
  notes: string;
}

export interface CorpusMessage {
  file: string;
  source: string;
  licence: string;
  kind: CorpusKind;
  expect: CorpusExpectation;
  notes: string;
  raw: Buffer;
}

export const CORPUS_DIR = path.dirname(fileURLToPath(import.meta.url));
export const MESSAGES_DIR = path.join(CORPUS_DIR, 'messages');

function str(value: unknown, field: string, index: number): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(`corpus manifest entry ${index}: "${field}" must be a non-empty string`);
  }
  return value;
}

/** Reads and checks manifest.json; throws on an entry that does not have the expected shape. */
export function readManifest(): CorpusEntry[] {
  const parsed: unknown = JSON.parse(readFileSync(path.join(CORPUS_DIR, 'manifest.json'), 'utf8'));
  if (!Array.isArray(parsed)) throw new Error('corpus manifest must be an array');
  return parsed.map((item: unknown, i): CorpusEntry => {
    if (typeof item !== 'object' || item === null) throw new Error(`corpus manifest entry ${i} is not an object`);
    const e = item as Record<string, unknown>;
    const kind = str(e.kind, 'kind', i);
    if (!(CORPUS_KINDS as readonly string[]).includes(kind)) {
      throw new Error(`corpus manifest entry ${i}: unknown kind "${kind}"`);
    }
    const expect = str(e.expect, 'expect', i);
    if (expect !== 'ingest' && expect !== 'quarantine') {
      throw new Error(`corpus manifest entry ${i}: expect must be "ingest" or "quarantine"`);
    }
    return {
      file: str(e.file, 'file', i),
      source: str(e.source, 'source', i),
      upstreamPath: str(e.upstreamPath, 'upstreamPath', i),
      licence: str(e.licence, 'licence', i),
      kind: kind as CorpusKind,
      expect,
      notes: str(e.notes, 'notes', i),
    };
  });
}

/** Every manifest entry with the message's bytes, exactly as stored on disk. */
export function loadCorpus(): CorpusMessage[] {
  return readManifest().map(({ file, source, licence, kind, expect, notes }) => ({
    file,
    source,
    licence,
    kind,
    expect,
    notes,
    raw: readFileSync(path.join(CORPUS_DIR, file)),
  }));
}

/** Every .eml file under messages/, as paths relative to the corpus directory, sorted. */
export function listMessageFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? walk(path.join(dir, d.name)) : d.name.endsWith('.eml') ? [path.join(dir, d.name)] : [],
    );
  return walk(MESSAGES_DIR)
    .map((f) => path.relative(CORPUS_DIR, f).split(path.sep).join('/'))
    .sort();
}
