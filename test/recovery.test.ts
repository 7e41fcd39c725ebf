// Trustee recovery through the API, on both databases: a kit must hold exactly every key; a wrong,
// reused or expired answer is refused with nothing changed; 3 trustees reset an administrator (the old passphrase and
// session end, the new one opens reports) or add one; a new kit retires the old, for good; the
// trustees' lockdown needs the organization's name.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, logIn, postForm, readStories, setUpOrganization, type LoggedIn } from './support/org.ts';
import { postJson } from './support/intake.ts';
import { query } from './support/db.ts';
import { answer, makeKit, openWithShares, recoverAdministrator } from './support/recovery.ts';
import { grantRequest, newKit } from '../src/core/recovery/requests.ts';
import { grantsFor } from '../src/core/keyring.ts';
import { generateKeyPair } from '../src/core/crypto/keys.ts';
import { toBase64Url } from '../src/core/crypto/bytes.ts';
import type { OrgKeyView } from '../src/core/api/keys.ts';
import type { RecoveryStatus } from '../src/core/api/recovery.ts';
import type { ShareSheet } from '../src/core/recovery/shares.ts';

const WRONG_ANSWER = toBase64Url(new Uint8Array(32).fill(7));

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
      assert.equal((await postJson(server, '/api/recovery/open', { answer: WRONG_ANSWER })).status, 404);
      assert.equal((await postJson(server, '/api/recovery/challenge', {})).status, 404);
    });

    it('stores a 3 of 5 kit holding every key, shown to administrators and its public half to anyone', async () => {
      ({ sheets } = await makeKit(admin));
      const { kit } = (await (await admin.get('/api/recovery')).json()) as RecoveryStatus;
      assert.deepEqual([kit?.id, kit?.threshold, kit?.shares], [sheets[0]!.kitId, 3, 5]);
      const grants = await query<{ key_id: string }>(server, 'select key_id from recovery_grants order by key_id');
      assert.deepEqual(grants.map((g) => g.key_id), keys.map((k) => k.keyId).sort());
      // Anyone may ask: the kit's id and public key, not how many trustees hold it.
      const open = (await (await fetch(`${server.url}/api/recovery/kit`)).json()) as Record<string, string>;
      assert.deepEqual(Object.keys(open).sort(), ['id', 'publicKey']);
      assert.equal(open.id, kit?.id);
      assert.equal(await audited('recovery.kit-created'), 1);
    });

    it('refuses a wrong answer (403) and changes nothing; refuses a malformed one (400)', async () => {
      const before = await snapshot();
      assert.equal((await postJson(server, '/api/recovery/open', { answer: WRONG_ANSWER })).status, 403);
      const { opened } = await openWithShares(server, words(1, 2, 3));
      assert.equal(opened.grants.length, keys.length);
      assert.deepEqual(opened.administrators.map((a) => a.email), [ADMIN.email]);
      assert.equal((await postJson(server, '/api/recovery/lockdown', { answer: WRONG_ANSWER, organizationName: 'Test defenders' })).status, 403);
      const target = { kind: 'new', member: { id: crypto.randomUUID() } };
      assert.equal((await postJson(server, '/api/recovery/grant', { answer: WRONG_ANSWER, target, grants: [] })).status, 400);
      assert.equal((await postJson(server, '/api/recovery/open', { answer: 'short' })).status, 400);
      assert.deepEqual(await snapshot(), before);
      assert.equal(await audited('recovery.used'), 0);
    });

    it('an answer works once: captured from a request (even one refused) or kept past its expiry, it opens nothing', async () => {
      const { kit, keyring } = await openWithShares(server, words(1, 2, 3));
      const opening = await answer(server, kit);
      assert.equal((await postJson(server, '/api/recovery/open', { answer: opening })).status, 200);
      assert.equal((await postJson(server, '/api/recovery/open', { answer: opening })).status, 403);
      // A grant refused (an email that is not the administrator's) still uses its answer up.
      const refused = await grantRequest(await answer(server, kit), keyring, { kind: 'existing', id: admin.login.member.id, email: 'other@example.org', passphrase: 'an attacker passphrase' });
      assert.equal((await postJson(server, '/api/recovery/grant', refused)).status, 400);
      const replayed = await grantRequest(refused.answer, keyring, { kind: 'new', email: 'attacker@example.org', passphrase: 'an attacker passphrase' });
      assert.equal((await postJson(server, '/api/recovery/grant', replayed)).status, 403);
      const late = await answer(server, kit);
      await query(server, `update recovery_challenges set expires_at = '${new Date(Date.now() - 1000).toISOString()}'`);
      assert.equal((await postJson(server, '/api/recovery/open', { answer: late })).status, 403);
      // The server keeps a keyed hash, not the answer.
      assert.ok((await query<{ answer_hash: string }>(server, 'select answer_hash from recovery_challenges')).every((c) => !c.answer_hash.includes(late)));
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

    it('a new kit retires the old one for good: its shares open nothing, and un-retiring it in the database does not bring it back', async () => {
      const old = words(1, 2, 3);
      const oldId = sheets[0]!.kitId;
      ({ sheets } = await makeKit(admin, { threshold: 2, shares: 3 }));
      await assert.rejects(openWithShares(server, old), /foreign/);
      assert.ok((await openWithShares(server, words(1, 3))).kit);
      assert.equal((await query(server, 'select kit_id from recovery_grants')).length, keys.length);
      assert.equal(await audited('recovery.kit-retired'), 1);
      const [{ retired_at }] = (await query<{ retired_at: string }>(server, `select retired_at from recovery_kits where id = '${oldId}'`)) as [{ retired_at: string }];
      await query(server, `update recovery_kits set retired_at = case when id = '${oldId}' then null else '${retired_at}' end`);
      assert.equal((await fetch(`${server.url}/api/recovery/kit`)).status, 404);
      await query(server, `update recovery_kits set retired_at = case when id = '${oldId}' then '${retired_at}' else null end`);
      assert.equal((await fetch(`${server.url}/api/recovery/kit`)).status, 200);
    });

    it('the trustees lock the organization down once its name is typed exactly', async () => {
      const { kit } = await openWithShares(server, words(2, 3));
      const before = await snapshot();
      assert.equal((await postJson(server, '/api/recovery/lockdown', { answer: await answer(server, kit), organizationName: 'test defenders' })).status, 400);
      assert.deepEqual(await snapshot(), before);
      assert.equal((await postJson(server, '/api/recovery/lockdown', { answer: await answer(server, kit), organizationName: 'Test defenders' })).status, 204);
      assert.equal((await admin.get('/api/me')).status, 401);
      for (const table of ['sessions', 'key_grants', 'recovery_grants']) assert.equal((await query(server, `select 1 from ${table}`)).length, 0, table);
      const audit = await query<{ detail: string }>(server, "select detail from audit_log where action = 'organization.locked-down'");
      assert.match(audit[0]!.detail, /trustees/);
      assert.equal((await postJson(server, '/api/recovery/lockdown', { answer: await answer(server, kit), organizationName: 'Test defenders' })).status, 423);
      const target = { kind: 'new' as const, email: 'third@example.org', passphrase: 'third administrator here' };
      assert.equal((await recoverAdministrator(server, words(1, 2), target)).status, 423);
    });
  });
}
