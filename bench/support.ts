// Shared by the benches: start a Vigil server (compiled, as `npm start` runs it) as a child
// process on a fresh data folder, and read its memory from /proc.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

// The compiled server, as `npm start` runs it (npm run bench builds first).
export const VIGIL = join(import.meta.dirname, '..', 'dist', 'server', 'server', 'cli', 'run.js');
export const BENCH_EMAIL = 'bench@example.org';
export const BENCH_PASSPHRASE = 'bench passphrase 12345';

/** Reads one field (in kB) of /proc/<pid>/status; null once the process is gone. */
export async function procKb(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Polls VmRSS every 200 ms; `phaseMax` is reset at the start of each phase. */
export function rssSampler(pid: number) {
  const sampler = {
    phaseMaxKb: 0,
    async sample() {
      const kb = await procKb(pid, 'VmRSS');
      if (kb !== null && kb > sampler.phaseMaxKb) sampler.phaseMaxKb = kb;
    },
    timer: setInterval(() => void sampler.sample(), 200),
  };
  return sampler;
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

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}


/** `vigil init`: an organization whose admin is BENCH_EMAIL / BENCH_PASSPHRASE. */
export async function initVigil(dataDir: string): Promise<void> {
  const passphraseFile = join(dataDir, 'passphrase.txt');
  await writeFile(passphraseFile, BENCH_PASSPHRASE);
  await promisify(execFile)(process.execPath, [VIGIL, 'init', '--org', 'Bench', '--admin-email', BENCH_EMAIL, '--passphrase-file', passphraseFile], {
    env: { ...process.env, VIGIL_DATA: dataDir },
  });
}

/** `vigil init` on the folder, then `vigil start` on a free port with intake limits off and room for one load generator. */
export async function startVigil(dataDir: string, extraEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; base: string }> {
  await initVigil(dataDir);
  return launchVigil(dataDir, extraEnv);
}

/** `vigil start` on an existing data folder. */
export async function launchVigil(dataDir: string, extraEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [VIGIL, 'start'], {
    // The load generators are one client with many connections: more than a stranger's share.
    env: { ...process.env, VIGIL_DATA: dataDir, PORT: String(port), HOST: '127.0.0.1', VIGIL_INTAKE_PER_MINUTE: '0', VIGIL_LOGIN_PER_MINUTE: '0', VIGIL_CONNECTIONS_PER_CLIENT: '1000', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Keep the tail of its output for the error message if it fails to start.
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  await waitUntilUp(`${base}/exit`, child, () => output);
  return { child, base };
}

/** The middle value (the upper middle for an even count). */
/** The middle value (the upper one of an even count); NaN for none. */
export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
