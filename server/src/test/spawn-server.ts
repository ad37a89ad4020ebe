import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runs the built CLI (dist/cli.js) as a real child process: for tests that need a process
 * boundary (kill -9, restart, a second process on the same database).
 */

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BIN = path.join(REPO_ROOT, 'bin', 'meridian.js');
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

/** Settings the child must not inherit from the test environment: flags say where the data is. */
const STRIPPED_ENV = ['DATABASE_URL', 'MERIDIAN_DATA', 'PORT', 'HOST'];

/** One secret key per test process: restarts read what earlier starts sealed, and no key file lands in the repo. */
const SECRET_KEY = randomBytes(32).toString('hex');

function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', MERIDIAN_SECRET_KEY: SECRET_KEY };
  for (const k of STRIPPED_ENV) delete env[k];
  return { ...env, ...extra };
}

/** Builds dist/ when it is missing or older than the sources (bin/meridian.js decides). */
export function ensureBuilt(): void {
  // `--help` without a command prints the usage and exits 2 after the build check.
  const r = spawnSync(process.execPath, [BIN, '--help'], { cwd: REPO_ROOT, env: childEnv(), encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 2 || !existsSync(CLI)) {
    throw new Error(`building Meridian failed (exit ${r.status}, signal ${r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one CLI command to completion (`meridian token create …`). */
export function runCli(args: string[], opts: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env: childEnv(opts.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`meridian ${args.join(' ')} timed out after ${opts.timeoutMs ?? 60_000} ms\n${stderr}`));
    }, opts.timeoutMs ?? 60_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Like runCli, but throws unless the command exits 0; returns stdout trimmed. */
export async function runCliOk(args: string[], opts: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<string> {
  const r = await runCli(args, opts);
  if (r.code !== 0) throw new Error(`meridian ${args.join(' ')} exited ${r.code}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout.trim();
}

export interface SpawnedServer {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  pid: number;
  child: ChildProcess;
  /** Everything the process wrote to stderr so far (for failure messages). */
  output(): string;
  /** Sends a signal and resolves when the process has exited. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (graceful shutdown), then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const live = new Set<SpawnedServer>();

/**
 * Starts `meridian start --port 0 [--smtp-port 0] <args>` and resolves once it prints the URL it serves on.
 * Pass `--data DIR` or `--database-url URL` in `args`.
 */
export function spawnServer(
  args: string[],
  opts: { env?: Record<string, string>; timeoutMs?: number; viaBin?: boolean } = {},
): Promise<SpawnedServer> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  // viaBin: exactly what `npm start` runs (bin/meridian.js builds if needed, then starts).
  // No SMTP listener unless the test asks for one: parallel test servers would all want port 2525.
  const smtp = args.includes('--smtp-port') ? [] : ['--smtp-port', '0'];
  const child = spawn(process.execPath, [opts.viaBin ? BIN : CLI, 'start', '--port', '0', ...smtp, ...args], {
    cwd: REPO_ROOT,
    env: childEnv(opts.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  let done = false;
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };

  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void kill('SIGKILL');
      reject(new Error(`meridian start ${args.join(' ')}: ${why}\n--- stderr ---\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`no "serving on" line within ${timeoutMs} ms`), timeoutMs);
    child.on('error', (err) => fail(err.message));
    void exited.then(({ code, signal }) => fail(`exited (code ${code}, signal ${signal}) before serving`));
    child.stdout!.setEncoding('utf8').resume(); // drain; the server writes nothing here
    child.stderr!.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
      const m = /Meridian is serving on (http:\/\/\S+)/.exec(stderr);
      if (!m || done) return;
      done = true;
      clearTimeout(timer);
      const server: SpawnedServer = {
        url: m[1]!,
        pid: child.pid!,
        child,
        output: () => stderr,
        kill: async (signal) => {
          const r = await kill(signal);
          live.delete(server);
          return r;
        },
        stop: async (graceMs = 15_000) => {
          const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
          try {
            return await server.kill('SIGTERM');
          } finally {
            clearTimeout(t);
          }
        },
      };
      live.add(server);
      resolve(server);
    });
  });
}

/** Kills (SIGKILL) every server this module started that is still running: for afterAll. */
export async function killSpawnedServers(): Promise<void> {
  await Promise.all([...live].map((s) => s.kill('SIGKILL')));
}
