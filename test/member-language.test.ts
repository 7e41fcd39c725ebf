// A member's workspace language is theirs, on every device: POST /api/me/language remembers it,
// GET /api/me (what the workspace reads after each login) returns it, and a language Vigil does not
// speak is a clear 400 that changes nothing — on SQLite and PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { addMember, logIn, setUpOrganization, type LoggedIn } from './support/org.ts';
import { query } from './support/db.ts';
import { CSRF_HEADER } from '../src/core/api/common.ts';

const languageOf = async (member: LoggedIn): Promise<string | null> => ((await (await member.get('/api/me')).json()) as { language: string | null }).language;

for (const backend of BACKENDS) {
  describe(`a member's language on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      admin = await logIn(server);
    });
    after(async () => {
      await server?.close();
    });

    it('is remembered for the member and returned by /api/me on their next login, and no one else’s changes', async () => {
      const documenter = await addMember(server, admin, 'documenter', 'doc@example.org');
      assert.equal(await languageOf(documenter), null, 'unset until the first login in the workspace sets it');
      assert.equal((await documenter.post('/api/me/language', { language: 'ru' })).status, 204);
      assert.equal(await languageOf(documenter), 'ru');
      const elsewhere = await logIn(server, 'doc@example.org', 'member passphrase long');
      assert.equal(await languageOf(elsewhere), 'ru', 'another session (another device) gets the same language');
      assert.equal((await elsewhere.post('/api/me/language', { language: 'az' })).status, 204);
      assert.equal(await languageOf(documenter), 'az');
      assert.equal(await languageOf(admin), null, 'the administrator’s own stays as it was');
    });

    it('refuses a language Vigil does not speak, or no language, with a 400 and keeps the one chosen', async () => {
      assert.equal((await admin.post('/api/me/language', { language: 'en' })).status, 204);
      for (const body of [{ language: 'fr' }, { language: 'RU' }, { language: '' }, { language: 7 }, { language: null }, {}]) {
        const response = await admin.post('/api/me/language', body);
        assert.equal(response.status, 400, JSON.stringify(body));
        assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'bad-request');
      }
      assert.equal(await languageOf(admin), 'en');
      const rows = await query<{ language: string | null }>(server, "select language from members where email = 'admin@example.org'");
      assert.deepEqual(rows, [{ language: 'en' }]);
    });

    it('needs a session: without one it is refused and nothing is stored', async () => {
      const response = await fetch(`${server.url}/api/me/language`, { method: 'POST', headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' }, body: JSON.stringify({ language: 'ru' }) });
      assert.equal(response.status, 401);
      assert.equal(await languageOf(admin), 'en');
    });
  });
}
