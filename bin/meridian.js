#!/usr/bin/env node
// Builds the server, the chat widget and the agent console when their builds are missing or older than the sources, then runs the CLI.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist', 'cli.js');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const src = path.join(root, 'server', 'src');
if (existsSync(src) && (!existsSync(entry) || newest(src) > statSync(entry).mtimeMs)) {
  process.stderr.write('Building Meridian…\n');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit' });
}
// The chat widget's browser bundle (dist/widget/widget.js), by the build module just compiled.
const bundle = path.join(root, 'dist', 'widget', 'bundle.js');
if (existsSync(bundle)) {
  const widget = await import(pathToFileURL(bundle).href);
  if (widget.widgetStale(root)) {
    process.stderr.write('Building the chat widget…\n');
    await widget.writeWidget(root);
  }
}
// The agent console (console/dist, Vite), by the module just compiled. Vite is a dev dependency: an
// install without it serves the console it shipped with, or a page saying to run `npm run build`.
const consoleBuild = path.join(root, 'dist', 'console', 'console-build.js');
if (existsSync(consoleBuild)) {
  const web = await import(pathToFileURL(consoleBuild).href);
  if (web.consoleStale(root)) {
    process.stderr.write('Building the agent console…\n');
    try {
      await web.buildConsole(root);
    } catch (err) {
      if (err.code !== 'ERR_MODULE_NOT_FOUND') throw err;
      process.stderr.write('Vite is not installed (npm install without --omit=dev), so the agent console is not built.\n');
    }
  }
}
await import(pathToFileURL(entry).href);
