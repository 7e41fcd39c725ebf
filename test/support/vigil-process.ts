// A Vigil server as a child process, compiled as `npm start` runs it (dist/; `npm test` and
// `npm run bench` build first): for tests and benches that need a server they can kill or measure
// on its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const VIGIL_DIST = join(import.meta.dirname, '..', '..', 'dist', 'server', 'server', 'cli', 'run.js');

export interface VigilProcess {
  child: ChildProcess;
  /** Its own address, http://127.0.0.1:PORT. */
  base: string;
  /** What it printed (stdout and stderr), the last 16 KB. */
  output(): string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `vigil start` on 127.0.0.1:`port` with `env` added to this process's; returns at once (see waitUntilUp). */
export function spawnVigil(port: number, env: Record<string, string>): VigilProcess {
  const child = spawn(process.execPath, [VIGIL_DIST, 'start'], {
    env: { ...process.env, LANG: 'C.UTF-8', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-16_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { child, base: `http://127.0.0.1:${port}`, output: () => output };
}

/** Until `url` answers 200 (at most 30 s); throws with the server's output if it exits or never answers. */
export async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer ${url} within 30 s:\n${output()}`);
}

/** SIGTERM (a clean stop), SIGKILL after 5 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
