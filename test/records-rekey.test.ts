// A record edited after the records key rotated (issue 13, review finding 6): the workspace gives it
// a new record key sealed to the current records key, so a member who kept only the retired one (a
// documenter demoted to viewer) reads the record as it was, never the edit. Later edits keep the
// new key; the history names each version's records key, and every version still opens.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { addMember, logIn, roleChangeBy, setUpOrganization, type LoggedIn } from './support/org.ts';
import { createRecord, recordsKey } from './support/records.ts';
import { openFields } from '../src/core/records/sealing.ts';
import type { SecretPart } from '../src/core/records/schemas.ts';
import type { Vault } from '../src/web/app/session/vault.ts';
import type { RecordView } from '../src/web/app/records/client.ts';

const PLAIN = { start: { date: '2026-11-01', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeIds: [], monitoringStatus: 'open' };

for (const backend of BACKENDS) {
  describe(`record edits after a records-key rotation on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let demoted: LoggedIn;

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      admin = await logIn(server);
      demoted = await addMember(server, admin, 'documenter', 'doc@example.org');
    });
    after(async () => {
      await server?.close();
    });

    /** The administrator's workspace as sealAgain sees it: its keyring and the current records key. */
    const workspace = () => ({ keyring: admin.keyring, hold: () => ({ get: async () => recordsKey(admin) }) }) as unknown as Vault;
    const read = async (id: string) =>
      (await (await admin.get(`/api/records/incident/${id}`)).json()) as { record: RecordView; history: { version: number; secret: SecretPart }[] };
    const opens = async (secret: SecretPart, id: string, member: LoggedIn) => openFields<{ title: string }>(secret, 'incident', id, member.keyring).then((f) => f.title, () => null);

    it('re-keys the record on its first edit after the rotation; the demoted member reads only the version before', async () => {
      const { sealAgain } = await import('../src/web/app/session/sealing.ts');
      const made = await createRecord(admin, 'incident', PLAIN, { title: 'before the demotion' });
      const oldKey = made.key.keyId;
      assert.equal((await admin.post(`/api/members/${demoted.login.member.id}/role`, { ...(await roleChangeBy(admin, demoted.login.member.id, 'viewer')), role: 'viewer' })).status, 204);
      const newKey = (await recordsKey(admin)).keyId;
      assert.notEqual(newKey, oldKey);

      const edit = async (title: string) => {
        // As updateRecord sends it: the fields sealed again in the browser.
        const { record } = await read(made.id);
        const secret = await sealAgain(workspace(), 'incident', made.id, record.secret, { title });
        assert.equal((await admin.post(`/api/records/incident/${made.id}`, { version: record.version, record: { ...PLAIN, secret } })).status, 200);
      };
      await edit('after the demotion');
      const { record } = await read(made.id);
      assert.equal(record.secret.keyId, newKey, 'sealed to the current records key');
      assert.equal(await opens(record.secret, made.id, admin), 'after the demotion');
      assert.equal(await opens(record.secret, made.id, demoted), null, 'the retired records key does not open the edit');

      await edit('again');
      const again = await read(made.id);
      assert.equal(again.record.secret.keyEnvelope, record.secret.keyEnvelope, 'a record already on the current key keeps it');
      assert.deepEqual(again.history.map((h) => h.secret.keyId), [oldKey, newKey, newKey], 'each version names its records key');
      assert.deepEqual(await Promise.all(again.history.map((h) => opens(h.secret, made.id, admin))), ['before the demotion', 'after the demotion', 'again']);
      assert.equal(await opens(again.history[0]!.secret, made.id, demoted), 'before the demotion', 'what they read before stays readable to them');
    });
  });
}
