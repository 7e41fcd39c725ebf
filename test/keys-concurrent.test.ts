// Key changes one at a time (issue 13, review finding 1): a demotion and a "Rotate now" an
// administrator's browser made from the same team, sent at once. Whichever order the server runs
// them in, the demoted member holds no records key made after, and each purpose has one current
// key. PostgreSQL runs them at READ COMMITTED, where only the organization lock serialises them.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { addMember, logIn, roleChangeBy, rotateNowBy, setUpOrganization, type LoggedIn } from './support/org.ts';
import { query } from './support/db.ts';

const ROUNDS = 4;

for (const backend of BACKENDS) {
  describe(`concurrent key changes on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let documenter: LoggedIn;

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      admin = await logIn(server);
      documenter = await addMember(server, admin, 'documenter', 'doc@example.org');
    });
    after(async () => {
      await server?.close();
    });

    const role = (to: string, body: object) => admin.post(`/api/members/${documenter.login.member.id}/role`, { role: to, ...body });
    const currentKeys = () => query<{ purpose: string; n: number }>(server, `select purpose, count(*) as n from intake_keys where retired_at is null group by purpose order by purpose`);
    const recordsGrantsOf = (memberId: string) =>
      query<{ key_id: string }>(server, `select g.key_id from key_grants g join intake_keys k on k.id = g.key_id where k.purpose = 'records' and g.member_id = '${memberId}'`);

    it('a demotion and a Rotate now sent at once: the demoted member holds no records key, each purpose one current key', async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const demotion = await roleChangeBy(admin, documenter.login.member.id, 'viewer');
        const rotations = await rotateNowBy(admin);
        const [demoted, rotated] = await Promise.all([role('viewer', demotion), admin.post('/api/keys/rotate', { rotations })]);
        assert.equal(demoted.status, 204, 'the demotion holds whichever runs first');
        // Run after the demotion, the rotation was made for a team that no longer is: refused.
        assert.ok([204, 409].includes(rotated.status), `rotate now: ${rotated.status}`);
        assert.deepEqual(await recordsGrantsOf(documenter.login.member.id), [], `round ${round}: no records key left with the viewer`);
        assert.deepEqual((await currentKeys()).map((r) => [r.purpose, Number(r.n)]), [['backup', 1], ['intake', 1], ['records', 1]], `round ${round}`);
        assert.equal((await role('documenter', await roleChangeBy(admin, documenter.login.member.id, 'documenter'))).status, 204);
      }
    });
  });
}
