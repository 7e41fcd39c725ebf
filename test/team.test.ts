// A team that does not trust the server: invitations, safety codes (including a key the server
// swaps in), grants by role, removal with key rotation, passphrase change, sessions, and the
// hash-chained audit log — on SQLite and PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, acceptInvitation, addMember, confirmMember, fingerprintSeenByAdmin, invite, logIn, postForm, readStories as readAll, rotationsWithout, setUpOrganization, type LoggedIn } from './support/org.ts';
import { query } from './support/db.ts';
import { fromBase64Url, fromUtf8, toBase64Url } from '../src/core/crypto/bytes.ts';
import { generateKeyPair } from '../src/core/crypto/keys.ts';
import { SealedKind, openSealed } from '../src/core/crypto/sealed.ts';
import { Keyring, openMemberKey, deriveMemberKeys, rewrapMember } from '../src/core/keyring.ts';
import type { InboxResponse } from '../src/core/api/inbox.ts';
import type { OrgKeyView } from '../src/core/api/keys.ts';

const VIGIL = join(import.meta.dirname, '..', 'bin', 'vigil.js');

const report = (server: TestServer, story: string) => postForm(server, '/report?lang=en', [['story', story]]);

for (const backend of BACKENDS) {
  describe(`a team on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let documenter: LoggedIn;

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      admin = await logIn(server);
      assert.equal((await report(server, 'first report')).status, 200);
    });
    after(async () => {
      await server?.close();
    });

    it('invites a documenter: the codes match, the admin grants keys, the documenter reads reports', async () => {
      const { token } = await invite(admin, 'documenter');
      assert.equal((await fetch(`${server.url}/invite/${token}`)).status, 200);
      const { id, fingerprint } = await acceptInvitation(server, token, 'doc@example.org', 'documenter passphrase');
      assert.match(fingerprint, /^(\d{5} ){5}\d{5}$/);
      assert.equal(await fingerprintSeenByAdmin(admin, id), fingerprint, 'the administrator sees the same safety code');
      // Before confirmation the invitee can log in but holds no key and reaches no report.
      const waiting = await logIn(server, 'doc@example.org', 'documenter passphrase');
      assert.equal(waiting.keyring.size, 0);
      const refused = await waiting.get('/api/inbox');
      assert.equal(refused.status, 403);
      assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'not-confirmed');
      assert.equal((await confirmMember(admin, id)).status, 204);
      documenter = await logIn(server, 'doc@example.org', 'documenter passphrase');
      assert.equal(documenter.keyring.size, 2, 'the intake key and the records key');
      assert.deepEqual(await readAll(documenter), ['first report']);
      // The link is single-use.
      assert.equal((await fetch(`${server.url}/invite/${token}`)).status, 404);
    });

    it('catches a public key the server swaps in: the administrator sees a different code', async () => {
      const { token } = await invite(admin, 'viewer');
      const { id, fingerprint } = await acceptInvitation(server, token, 'viewer@example.org', 'viewer passphrase x');
      // The server (or whoever controls it) replaces the invitee's key with its own.
      const attacker = await generateKeyPair();
      const hex = Buffer.from(attacker.publicKey).toString('hex');
      await query(server, backend === 'sqlite' ? `update members set public_key = x'${hex}' where id = '${id}'` : `update members set public_key = '\\x${hex}' where id = '${id}'`);
      const seen = await fingerprintSeenByAdmin(admin, id);
      assert.notEqual(seen, fingerprint, 'the codes differ, so the administrator does not confirm');
    });

    it('refuses grants that are not sealed to the member, or miss a key', async () => {
      const { token } = await invite(admin, 'documenter');
      const { id } = await acceptInvitation(server, token, 'third@example.org', 'third passphrase xx');
      const other = await generateKeyPair();
      const wrongTarget = await (await import('../src/core/keyring.ts')).grantsFor(other.publicKey, admin.keyring);
      assert.equal((await admin.post(`/api/members/${id}/confirm`, { grants: wrongTarget })).status, 400);
      assert.equal((await admin.post(`/api/members/${id}/confirm`, { grants: [] })).status, 400);
      const [member] = await query<{ status: string }>(server, `select status from members where id = '${id}'`);
      assert.equal(member!.status, 'invited');
    });

    it('only administrators manage members; invitations expire and can be revoked', async () => {
      assert.equal((await documenter.post('/api/invitations', { role: 'admin' })).status, 403);
      assert.equal((await documenter.get('/api/members')).status, 403);
      const { id, token } = await invite(admin, 'viewer');
      assert.equal((await admin.post(`/api/invitations/${id}/revoke`)).status, 204);
      assert.equal((await fetch(`${server.url}/invite/${token}`)).status, 404);
      assert.equal((await admin.post('/api/invitations', { role: 'overlord' })).status, 400);
    });

    it('removes a member: sessions end, keys go, the intake key rotates, old reports stay readable', async () => {
      const leaving = await addMember(server, admin, 'documenter', 'leaving@example.org');
      assert.deepEqual(await readAll(leaving), ['first report']);
      const rotations = await rotationsWithout(admin, leaving.login.member.id);
      const [intake, records] = rotations;
      assert.deepEqual(rotations.map((r) => r.purpose), ['intake', 'records'], 'a documenter never held the backup key');
      // A rotation that leaves someone out is refused, and so is one that keeps the records key.
      const remove = (body: unknown) => admin.post(`/api/members/${leaving.login.member.id}/remove`, body);
      assert.equal((await remove({ rotations: [{ ...intake!, grants: intake!.grants.slice(1) }, records] })).status, 409);
      assert.equal((await remove({ rotations: [intake, { ...records!, grants: records!.grants.slice(1) }] })).status, 409);
      assert.equal((await remove({ rotations: [intake] })).status, 409);
      assert.equal((await remove({ rotations: [intake, intake] })).status, 400);
      assert.equal((await remove({ rotations })).status, 204);
      const { keys } = (await (await admin.get('/api/keys')).json()) as { keys: OrgKeyView[] };
      assert.deepEqual(
        keys.filter((k) => k.current && k.purpose !== 'backup').map((k) => [k.purpose, k.publicKey]).sort(),
        [['intake', intake!.publicKey], ['records', records!.publicKey]].sort(),
        'both keys rotated',
      );
      assert.equal((await leaving.get('/api/inbox')).status, 401, 'their session ended');
      await assert.rejects(logIn(server, 'leaving@example.org', 'member passphrase long'), /401/);
      const [row] = await query<{ n: number | string }>(server, `select count(*) as n from key_grants where member_id = '${leaving.login.member.id}'`);
      assert.equal(Number(row!.n), 0);

      // New reports are sealed to the new key; everyone who stayed reads old and new.
      const page = await (await fetch(`${server.url}/`)).text();
      assert.ok(page.includes(intake!.publicKey), 'the form now carries the new key');
      assert.equal((await report(server, 'after rotation')).status, 200);
      const again = await logIn(server, 'doc@example.org', 'documenter passphrase');
      assert.equal(again.keyring.size, 4, 'old and new intake and records keys');
      assert.deepEqual(await readAll(again), ['after rotation', 'first report']);
      documenter = again;
    });

    it('the last administrator cannot be removed or demoted', async () => {
      assert.equal((await admin.post(`/api/members/${admin.login.member.id}/role`, { role: 'viewer' })).status, 409);
      assert.equal((await admin.post(`/api/members/${admin.login.member.id}/remove`, { rotations: [] })).status, 409);
    });

    it('changes a passphrase by re-wrapping the key; the old one stops working', async () => {
      const kdf = (await (await fetch(`${server.url}/api/auth/kdf`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'doc@example.org' }) })).json()) as { kdf: never };
      const old = await deriveMemberKeys('documenter passphrase', (kdf as { kdf: Parameters<typeof deriveMemberKeys>[1] }).kdf);
      const privateKey = await openMemberKey(documenter.login, old.wrapKey);
      const next = await rewrapMember(documenter.login.member.id, privateKey, 'a brand new passphrase');
      assert.equal((await documenter.post('/api/me/passphrase', { currentLoginKey: toBase64Url(new Uint8Array(32)), ...next })).status, 403);
      assert.equal((await documenter.post('/api/me/passphrase', { currentLoginKey: toBase64Url(old.loginKey), ...next })).status, 204);
      await assert.rejects(logIn(server, 'doc@example.org', 'documenter passphrase'), /401/);
      const renewed = await logIn(server, 'doc@example.org', 'a brand new passphrase');
      assert.deepEqual(await readAll(renewed), ['after rotation', 'first report']);
      documenter = renewed;
    });

    it('members see and end their own sessions; an administrator ends all at once', async () => {
      const second = await logIn(server, 'doc@example.org', 'a brand new passphrase');
      const { sessions } = (await (await documenter.get('/api/sessions')).json()) as { sessions: { id: string; current: boolean }[] };
      assert.ok(sessions.length >= 2);
      assert.equal(sessions.filter((s) => s.current).length, 1);
      const other = sessions.find((s) => !s.current)!;
      assert.equal((await documenter.post(`/api/sessions/${other.id}/end`)).status, 204);
      assert.equal((await documenter.post(`/api/sessions/${other.id}/end`)).status, 404);
      assert.equal((await documenter.post('/api/sessions/end-all')).status, 403, 'only administrators');
      assert.equal((await admin.post('/api/sessions/end-all')).status, 204);
      for (const member of [admin, documenter, second]) assert.equal((await member.get('/api/me')).status, 401);
      admin = await logIn(server);
    });

    it('ignores an intake key or a grant written straight into the database', async () => {
      const attacker = await generateKeyPair();
      const keyId = Buffer.from(attacker.publicKey.subarray(0, 8)).toString('hex');
      const hex = Buffer.from(attacker.publicKey).toString('hex');
      const blob = backend === 'sqlite' ? `x'${hex}'` : `'\\x${hex}'`;
      const before = await (await fetch(`${server.url}/`)).text();
      await query(server, `insert into intake_keys (id, public_key, created_at, retired_at, mac) values ('${keyId}', ${blob}, '2999-01-01T00:00:00.000Z', null, '${'0'.repeat(64)}')`);
      const grant = await (await import('../src/core/keyring.ts')).grantsFor(fromBase64Url(documenter.login.keys.publicKey)!, Keyring.of([{ keyId, purpose: null, privateKey: attacker.privateKey }]));
      const sealedHex = Buffer.from(fromBase64Url(grant[0]!.sealed)!).toString('hex');
      await query(server, `insert into key_grants (member_id, key_id, sealed, created_at, mac) values ('${documenter.login.member.id}', '${keyId}', ${backend === 'sqlite' ? `x'${sealedHex}'` : `'\\x${sealedHex}'`}, '2999-01-01T00:00:00.000Z', null)`);
      await server.restart();
      const after = await (await fetch(`${server.url}/`)).text();
      assert.equal(/data-key-id="([^"]+)"/.exec(after)![1], /data-key-id="([^"]+)"/.exec(before)![1], 'reporters still seal to the real key');
      const relogged = await logIn(server, 'doc@example.org', 'a brand new passphrase');
      assert.ok(!relogged.keyring.has(keyId), 'the forged grant is not handed out');
      admin = await logIn(server);
      documenter = relogged;
    });

    it('keeps a hash-chained audit log that `vigil audit verify` checks, and catches tampering', async () => {
      const log = (await (await admin.get('/api/audit')).json()) as { entries: { action: string; actorEmail: string | null }[] };
      const actions = new Set(log.entries.map((e) => e.action));
      for (const action of ['organization.created', 'login.succeeded', 'login.failed', 'invitation.created', 'member.confirmed', 'key.granted', 'member.removed', 'key.rotated', 'member.passphrase-changed', 'sessions.ended-all']) {
        assert.ok(actions.has(action), action);
      }
      assert.equal((await documenter.get('/api/audit')).status, 403, 'documenters do not read the audit log');
      const env = { ...process.env, VIGIL_DATA: server.dataDir, ...(server.databaseUrl ? { DATABASE_URL: server.databaseUrl } : {}) };
      const ok = await promisify(execFile)(process.execPath, [VIGIL, 'audit', 'verify'], { env });
      assert.match(ok.stdout, /Audit log intact: \d+ entries/);
      const [victim] = await query<{ seq: number }>(server, "select seq from audit_log where action = 'member.removed'");
      await query(server, `update audit_log set action = 'member.confirmed' where seq = ${victim!.seq}`);
      const broken = await promisify(execFile)(process.execPath, [VIGIL, 'audit', 'verify'], { env }).catch((e: { code: number; stderr: string }) => e);
      assert.equal((broken as { code: number }).code, 1);
      assert.match((broken as { stderr: string }).stderr, new RegExp(`BROKEN at entry ${victim!.seq}: row ${victim!.seq} was changed`));
    });
  });
}
