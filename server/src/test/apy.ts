import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from './spawn-server.js';

const PYTHON = '/usr/bin/python3';
const MODES = '/usr/share/apertium/modes';
const LAUNCHER = path.join(REPO_ROOT, 'scripts', 'apy-local.py');

/** The pairs the suite translates with: English⇄Spanish and Spanish⇄Portuguese (Debian apertium-eng-spa, apertium-es-pt). */
export const APY_MODES = ['eng-spa.mode', 'spa-eng.mode', 'es-pt.mode', 'pt-es.mode'];

export const apyInstalled = (): boolean =>
  existsSync(PYTHON) &&
  existsSync('/usr/lib/python3/dist-packages/apertium_apy') &&
  APY_MODES.every((m) => existsSync(path.join(MODES, m)));

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });

/** Starts a real Apertium APy on 127.0.0.1 and waits until it lists its pairs. */
export async function startApy(timeoutMs = 30_000): Promise<{ url: string; stop(): void; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(PYTHON, [LAUNCHER, '-p', String(port), MODES], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`APy exited (${child.exitCode}):\n${stderr}`);
    try {
      const res = await fetch(`${url}/listPairs`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > end) {
      child.kill('SIGKILL');
      throw new Error(`APy did not answer on ${url} within ${timeoutMs} ms:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child, stop: () => void child.kill('SIGTERM') };
}
