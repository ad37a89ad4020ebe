import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The browser bundle (/widget.js) from widget/src: esbuild, one IIFE, minified, for browsers of
 * 2020 on. `npm start` writes it to dist/widget/widget.js when the sources are newer (bin/meridian.js);
 * the server serves that file, or builds in memory when it is missing or stale (development).
 */

/** The package root: the nearest folder above this module with a package.json (src or dist alike). */
export function packageRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

const sources = (root: string) => path.join(root, 'widget', 'src');
export const widgetOutFile = (root: string): string => path.join(root, 'dist', 'widget', 'widget.js');

export async function buildWidget(root = packageRoot()): Promise<string> {
  const out = await build({
    entryPoints: [path.join(sources(root), 'main.ts')],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    // UTF-8 strings as they are: \u escapes would triple the size of every non-Latin UI string.
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** The built file is missing, or older than a source file (sources absent: an installed package, never stale). */
export function widgetStale(root = packageRoot()): boolean {
  const out = widgetOutFile(root);
  if (!existsSync(out)) return existsSync(sources(root));
  return existsSync(sources(root)) && newest(sources(root)) > statSync(out).mtimeMs;
}

export async function writeWidget(root = packageRoot()): Promise<number> {
  const js = await buildWidget(root);
  mkdirSync(path.dirname(widgetOutFile(root)), { recursive: true });
  writeFileSync(widgetOutFile(root), js);
  return Buffer.byteLength(js);
}

/** The bundle to serve: the built file when fresh, else a build in memory. */
export async function loadWidget(root = packageRoot()): Promise<string> {
  return widgetStale(root) ? buildWidget(root) : readFileSync(widgetOutFile(root), 'utf8');
}
