// The one-time setup link with several servers: two servers starting on one fresh PostgreSQL each
// print a working link; the organization is made once, and the other link (or a second submission
// at the same moment) gets a clear 4xx, never a server error.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN } from './support/org.ts';
import { query } from './support/db.ts';
import { prepareOrganization } from '../src/core/keyring.ts';
import { startServer, type RunningServer } from '../src/server/main.ts';
import { configFromEnv } from '../src/server/config.ts';

const members = async (server: TestServer) => Number((await query<{ n: number }>(server, 'select count(*) as n from members'))[0]!.n);
const tokenOf = (setupUrl: string | null) => setupUrl!.split('/setup/')[1]!;

async function submitSetup(url: string, token: string): Promise<number> {
  const request = await prepareOrganization({ name: 'Test defenders', publicTitle: 'Community notes', languages: ['en'], adminEmail: ADMIN.email, passphrase: ADMIN.passphrase }, token);
  const response = await fetch(`${url}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  await response.arrayBuffer();
  return response.status;
}

describe('two servers starting on one fresh PostgreSQL', () => {
  let first: TestServer;
  let second: RunningServer;
  let secondData: string;

  before(async () => {
    first = await startTestServer('postgres');
    secondData = mkdtempSync(join(tmpdir(), 'vigil-test-'));
    const config = configFromEnv({ PORT: '0', VIGIL_DATA: secondData, DATABASE_URL: first.databaseUrl!, VIGIL_SECRET_FILE: join(first.dataDir, 'server.secret'), VIGIL_LOGIN_PER_MINUTE: '0' });
    second = await startServer(config, { logStream: new Writable({ write: (_chunk, _encoding, done) => done() }) });
  });
  after(async () => {
    await second?.close();
    await first?.close();
    rmSync(secondData, { recursive: true, force: true });
  });

  it('each prints a link that works; the organization is made once, the other link then fails with a 4xx', async () => {
    assert.ok(first.setupUrl && second.setupUrl && first.setupUrl !== second.setupUrl);
    // The second server's start did not end the first one's link.
    assert.equal((await fetch(`${first.url}/setup/${tokenOf(first.setupUrl)}`)).status, 200);
    assert.equal((await fetch(`${second.url}/setup/${tokenOf(second.setupUrl)}`)).status, 200);
    // Both submitted at the same moment, each on its own server.
    const statuses = await Promise.all([submitSetup(first.url, tokenOf(first.setupUrl)), submitSetup(second.url, tokenOf(second.setupUrl))]);
    // The other: 409 (set up already) or 404 (its link was ended by the setup that won).
    assert.equal(statuses.filter((s) => s === 201).length, 1);
    assert.ok(statuses.every((s) => s === 201 || s === 404 || s === 409), String(statuses));
    assert.equal(await members(first), 1, 'one organization, one administrator');
    assert.equal((await fetch(`${second.url}/setup/${tokenOf(second.setupUrl)}`)).status, 404);
    assert.equal((await fetch(`${first.url}/setup/${tokenOf(first.setupUrl)}`)).status, 404);
    assert.equal(await submitSetup(second.url, tokenOf(second.setupUrl)), 409);
  });
});

for (const backend of BACKENDS) {
  describe(`one setup link sent twice at once (${backend})`, () => {
    let server: TestServer;
    before(async () => (server = await startTestServer(backend)));
    after(async () => server?.close());

    it('makes the organization once; the other gets a 4xx', async () => {
      const statuses = await Promise.all([submitSetup(server.url, tokenOf(server.setupUrl)), submitSetup(server.url, tokenOf(server.setupUrl))]);
      assert.equal(statuses.filter((s) => s === 201).length, 1);
      assert.ok(statuses.every((s) => s === 201 || s === 404 || s === 409), String(statuses));
      assert.equal(await members(server), 1);
    });
  });
}
