// Two Vigil servers on one fresh PostgreSQL database, behind the loopback proxy (proxy.ts), as an
// operator runs them: the same DATABASE_URL and server secret file (VIGIL_SECRET_FILE), a data folder
// each (VIGIL_DATA), the proxy trusted for X-Forwarded-For (VIGIL_TRUST_PROXY) and its address as
// the public one. Each server is a child process of its own (compiled, as `npm start` runs it), so a
// test can kill one with SIGKILL. Both are started at the same moment.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from './backends.ts';
import { startProxy, type LoopbackProxy } from './proxy.ts';
import { freePort, spawnVigil, stopChild, waitUntilUp, type VigilProcess } from './vigil-process.ts';

export interface ClusterServer extends VigilProcess {
  name: 'A' | 'B';
  /** Its own address (not the proxy's), for a test that must reach this server. */
  url: string;
  dataDir: string;
  /** Ends the process at once, as a power cut or the OOM killer would (no clean stop). */
  kill(): Promise<void>;
}

export interface TwoServers {
  a: ClusterServer;
  b: ClusterServer;
  proxy: LoopbackProxy;
  /** For test/support/db.ts: the shared database. */
  backend: 'postgres';
  databaseUrl: string;
  dataDir: string;
  /** The one-time setup link that works (each server issued one on the fresh database). */
  setupUrl: string | null;
  url: string;
  close(): Promise<void>;
}

const SETUP_LINK = /https?:\/\/\S+\/setup\/([A-Za-z0-9_-]+)/;

async function printed(server: VigilProcess, pattern: RegExp): Promise<RegExpExecArray> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const match = pattern.exec(server.output());
    if (match) return match;
    if (Date.now() > deadline || server.child.exitCode !== null) throw new Error(`${server.base} never printed ${pattern}:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Two servers on a fresh database; `env` is added to both (limits, alert timings). */
export async function startTwoServers(env: Record<string, string> = {}): Promise<TwoServers> {
  const database = await createTestDatabase();
  const folder = mkdtempSync(join(tmpdir(), 'vigil-two-'));
  // The operator copies one secret file to every server before starting them.
  const secretFile = join(folder, 'server.secret');
  writeFileSync(secretFile, randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
  const ports = [await freePort(), await freePort()];
  const proxy = await startProxy(ports.map((port) => ({ host: '127.0.0.1', port })));
  const servers = (['A', 'B'] as const).map((name, i): ClusterServer => {
    const dataDir = join(folder, name);
    const started = spawnVigil(ports[i]!, {
      DATABASE_URL: database.url,
      VIGIL_SECRET_FILE: secretFile,
      VIGIL_DATA: dataDir,
      VIGIL_PUBLIC_URL: proxy.url,
      VIGIL_TRUST_PROXY: '127.0.0.1',
      VIGIL_INTAKE_PER_MINUTE: '0',
      VIGIL_LOGIN_PER_MINUTE: '0',
      VIGIL_STATUS_PER_MINUTE: '0',
      ...env,
    });
    return {
      ...started,
      name,
      url: started.base,
      dataDir,
      async kill() {
        if (started.child.exitCode !== null || started.child.signalCode !== null) return;
        const exited = new Promise((r) => started.child.once('exit', r));
        started.child.kill('SIGKILL');
        await exited;
      },
    };
  });
  const [a, b] = servers as [ClusterServer, ClusterServer];
  const close = async () => {
    await Promise.all(servers.map((s) => stopChild(s.child)));
    await proxy.close();
    await database.drop();
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await Promise.all(servers.map((s) => waitUntilUp(`${s.url}/exit`, s.child, s.output)));
    // Each found the database without an organization and printed a link; the later may void the earlier.
    const tokens = await Promise.all(servers.map(async (s) => (await printed(s, SETUP_LINK))[1]!));
    let setupUrl: string | null = null;
    for (const token of tokens) if (!setupUrl && (await fetch(`${a.url}/setup/${token}`)).status === 200) setupUrl = `${a.url}/setup/${token}`;
    return { a, b, proxy, backend: 'postgres', databaseUrl: database.url, dataDir: a.dataDir, setupUrl, url: a.url, close };
  } catch (error) {
    await close();
    throw error;
  }
}
