// A real Vigil server on a random port, on SQLite or PostgreSQL, with its log captured.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startServer, type RunningServer } from '../../src/server/main.ts';
import { configFromEnv } from '../../src/server/config.ts';
import { createTestDatabase, type Backend } from './backends.ts';
import type { RouteRule } from '../../src/server/auth/access.ts';

export interface TestServer {
  backend: Backend;
  url: string;
  setupUrl: string | null;
  /** The onion service's port (VIGIL_ONION_PORT), if set. */
  onionPort: number | null;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseName: string | undefined;
  logs(): string;
  routes: RouteRule[];
  /** Stops and starts the server on the same data (new port; caches and sessions in memory gone). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** A second server on this one's PostgreSQL database, with its secret file (its own data folder); closing it leaves the database. */
  beside?: TestServer;
}

export async function startTestServer(backend: Backend, env: Record<string, string> = {}, options: ServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-test-'));
  const { beside } = options;
  if (beside && backend !== 'postgres') throw new Error('only servers on PostgreSQL share a database');
  const database = beside ? { url: beside.databaseUrl!, name: beside.databaseName!, drop: async () => {} } : backend === 'postgres' ? await createTestDatabase() : undefined;
  let logged = '';
  const logStream = new Writable({
    write(chunk, _encoding, callback) {
      logged += chunk.toString();
      callback();
    },
  });
  const config = configFromEnv({
    PORT: '0',
    VIGIL_DATA: dataDir,
    VIGIL_INTAKE_PER_MINUTE: '0',
    VIGIL_LOGIN_PER_MINUTE: '0',
    VIGIL_STATUS_PER_MINUTE: '0',
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...(beside ? { VIGIL_SECRET_FILE: join(beside.dataDir, 'server.secret') } : {}),
    ...env,
  });
  const routes: RouteRule[] = [];
  // Null while a restart that failed (as the tests of refusals to start want) has left none running.
  let server: RunningServer | null = await startServer(config, { logStream, logLevel: 'debug', routes });
  const handle: TestServer = {
    backend,
    url: server.url,
    setupUrl: server.setupUrl,
    onionPort: server.onionPort,
    dataDir,
    databaseUrl: database?.url,
    databaseName: database?.name,
    logs: () => logged,
    routes,
    async restart() {
      await server?.close();
      server = null;
      config.publicUrl = config.publicUrl.replace(/:\d+$/, ':0');
      server = await startServer(config, { logStream, logLevel: 'debug' });
      handle.url = server.url;
    },
    async close() {
      await server?.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}
