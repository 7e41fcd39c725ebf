// `GET /healthz` (issue 15), on SQLite and PostgreSQL: what a proxy's health check asks. 200 "ok"
// while the database answers, 503 when it does not; nothing else in the answer, before setup too,
// never counted against a client, and behind the Host check like every other route.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { BACKENDS, adminUrl, createTestDatabase, type Backend } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { setUpOrganization } from './support/org.ts';
import { requestWithHost, type RawResponse } from './support/raw-http.ts';
import { configFromEnv } from '../src/server/config.ts';
import { openStorage } from '../src/server/storage/open.ts';
import { openServerSecret } from '../src/server/secret-check.ts';
import { createContext } from '../src/server/context.ts';
import { localChangeFeed } from '../src/server/cluster/changes.ts';
import { buildApp } from '../src/server/app.ts';

function assertUp(response: RawResponse, what: string) {
  assert.equal(response.status, 200, what);
  assert.equal(response.body, 'ok', what);
  assert.equal(response.headers['content-type'], 'text/plain; charset=utf-8', what);
  assert.equal(response.headers['cache-control'], 'no-store', what);
}

/** The answer says up or down and nothing else: no version, no server name, no counts. */
function assertNothingElse(response: RawResponse) {
  for (const name of ['server', 'x-powered-by', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'set-cookie']) assert.equal(response.headers[name], undefined, name);
}

/**
 * The answer once the last probe's answer (reused for a second, so health checks cannot queue for
 * the database) has run out: asked every 200 ms, at most 25 times.
 */
async function downWithin(ask: () => Promise<RawResponse>): Promise<RawResponse> {
  let response = await ask();
  for (let i = 0; i < 25 && response.status === 200; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    response = await ask();
  }
  return response;
}

/** A Vigil app on its own storage, in this process, so that the test can close the database under it. */
async function appOnStorage(backend: Backend) {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-health-'));
  const database = backend === 'postgres' ? await createTestDatabase() : undefined;
  const config = configFromEnv({ VIGIL_DATA: dataDir, ...(database ? { DATABASE_URL: database.url } : {}) });
  const storage = await openStorage(config);
  const secret = await openServerSecret(storage.db, config.secretFile);
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const app = await buildApp(createContext(config, storage, secret, { changes: localChangeFeed(), instanceId: 'health-test' }), { logStream: quiet });
  const healthz = async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz', headers: { host: '127.0.0.1:8080' } });
    return { status: response.statusCode, headers: response.headers, body: response.body } as RawResponse;
  };
  return {
    storage,
    healthz,
    async close() {
      await app.close();
      await storage.close().catch(() => undefined);
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

for (const backend of BACKENDS) {
  describe(`/healthz on ${backend}`, () => {
    let server: TestServer;
    let loopback: string;
    before(async () => {
      // Every per-client limit at 1: a health check asked many times a minute is never one of them.
      server = await startTestServer(backend, { VIGIL_INTAKE_PER_MINUTE: '1', VIGIL_LOGIN_PER_MINUTE: '1', VIGIL_STATUS_PER_MINUTE: '1', VIGIL_SUBSCRIBE_PER_MINUTE: '1' });
      loopback = `127.0.0.1:${new URL(server.url).port}`;
    });
    after(async () => {
      await server?.close();
    });

    it('answers "ok" before setup, with nothing beyond up or down', async () => {
      assert.ok(server.setupUrl, 'not set up yet');
      const response = await requestWithHost(server, loopback, '/healthz');
      assertUp(response, 'before setup');
      assertNothingElse(response);
      const head = await requestWithHost(server, loopback, '/healthz', { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(head.body, '');
    });

    it('answers after setup the same way, however often it is asked (not rate-limited)', async () => {
      await setUpOrganization(server);
      for (let i = 0; i < 30; i++) assertUp(await requestWithHost(server, loopback, '/healthz'), `check ${i + 1}`);
      for (const name of ['localhost', '[::1]']) assertUp(await requestWithHost(server, `${name}:${new URL(server.url).port}`, '/healthz'), name);
    });

    it('is behind the Host check: a rebinding page learns nothing from it', async () => {
      const response = await requestWithHost(server, 'attacker.example', '/healthz');
      assert.equal(response.status, 421);
      assert.doesNotMatch(response.body, /\bok\b/);
    });
  });

  describe(`/healthz when the ${backend} database does not answer`, () => {
    it('answers 503 once the storage is closed, and says nothing more', async () => {
      const app = await appOnStorage(backend);
      try {
        assertUp(await app.healthz(), 'while open');
        await app.storage.close();
        const response = await downWithin(app.healthz);
        assert.equal(response.status, 503);
        assert.equal(response.body, 'unavailable');
        assert.equal(response.headers['cache-control'], 'no-store');
        assertNothingElse(response);
      } finally {
        await app.close();
      }
    });
  });
}

describe('/healthz when PostgreSQL goes away under a running server', () => {
  it('answers 503 after the database is dropped', async () => {
    const server = await startTestServer('postgres');
    const loopback = `127.0.0.1:${new URL(server.url).port}`;
    try {
      assertUp(await requestWithHost(server, loopback, '/healthz'), 'before');
      const admin = new pg.Client({ connectionString: adminUrl() });
      await admin.connect();
      await admin.query(`drop database ${server.databaseName} with (force)`);
      await admin.end();
      const response = await downWithin(() => requestWithHost(server, loopback, '/healthz'));
      assert.equal(response.status, 503);
      assert.equal(response.body, 'unavailable');
    } finally {
      await server.close();
    }
  });
});
