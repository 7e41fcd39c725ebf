// Trustee recovery through the API, on both databases: a kit must hold exactly every key; a wrong
// token is refused with nothing changed; 3 trustees reset an administrator (the old passphrase and
// session end, the new one opens reports) or add one; a new kit retires the old; the trustees'
// lockdown needs the organization's name.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, logIn, postForm, readStories, setUpOrganization, type LoggedIn } from './support/org.ts';
import { postJson } from './support/intake.ts';
import { query } from './support/db.ts';
import { makeKit, openWithShares, recoverAdministrator } from './support/recovery.ts';
import { newKit } from '../src/core/recovery/requests.ts';
import { grantsFor } from '../src/core/keyring.ts';
import { generateKeyPair } from '../src/core/crypto/keys.ts';
import { toBase64Url } from '../src/core/crypto/bytes.ts';
import type { OrgKeyView } from '../src/core/api/schemas.ts';
import type { RecoveryStatus } from '../src/core/api/recovery.ts';
import type { ShareSheet } from '../src/core/recovery/shares.ts';

const WRONG_TOKEN = toBase64Url(new Uint8Array(32).fill(7));

for (const backend of BACKENDS) {
  describe(`trustee recovery on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let keys: OrgKeyView[];
    let sheets: ShareSheet[];
    const words = (...numbers: number[]) => numbers.map((n) => sheets[n - 1]!.words);
    const snapshot = () => query(server, 'select id, email, login_hash, public_key, wrapped_private_key, status from members order by id');
    const audited = async (action: string) => Number((await query<{ n: number | string }>(server, `select count(*) as n from audit_log where action = '${action}'`))[0]!.n);

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      admin = await logIn(server);
      keys = ((await (await admin.get('/api/keys')).json()) as { keys: OrgKeyView[] }).keys;
      assert.equal((await postForm(server, '/report?lang=en', [['story', 'kept through the seizure']])).status, 200);
    });
    after(() => server?.close());

    it('refuses a kit without every key, with a key too many, sealed elsewhere, or split beyond its shares; stores nothing', async () => {
      assert.deepEqual(await (await admin.get('/api/recovery')).json(), { kit: null });
      const { request } = await newKit(admin.keyring, keys, { threshold: 2, shares: 3 });
      const stranger = await generateKeyPair();
      const elsewhere = await grantsFor(stranger.publicKey, admin.keyring);
      for (const bad of [
        { ...request, grants: request.grants.slice(1) },
        { ...request, grants: [...request.grants, { ...request.grants[0]!, keyId: '0123456789abcdef' }] },
        { ...request, grants: [...request.grants, request.grants[0]!] },
        { ...request, grants: elsewhere },
        { ...request, threshold: 4 },
        { ...request, publicKey: 'AAAA' },
      ]) assert.equal((await admin.post('/api/recovery/kits', bad)).status, 400);
      assert.equal((await query(server, 'select id from recovery_kits')).length, 0);
      assert.equal((await postJson(server, '/api/recovery/open', { token: WRONG_TOKEN })).status, 404);
    });

    it('stores a 3 of 5 kit holding every key, shown to administrators and its public half to anyone', async () => {
      ({ sheets } = await makeKit(admin));
      const { kit } = (await (await admin.get('/api/recovery')).json()) as RecoveryStatus;
      assert.deepEqual([kit?.id, kit?.threshold, kit?.shares], [sheets[0]!.kitId, 3, 5]);
      const grants = await query<{ key_id: string }>(server, 'select key_id from recovery_grants order by key_id');
      assert.deepEqual(grants.map((g) => g.key_id), keys.map((k) => k.keyId).sort());
      const open = (await (await fetch(`${server.url}/api/recovery/kit`)).json()) as { id: string; threshold: number };
      assert.deepEqual([open.id, open.threshold], [kit?.id, 3]);
      assert.equal(await audited('recovery.kit-created'), 1);
    });

    it('refuses a wrong token (403) and changes nothing; refuses a malformed one (400)', async () => {
      const before = await snapshot();
      assert.equal((await postJson(server, '/api/recovery/open', { token: WRONG_TOKEN })).status, 403);
      const { opened } = await openWithShares(server, words(1, 2, 3));
      assert.equal(opened.grants.length, keys.length);
      assert.deepEqual(opened.administrators.map((a) => a.email), [ADMIN.email]);
      assert.equal((await postJson(server, '/api/recovery/lockdown', { token: WRONG_TOKEN, organizationName: 'Test defenders' })).status, 403);
      const target = { kind: 'new', member: { id: crypto.randomUUID() } };
      assert.equal((await postJson(server, '/api/recovery/grant', { token: WRONG_TOKEN, target, grants: [] })).status, 400);
      assert.equal((await postJson(server, '/api/recovery/open', { token: 'short' })).status, 400);
      assert.deepEqual(await snapshot(), before);
      assert.equal(await audited('recovery.used'), 0);
    });

    it('3 trustees give the administrator a new passphrase: the old one and its session end, the new one opens reports', async () => {
      const response = await recoverAdministrator(server, words(5, 1, 3), { kind: 'existing', id: admin.login.member.id, email: ADMIN.email, passphrase: 'a new passphrase from trustees' });
      assert.equal(response.status, 204);
      assert.equal((await admin.get('/api/me')).status, 401);
      await assert.rejects(logIn(server), /login failed: 401/);
      admin = await logIn(server, ADMIN.email, 'a new passphrase from trustees');
      assert.deepEqual(await readStories(admin), ['kept through the seizure']);
      assert.equal(admin.keyring.size, keys.length);
      assert.equal(await audited('recovery.used'), 1);
    });

    it('3 trustees make a new administrator, who opens reports; an address already in use is refused', async () => {
      const target = { kind: 'new' as const, email: 'second@example.org', passphrase: 'second administrator here' };
      assert.equal((await recoverAdministrator(server, words(2, 4, 5), target)).status, 204);
      const second = await logIn(server, target.email, target.passphrase);
      assert.equal(second.login.member.role, 'admin');
      assert.deepEqual(await readStories(second), ['kept through the seizure']);
      assert.equal((await recoverAdministrator(server, words(2, 4, 5), target)).status, 409);
    });

    it('a new kit retires the old one: its shares open nothing', async () => {
      const old = words(1, 2, 3);
      ({ sheets } = await makeKit(admin, { threshold: 2, shares: 3 }));
      await assert.rejects(openWithShares(server, old), /foreign/);
      const { token } = await openWithShares(server, words(1, 3));
      assert.ok(token);
      assert.equal((await query(server, 'select kit_id from recovery_grants')).length, keys.length);
      assert.equal(await audited('recovery.kit-retired'), 1);
    });

    it('the trustees lock the organization down once its name is typed exactly', async () => {
      const { token } = await openWithShares(server, words(2, 3));
      const before = await snapshot();
      assert.equal((await postJson(server, '/api/recovery/lockdown', { token, organizationName: 'test defenders' })).status, 400);
      assert.deepEqual(await snapshot(), before);
      assert.equal((await postJson(server, '/api/recovery/lockdown', { token, organizationName: 'Test defenders' })).status, 204);
      assert.equal((await admin.get('/api/me')).status, 401);
      for (const table of ['sessions', 'key_grants', 'recovery_grants']) assert.equal((await query(server, `select 1 from ${table}`)).length, 0, table);
      const audit = await query<{ detail: string }>(server, "select detail from audit_log where action = 'organization.locked-down'");
      assert.match(audit[0]!.detail, /trustees/);
      assert.equal((await postJson(server, '/api/recovery/lockdown', { token, organizationName: 'Test defenders' })).status, 423);
      const target = { kind: 'new' as const, email: 'third@example.org', passphrase: 'third administrator here' };
      assert.equal((await recoverAdministrator(server, words(1, 2), target)).status, 423);
    });
  });
}
