// Keys leave with the role (issue 13): a demotion deletes the member's grants of the keys the new
// role lacks and rotates those keys at once; a promotion grants the new role's keys; removal rotates
// exactly what the member held; "Rotate now"; an older organization's first backup key. Every new
// key goes to exactly its holders — the members whose role holds it and the trustees' recovery kit
// — on SQLite and PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BACKENDS, type Backend } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { logIn, organizationWithTeam, postForm, roleChangeBy, rotateNowBy, rotationsWithout, membersSeenBy, type LoggedIn } from './support/org.ts';
import { query } from './support/db.ts';
import { fromBase64Url, fromUtf8 } from '../src/core/crypto/bytes.ts';
import { generateKeyPair, keyIdOf } from '../src/core/crypto/keys.ts';
import { SealedKind, openSealed } from '../src/core/crypto/sealed.ts';
import { grantsFor } from '../src/core/keyring.ts';
import { firstKey } from '../src/core/key-changes.ts';
import { loadServerSecret } from '../src/server/secret.ts';
import { grantMac, recoveryGrantMac, recoveryKitMac } from '../src/server/keys/integrity.ts';
import type { InboxResponse } from '../src/core/api/inbox.ts';
import type { KeyPurpose, OrgKeyView } from '../src/core/api/keys.ts';

const blob = (backend: Backend, bytes: Uint8Array) => (backend === 'sqlite' ? `x'${Buffer.from(bytes).toString('hex')}'` : `'\\x${Buffer.from(bytes).toString('hex')}'`);

/** A trustees' kit as the recovery page leaves it: a key pair holding every key (its private half here stands for the shares). */
async function installKit(server: TestServer, admin: LoggedIn) {
  const secret = loadServerSecret(join(server.dataDir, 'server.secret'));
  const pair = await generateKeyPair();
  const now = new Date().toISOString();
  const row = { id: await keyIdOf(pair.publicKey), public_key: pair.publicKey, threshold: 2, shares: 3, created_at: now, retired_at: null };
  await query(server, `insert into recovery_kits values ('${row.id}', ${blob(server.backend, pair.publicKey)}, 2, 3, '${now}', '${admin.login.member.id}', null, '${recoveryKitMac(secret, row)}')`);
  for (const grant of await grantsFor(pair.publicKey, admin.keyring)) {
    const sealed = fromBase64Url(grant.sealed)!;
    const mac = recoveryGrantMac(secret, { kit_id: row.id, key_id: grant.keyId, sealed });
    await query(server, `insert into recovery_grants values ('${row.id}', '${grant.keyId}', ${blob(server.backend, sealed)}, '${now}', '${mac}')`);
  }
  return { id: row.id, privateKey: pair.privateKey, secret };
}

