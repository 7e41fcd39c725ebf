// Issue 13, no silent secrets: a server whose database was made with a server secret refuses to start
// when that secret file is missing or replaced, saying what to restore, and starts again once the
// original is back; on SQLite and PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, logIn, setUpOrganization } from './support/org.ts';
import { query } from './support/db.ts';

for (const backend of BACKENDS) {
  describe(`the server secret and its database on ${backend}`, () => {
    let server: TestServer;
    let secretFile: string;
    let original: Buffer;

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      secretFile = join(server.dataDir, 'server.secret');
      original = readFileSync(secretFile);
    });
    after(() => server?.close());

    it('refuses to start without the secret the database was made with, and says what to restore', async () => {
      rmSync(secretFile);
      await assert.rejects(server.restart(), /server\.secret is missing\. Restore that file \(VIGIL_SECRET_FILE\)/);
      assert.throws(() => readFileSync(secretFile), /ENOENT/, 'no new secret made over the existing data');
    });

    it('refuses another secret in its place', async () => {
      writeFileSync(secretFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
      await assert.rejects(server.restart(), /server\.secret is not the one this database was made with/);
    });

    it('starts again with the original, and the team logs in as before', async () => {
      writeFileSync(secretFile, original, { mode: 0o600 });
      await server.restart();
      const admin = await logIn(server, ADMIN.email, ADMIN.passphrase);
      assert.equal((await admin.get('/api/me')).status, 200);
    });

    it('adopts the secret of a database made before the check, and holds it from then on', async () => {
      await query(server, 'delete from secret_check');
      await server.restart();
      assert.equal((await query(server, 'select id from secret_check')).length, 1, 'the check written again');
      writeFileSync(secretFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
      await assert.rejects(server.restart(), /not the one this database was made with/);
      writeFileSync(secretFile, original, { mode: 0o600 });
      await server.restart();
    });
  });
}
