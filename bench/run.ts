/**
 * Benchmark dispatcher: `npm run bench -- <name> [args…]` runs the exported `run(args)` of
 * `bench/<name>.ts`, or of `bench/<name>/index.ts` for a bench split over a folder.
 * A missing or unknown name lists the available benches and exits 2.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Bench = (args: string[]) => Promise<number | void>;

const here = path.dirname(fileURLToPath(import.meta.url));
const NAME_RE = /^[a-z0-9][a-z0-9-]*$/;

/** Bench name → entry file: `<name>.ts` (not run.ts, *.d.ts or *.test.ts), or `<name>/index.ts`. */
function available(): Map<string, string> {
  const benches = new Map<string, string>();
  for (const e of readdirSync(here, { withFileTypes: true })) {
    const f = e.name;
    if (e.isFile() && f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts') && f !== 'run.ts') {
      benches.set(f.slice(0, -3), path.join(here, f));
    } else if (e.isDirectory() && existsSync(path.join(here, f, 'index.ts'))) {
      benches.set(f, path.join(here, f, 'index.ts'));
    }
  }
  // Names such as `_shared` are not benches.
  return new Map([...benches].filter(([n]) => NAME_RE.test(n)));
}

function usage(problem: string): never {
  const names = [...available().keys()].sort();
  process.stderr.write(
    `${problem}\nusage: npm run bench -- <name> [options]\navailable benches: ${names.length ? names.join(', ') : '(none)'}\n`,
  );
  process.exit(2);
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  if (!name || name === '--help' || name === '-h') usage(name ? 'benchmarks:' : 'no bench named.');
  const entry = NAME_RE.test(name) ? available().get(name) : undefined;
  if (!entry) usage(`unknown bench "${name}".`);
  const mod = (await import(pathToFileURL(entry).href)) as { run?: Bench };
  if (typeof mod.run !== 'function') usage(`${path.relative(path.dirname(here), entry)} exports no run(args).`);
  const code = await mod.run(args);
  // Benches own their resources; exit explicitly so a stray handle cannot hang CI.
  process.exit(typeof code === 'number' ? code : 0);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