for (const backend of BACKENDS) {
  describe(`keys that leave with the role on ${backend}`, () => {
    let server: TestServer;
    let team: Awaited<ReturnType<typeof organizationWithTeam>>;
    let kit: Awaited<ReturnType<typeof installKit>>;

    const keys = async (): Promise<OrgKeyView[]> => ((await (await team.admin.get('/api/keys')).json()) as { keys: OrgKeyView[] }).keys;
    const current = async (purpose: KeyPurpose) => (await keys()).find((k) => k.purpose === purpose && k.current)!.keyId;
    const idsOf = async (purpose: KeyPurpose) => (await keys()).filter((k) => k.purpose === purpose).map((k) => k.keyId);
    /** The grants a member's next login receives (the login hands out the same: grantsHeldBy). */
    const granted = async (member: LoggedIn) => ((await (await member.get('/api/me/grants')).json()) as { grants: { keyId: string }[] }).grants.map((g) => g.keyId).sort();
    const holders = async (keyId: string) =>
      (await query<{ email: string }>(server, `select m.email from key_grants g join members m on m.id = g.member_id where g.key_id = '${keyId}' order by m.email`)).map((r) => r.email);
    /** The kit's grant of a key opens with the kit's private key (as M trustees' shares would). */
    async function kitOpens(keyId: string): Promise<boolean> {
      const [row] = await query<{ sealed: Uint8Array }>(server, `select sealed from recovery_grants where kit_id = '${kit.id}' and key_id = '${keyId}'`);
      if (!row) return false;
      const privateKey = await openSealed(SealedKind.keyGrant, new Uint8Array(row.sealed), { privateKey: kit.privateKey, keyId: kit.id });
      return privateKey.length === 32;
    }
    const role = (member: LoggedIn, to: string, body: object) => team.admin.post(`/api/members/${member.login.member.id}/role`, { role: to, ...body });
    const audited = async (action: string) => ((await (await team.admin.get('/api/audit')).json()) as { entries: { action: string }[] }).entries.filter((e) => e.action === action).length;

    before(async () => {
      server = await startTestServer(backend);
      team = await organizationWithTeam(server);
      kit = await installKit(server, team.admin);
      assert.equal((await postForm(server, '/report?lang=en', [['story', 'before any change']])).status, 200);
    });
    after(async () => {
      await server?.close();
    });

    it('documenter → viewer: their records grants go and the records key rotates to the others and the kit, in one step; a wrong request changes nothing', async () => {
      const { documenter } = team;
      const oldRecords = await idsOf('records');
      const request = await roleChangeBy(team.admin, documenter.login.member.id, 'viewer');
      assert.deepEqual(request.rotations.map((r) => r.purpose), ['records']);
      assert.equal(request.grants.length, 0);
      const [rotation] = request.rotations;
      assert.equal((await role(documenter, 'viewer', { rotations: [] })).status, 409, 'the records key must rotate');
      assert.equal((await role(documenter, 'viewer', { rotations: [{ ...rotation!, kitGrant: undefined }] })).status, 409, 'the kit must hold it');
      assert.equal((await role(documenter, 'viewer', { rotations: [{ ...rotation!, grants: rotation!.grants.slice(1) }] })).status, 409, 'every holder must hold it');
      const extra = await grantsFor(fromBase64Url(documenter.login.keys.publicKey)!, team.admin.keyring, await idsOf('backup'));
      assert.equal((await role(documenter, 'viewer', { ...request, grants: extra })).status, 400, 'no key the change does not give');
      assert.equal((await role(documenter, 'viewer', { ...request, rotations: [{ ...rotation!, kitGrant: { ...rotation!.kitGrant!, sealed: rotation!.grants[0]!.sealed } }] })).status, 400, 'sealed to the kit');
      assert.deepEqual(await granted(documenter), [...(await idsOf('intake')), ...oldRecords].sort(), 'nothing changed');

      assert.equal((await role(documenter, 'viewer', request)).status, 204);
      const newRecords = await current('records');
      assert.ok(!oldRecords.includes(newRecords));
      assert.deepEqual(await granted(documenter), (await idsOf('intake')).sort(), 'their next login receives only the intake key');
      assert.deepEqual(await holders(newRecords), ['admin@example.org', 'coord@example.org']);
      assert.ok(await kitOpens(newRecords));
      assert.deepEqual(await granted(team.coordinator), [...(await idsOf('intake')), ...oldRecords, newRecords].sort(), 'the rest keep the old key and get the new');
      assert.ok(team.admin.keyring.has(newRecords), "the rotating administrator's browser holds it at once");
      assert.equal(await audited('key.revoked'), 1);
    });

    it('viewer → documenter: the records keys, current and retired, exactly, from the administrator’s browser', async () => {
      const { documenter } = team;
      const request = await roleChangeBy(team.admin, documenter.login.member.id, 'documenter');
      assert.deepEqual(request.rotations, []);
      assert.deepEqual(request.grants.map((g) => g.keyId).sort(), (await idsOf('records')).sort());
      assert.equal((await role(documenter, 'documenter', { grants: request.grants.slice(1) })).status, 400, 'every records key, old ones too');
      assert.equal((await role(documenter, 'documenter', request)).status, 204);
      const again = await logIn(server, 'doc@example.org', 'member passphrase long');
      for (const keyId of [...(await idsOf('intake')), ...(await idsOf('records'))]) assert.ok(again.keyring.has(keyId), keyId);
      const inbox = (await (await again.get('/api/inbox')).json()) as InboxResponse;
      const story = JSON.parse(fromUtf8(await openSealed(SealedKind.report, fromBase64Url(inbox.reports[0]!.envelope)!, { privateKey: again.keyring.get(inbox.reports[0]!.keyId)!, keyId: inbox.reports[0]!.keyId }))).story;
      assert.equal(story, 'before any change', 'old reports still open');
      team.documenter = again;
    });

    it('documenter ↔ coordinator: the same keys, so nothing moves', async () => {
      const before = await keys();
      for (const to of ['coordinator', 'documenter']) {
        const request = await roleChangeBy(team.admin, team.documenter.login.member.id, to as 'coordinator');
        assert.deepEqual([request.rotations, request.grants], [[], []]);
        assert.equal((await role(team.documenter, to, request)).status, 204);
      }
      assert.deepEqual(await keys(), before);
      assert.equal((await role(team.documenter, 'documenter', {})).status, 400, 'already that role');
    });

    it('coordinator → administrator receives the backup keys; back to coordinator, the backup key rotates to the administrators and the kit', async () => {
      const { coordinator } = team;
      const promotion = await roleChangeBy(team.admin, coordinator.login.member.id, 'admin');
      assert.deepEqual(promotion.grants.map((g) => g.keyId), await idsOf('backup'));
      assert.equal((await role(coordinator, 'admin', promotion)).status, 204);
      assert.ok((await granted(coordinator)).includes(await current('backup')));

      const oldBackup = await idsOf('backup');
      const demotion = await roleChangeBy(team.admin, coordinator.login.member.id, 'coordinator');
      assert.deepEqual(demotion.rotations.map((r) => r.purpose), ['backup']);
      assert.equal((await role(coordinator, 'coordinator', demotion)).status, 204);
      const newBackup = await current('backup');
      assert.ok(!(await granted(coordinator)).some((k) => [...oldBackup, newBackup].includes(k)), 'no backup key, old or new');
      assert.deepEqual(await holders(newBackup), ['admin@example.org']);
      assert.ok(await kitOpens(newBackup));
    });

    it('administrator → viewer loses the records and backup keys at once; their next login holds only intake keys', async () => {
      const second = await roleChangeBy(team.admin, team.coordinator.login.member.id, 'admin');
      assert.equal((await role(team.coordinator, 'admin', second)).status, 204);
      const request = await roleChangeBy(team.admin, team.coordinator.login.member.id, 'viewer');
      assert.deepEqual(request.rotations.map((r) => r.purpose), ['records', 'backup']);
      assert.equal((await role(team.coordinator, 'viewer', request)).status, 204);
      const demoted = await logIn(server, 'coord@example.org', 'member passphrase long');
      assert.deepEqual(demoted.keyring.keyIds().sort(), (await idsOf('intake')).sort());
      assert.deepEqual(await holders(await current('records')), ['admin@example.org', 'doc@example.org']);
      assert.deepEqual(await holders(await current('backup')), ['admin@example.org']);
      for (const purpose of ['records', 'backup'] as const) assert.ok(await kitOpens(await current(purpose)), purpose);
      team.coordinator = demoted;
    });

    it('removing a viewer rotates only the intake key, to the rest and the kit', async () => {
      const rotations = await rotationsWithout(team.admin, team.coordinator.login.member.id);
      assert.deepEqual(rotations.map((r) => r.purpose), ['intake']);
      assert.equal((await team.admin.post(`/api/members/${team.coordinator.login.member.id}/remove`, { rotations })).status, 204);
      const intake = await current('intake');
      assert.deepEqual(await holders(intake), ['admin@example.org', 'doc@example.org', 'viewer@example.org']);
      assert.ok(await kitOpens(intake));
    });

    it('Rotate now: new intake, records and backup keys, each to exactly its holders and the kit; grants beyond a role are dropped first (and never handed out meanwhile)', async () => {
      // A viewer demoted before keys left with the role may still hold a records grant.
      const [stale] = await grantsFor(fromBase64Url(team.viewer.login.keys.publicKey)!, team.admin.keyring, [await current('records')]);
      const sealed = fromBase64Url(stale!.sealed)!;
      const mac = grantMac(kit.secret, { member_id: team.viewer.login.member.id, key_id: stale!.keyId, sealed });
      await query(server, `insert into key_grants values ('${team.viewer.login.member.id}', '${stale!.keyId}', ${blob(backend, sealed)}, '${new Date().toISOString()}', '${mac}')`);
      assert.ok((await holders(stale!.keyId)).includes('viewer@example.org'));
      assert.ok(!(await granted(team.viewer)).includes(stale!.keyId), 'a grant beyond the role is never handed out');

      const before = await keys();
      const rotations = await rotateNowBy(team.admin);
      assert.deepEqual(rotations.map((r) => r.purpose), ['intake', 'records', 'backup']);
      assert.equal((await team.documenter.post('/api/keys/rotate', { rotations })).status, 403);
      assert.equal((await team.admin.post('/api/keys/rotate', { rotations: rotations.slice(0, 2) })).status, 409, 'every key');
      assert.equal((await team.admin.post('/api/keys/rotate', { rotations: 'all' })).status, 400);
      assert.deepEqual(await keys(), before, 'nothing changed');
      assert.equal((await team.admin.post('/api/keys/rotate', { rotations })).status, 204);
      assert.equal((await team.admin.post('/api/keys/rotate', { rotations })).status, 400, 'the same keys again');

      const expected = { intake: ['admin@example.org', 'doc@example.org', 'viewer@example.org'], records: ['admin@example.org', 'doc@example.org'], backup: ['admin@example.org'] };
      for (const purpose of ['intake', 'records', 'backup'] as const) {
        const keyId = await current(purpose);
        assert.ok(!before.some((k) => k.keyId === keyId), `${purpose} is new`);
        assert.deepEqual(await holders(keyId), expected[purpose]);
        assert.ok(await kitOpens(keyId));
      }
      assert.ok(!(await holders(stale!.keyId)).includes('viewer@example.org'), 'the stale records grant is gone');
      const intake = await current('intake');
      assert.ok((await (await fetch(`${server.url}/`)).text()).includes((await keys()).find((k) => k.keyId === intake)!.publicKey), 'reporters seal to the new intake key');
    });

    it('gives an organization made before backups its backup key, once, to the administrators and the kit', async () => {
      await query(server, `delete from key_grants where key_id in (select id from intake_keys where purpose = 'backup')`);
      await query(server, `delete from recovery_grants where key_id in (select id from intake_keys where purpose = 'backup')`);
      await query(server, `update intake_keys set retired_at = '2026-01-01T00:00:00.000Z' where purpose = 'backup'`);
      const made = await firstKey(await membersSeenBy(team.admin), 'backup', team.admin.keyring);
      assert.equal((await team.admin.post('/api/keys/first', { ...made, kitGrant: undefined })).status, 409, 'the kit must hold it');
      assert.equal((await team.admin.post('/api/keys/first', { ...made, purpose: 'nonsense' })).status, 400);
      assert.equal((await team.admin.post('/api/keys/first', made)).status, 204);
      assert.equal((await team.admin.post('/api/keys/first', made)).status, 409, 'only once');
      const keyId = await current('backup');
      assert.deepEqual(await holders(keyId), ['admin@example.org']);
      assert.ok(await kitOpens(keyId));
    });
  });
}
