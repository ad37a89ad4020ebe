/**
 * The console build's JavaScript: what index.html loads before any route (its module script and
 * modulepreloads) against everything in console/dist/assets, raw and gzip-compressed, and whether
 * the inbox page is a chunk of its own outside that initial set.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { consoleDist } from '../../server/src/console/console-build.js';

export interface Bundle {
  initial: string[];
  initialRaw: number;
  initialGzip: number;
  totalRaw: number;
  totalGzip: number;
  files: number;
  /** The inbox page's chunk, when it is one of its own. */
  inboxChunk: string | null;
  inboxInInitial: boolean;
}

export function readBundle(): Bundle {
  const dist = consoleDist();
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const js = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const size = (f: string) => {
    const b = readFileSync(path.join(dist, 'assets', f));
    return { raw: b.length, gzip: gzipSync(b).length };
  };
  const sum = (files: string[]) => files.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  const init = sum(initial);
  const total = sum(js);
  const inboxChunk = js.find((f) => /^inbox-page-/.test(f)) ?? null;
  return {
    initial,
    initialRaw: init.raw,
    initialGzip: init.gzip,
    totalRaw: total.raw,
    totalGzip: total.gzip,
    files: js.length,
    inboxChunk,
    inboxInInitial: inboxChunk !== null && initial.includes(inboxChunk),
  };
}
