// Setup stores the setup browser's time zone as the organization's (every time the workspace and
// the public pages show is in it); an unknown zone is refused whole, on SQLite and PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, logIn } from './support/org.ts';
import { query } from './support/db.ts';
import { postJson } from './support/intake.ts';
import { prepareOrganization } from '../src/core/keyring.ts';
import type { SetupRequest } from '../src/core/api/auth.ts';

async function setupRequest(server: TestServer, timeZone?: unknown): Promise<SetupRequest> {
  const request = await prepareOrganization(
    { name: 'Baku defenders', publicTitle: 'Community notes', languages: ['az', 'ru'], adminEmail: ADMIN.email, passphrase: ADMIN.passphrase },
    server.setupUrl!.split('/setup/')[1]!,
  );
  return { ...request, organization: { ...request.organization, ...(timeZone === undefined ? {} : { timeZone: timeZone as string }) } };
}

for (const backend of BACKENDS) {
  describe(`setup with a time zone, on ${backend}`, () => {
    let server: TestServer;

    before(async () => {
      server = await startTestServer(backend);
    });
    after(async () => {
      await server?.close();
    });

    it('refuses an unknown or malformed zone with a 400, and stores nothing', async () => {
      for (const zone of ['Mars/Olympus_Mons', '', 'Asia/Baku\u0000', 42, 'x'.repeat(65)]) {
        const response = await postJson(server, '/api/setup', await setupRequest(server, zone));
        assert.equal(response.status, 400, JSON.stringify(zone));
        assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'bad-request');
      }
      assert.deepEqual(await query(server, 'select id from organization'), []);
      assert.deepEqual(await query(server, 'select id from members'), []);
      assert.equal((await fetch(server.setupUrl!)).status, 200, 'the setup link still works');
    });

    it("stores the browser's zone as the organization's, and the workspace is told it", async () => {
      assert.equal((await postJson(server, '/api/setup', await setupRequest(server, 'Asia/Baku'))).status, 201);
      const [org] = await query<{ time_zone: string }>(server, 'select time_zone from organization');
      assert.equal(org!.time_zone, 'Asia/Baku');
      const me = (await (await (await logIn(server)).get('/api/me')).json()) as { timeZone: string };
      assert.equal(me.timeZone, 'Asia/Baku');
    });
  });
}

describe('setup without a time zone (the command line, an older page)', () => {
  it('keeps UTC', async () => {
    const server = await startTestServer('sqlite');
    try {
      assert.equal((await postJson(server, '/api/setup', await setupRequest(server))).status, 201);
      const [org] = await query<{ time_zone: string }>(server, 'select time_zone from organization');
      assert.equal(org!.time_zone, 'UTC');
    } finally {
      await server.close();
    }
  });
});
