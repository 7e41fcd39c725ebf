// Shared by the benches: start a Vigil server (compiled, as `npm start` runs it) as a child
// process on a fresh data folder, and read its memory from /proc.
import { execFile, execFileSync, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { VIGIL_DIST, freePort, spawnVigil, stopChild, waitUntilUp } from '../test/support/vigil-process.ts';

// The compiled server, as `npm start` runs it (npm run bench builds first).
export const VIGIL = VIGIL_DIST;
export { freePort, stopChild, waitUntilUp };
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

/** `vigil init`: an organization whose admin is BENCH_EMAIL / BENCH_PASSPHRASE (`env`: e.g. DATABASE_URL). */
export async function initVigil(dataDir: string, env: Record<string, string> = {}): Promise<void> {
  const passphraseFile = join(dataDir, 'passphrase.txt');
  await writeFile(passphraseFile, BENCH_PASSPHRASE);
  await promisify(execFile)(process.execPath, [VIGIL, 'init', '--org', 'Bench', '--admin-email', BENCH_EMAIL, '--passphrase-file', passphraseFile], {
    env: { ...process.env, VIGIL_DATA: dataDir, ...env },
  });
}

/**
 * The PostgreSQL server the PostgreSQL benches make their databases on: VIGIL_TEST_PG_URL, else the
 * throwaway one `npm test` starts (scripts/test-postgres.sh). Sets VIGIL_TEST_PG_URL for
 * test/support/backends.ts's createTestDatabase.
 */
export function benchPostgres(): string {
  const url = (process.env.VIGIL_TEST_PG_URL ||= execFileSync('sh', [join(import.meta.dirname, '..', 'scripts', 'test-postgres.sh')], { encoding: 'utf8' }).trim());
  return url;
}

/** `vigil init` on the folder, then `vigil start` on a free port with intake limits off and room for one load generator. */
export async function startVigil(dataDir: string, extraEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; base: string }> {
  await initVigil(dataDir, extraEnv);
  return launchVigil(dataDir, extraEnv);
}

/** `vigil start` on an existing data folder. */
export async function launchVigil(dataDir: string, extraEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; base: string }> {
  // The load generators are one client with many connections: more than a stranger's share.
  const { child, base, output } = spawnVigil(await freePort(), { VIGIL_DATA: dataDir, VIGIL_INTAKE_PER_MINUTE: '0', VIGIL_LOGIN_PER_MINUTE: '0', VIGIL_CONNECTIONS_PER_CLIENT: '1000', ...extraEnv });
  await waitUntilUp(`${base}/exit`, child, output);
  return { child, base };
}

/** The middle value (the upper one of an even count); NaN for none. */
export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
