/**
 * Benchmark dispatcher: `npm run bench -- <name> [args…]` runs `bench/<name>.ts`'s exported `run(args)`.
 * A missing or unknown name lists the available benches and exits 2.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Bench = (args: string[]) => Promise<number | void>;

const here = path.dirname(fileURLToPath(import.meta.url));
const NAME_RE = /^[a-z0-9][a-z0-9-]*$/;

function available(): string[] {
  return readdirSync(here)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts') && f !== 'run.ts' && !f.startsWith('_'))
    .map((f) => f.slice(0, -3))
    .filter((n) => NAME_RE.test(n))
    .sort();
}

function usage(problem: string): never {
  const names = available();
  process.stderr.write(
    `${problem}\nusage: npm run bench -- <name> [options]\navailable benches: ${names.length ? names.join(', ') : '(none)'}\n`,
  );
  process.exit(2);
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  if (!name || name === '--help' || name === '-h') usage(name ? 'benchmarks:' : 'no bench named.');
  if (!NAME_RE.test(name) || !available().includes(name)) usage(`unknown bench "${name}".`);
  const mod = (await import(pathToFileURL(path.join(here, `${name}.ts`)).href)) as { run?: Bench };
  if (typeof mod.run !== 'function') usage(`bench/${name}.ts exports no run(args).`);
  const code = await mod.run(args);
  // Benches own their resources; exit explicitly so a stray handle cannot hang CI.
  process.exit(typeof code === 'number' ? code : 0);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
