import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../widget/bundle.js';

/**
 * Where the agent console's sources and build live, and whether the build is stale. The build itself
 * is Vite's (`npm run build`, or bin/meridian.js when the sources are newer than console/dist).
 */
export const consoleSources = (root = packageRoot()): string => path.join(root, 'console');
export const consoleDist = (root = packageRoot()): string => path.join(root, 'console', 'dist');
export const consoleIndex = (root = packageRoot()): string => path.join(consoleDist(root), 'index.html');

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = 0;
  for (const e of readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

/** The inputs of the build: sources, the HTML entry and the Vite config (not console/dist itself). */
const inputs = (root: string) => ['src', 'index.html', 'vite.config.ts'].map((f) => path.join(consoleSources(root), f));

/** The built index.html is missing or older than a source (no sources: an installed package, never stale). */
export function consoleStale(root = packageRoot()): boolean {
  const src = path.join(consoleSources(root), 'src');
  if (!existsSync(src)) return false;
  const index = consoleIndex(root);
  return !existsSync(index) || Math.max(...inputs(root).map(newest)) > statSync(index).mtimeMs;
}

/** Builds console/ into console/dist with Vite (a dev dependency: a production install ships the build instead). */
export async function buildConsole(root = packageRoot()): Promise<void> {
  const vite = await import('vite');
  // Vite and React follow NODE_ENV: under a test runner (NODE_ENV=test, inherited by the build the test
  // setup starts) they would emit React's development build, several times larger and slower, which
  // `npm start` would then serve. The console always ships the production build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await vite.build({ configFile: path.join(consoleSources(root), 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
