// Issue 13, emergency lockdown by an administrator, on SQLite and PostgreSQL: only an administrator
// who types the organization's name exactly locks it down; then every session ends, every wrapped
// key and grant on the server is gone, the old passphrase opens nothing, logins are refused with
// 423, while reporters still send (sealed to the intake key) and public pages, the audit check and a
// restart work as before.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, addMember, invite, logIn, setUpOrganization, type LoggedIn } from './support/org.ts';
import { postJson, sealedSubmission } from './support/intake.ts';
import { countReports, everythingStored, query } from './support/db.ts';
import { vigil } from './support/cli.ts';
import { makeKit } from './support/recovery.ts';
import { deriveMemberKeys, openKeyring, prepareMember, type KdfParams } from '../src/core/keyring.ts';
import { toBase64Url } from '../src/core/crypto/bytes.ts';
import { CSRF_HEADER } from '../src/core/api/common.ts';
import { afterLockdown } from '../src/server/lockdown/erase.ts';
import type { VigilContext } from '../src/server/context.ts';
import type { FastifyBaseLogger } from 'fastify';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { localChangeFeed } from '../src/server/cluster/changes.ts';

const NAME = 'Test defenders';

const count = async (server: TestServer, table: string) => Number((await query<{ n: number | string }>(server, `select count(*) as n from ${table}`))[0]!.n);
const lockedDown = async (server: TestServer) => ((await (await fetch(`${server.url}/api/lockdown`)).json()) as { lockedDown: boolean }).lockedDown;

for (const backend of BACKENDS) {
  describe(`emergency lockdown on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let viewer: LoggedIn;
    let kdf: KdfParams;
    let invitation: string;
    let destroyed: Buffer[];

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      admin = await logIn(server);
      viewer = await addMember(server, admin, 'viewer', 'viewer@example.org');
      invitation = (await invite(admin, 'documenter')).token;
      kdf = ((await (await postJson(server, '/api/auth/kdf', { email: ADMIN.email })).json()) as { kdf: KdfParams }).kdf;
      await makeKit(admin);
      assert.equal((await admin.post('/api/transparency', { enabled: true, k: 5 })).status, 204);
      const members = await query<{ wrapped_private_key: Uint8Array; login_hash: string }>(server, 'select wrapped_private_key, login_hash from members');
      const grants = await query<{ sealed: Uint8Array }>(server, 'select sealed from key_grants union all select sealed from recovery_grants');
      destroyed = [...members.flatMap((m) => [Buffer.from(m.wrapped_private_key), Buffer.from(m.login_hash)]), ...grants.map((g) => Buffer.from(g.sealed))];
    });
    after(() => server?.close());

    it('is refused to anyone but an administrator', async () => {
      assert.equal((await viewer.post('/api/lockdown', { organizationName: NAME })).status, 403);
      const anonymous = await fetch(`${server.url}/api/lockdown`, { method: 'POST', headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' }, body: JSON.stringify({ organizationName: NAME }) });
      assert.equal(anonymous.status, 401);
      assert.equal(await lockedDown(server), false);
    });

    it("refuses a name that is not exactly the organization's (400), and changes nothing", async () => {
      const grants = await count(server, 'key_grants');
      for (const organizationName of ['test defenders', `${NAME} `, 'Test']) {
        const response = await admin.post('/api/lockdown', { organizationName });
        assert.equal(response.status, 400, organizationName);
        assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'not-the-name');
      }
      for (const body of [{}, { organizationName: '' }, { organizationName: 7 }]) assert.equal((await admin.post('/api/lockdown', body)).status, 400);
      assert.equal(await lockedDown(server), false);
      assert.equal(await count(server, 'key_grants'), grants);
      assert.equal(await count(server, 'recovery_grants'), 3, "the trustees' kit holds the three keys");
      assert.equal((await admin.get('/api/me')).status, 200, 'the administrator is still logged in');
      assert.equal((await viewer.get('/api/me')).status, 200);
    });

    it('ends every session and destroys every wrapped key and grant, audited', async () => {
      const [raced] = await query<Record<string, string | null>>(server, `select token_hash, member_id, created_at, expires_at, last_seen_at from sessions where member_id = '${viewer.login.member.id}'`);
      const response = await admin.post('/api/lockdown', { organizationName: NAME });
      assert.equal(response.status, 204);
      assert.match(response.headers.getSetCookie().join('\n'), /vigil_session=;/, "the caller's cookie is cleared");
      assert.equal(await lockedDown(server), true);
      for (const member of [admin, viewer]) assert.equal((await member.get('/api/me')).status, 401);
      assert.equal((await admin.get('/api/members')).status, 401);
      for (const table of ['sessions', 'challenges', 'key_grants', 'recovery_grants']) assert.equal(await count(server, table), 0, table);
      // A login that raced the lockdown and wrote its session just after it still gets nowhere.
      const values = Object.values(raced!).map((v) => (v === null ? 'null' : `'${v}'`)).join(', ');
      await query(server, `insert into sessions (token_hash, member_id, created_at, expires_at, last_seen_at) values (${values})`);
      assert.equal((await viewer.get('/api/me')).status, 401, 'a session written after the lockdown');
      await query(server, 'delete from sessions');
      const members = await query<{ wrapped_private_key: Uint8Array; login_hash: string }>(server, 'select wrapped_private_key, login_hash from members');
      assert.ok(members.length >= 2);
      for (const m of members) assert.deepEqual([m.wrapped_private_key.length, m.login_hash], [0, '']);
      const [entry] = await query<{ actor: string; detail: string }>(server, "select actor, detail from audit_log where action = 'organization.locked-down'");
      assert.equal(entry!.actor, admin.login.member.id);
      assert.deepEqual(JSON.parse(entry!.detail), { by: 'administrator' });
    });

    it('leaves no copy of a destroyed key in the data folder (nor its write-ahead log)', async () => {
      const found = (await everythingStored(server)).flatMap(([name, content]) => destroyed.filter((d) => content.includes(d)).map(() => name));
      assert.deepEqual(found, []);
    });

    it('refuses every login step with 423 "locked down", and the old passphrase opens nothing', async () => {
      const { loginKey, wrapKey } = await deriveMemberKeys(ADMIN.passphrase, kdf);
      const steps: [string, unknown][] = [
        ['/api/auth/kdf', { email: ADMIN.email }],
        ['/api/auth/kdf', { email: 'nobody@example.org' }],
        ['/api/auth/login', { email: ADMIN.email, loginKey: toBase64Url(loginKey) }],
        ['/api/auth/second-factor', { token: 'a'.repeat(40), code: '123456' }],
        ['/api/auth/passkey/options', { token: 'a'.repeat(40) }],
        ['/api/auth/passkey/verify', { token: 'a'.repeat(40), response: {} }],
        ['/api/invitations/accept', { token: invitation, member: await prepareMember('late@example.org', 'a late passphrase here') }],
      ];
      for (const [path, body] of steps) {
        const response = await postJson(server, path, body, { 'accept-language': 'en' });
        assert.equal(response.status, 423, path);
        const { error } = (await response.json()) as { error: { code: string; message: string } };
        assert.equal(error.code, 'locked-down');
        assert.match(error.message, /locked down.*backup and the trustees' shares/);
      }
      assert.equal(await count(server, 'members'), 2, 'the invitation was not accepted');
      // What a seized server and a coerced passphrase give: the stored key blob, which is now empty.
      const [row] = await query<{ wrapped_private_key: Uint8Array }>(server, `select wrapped_private_key from members where id = '${admin.login.member.id}'`);
      const stored = { ...admin.login, keys: { ...admin.login.keys, wrappedPrivateKey: toBase64Url(new Uint8Array(row!.wrapped_private_key)) }, grants: [] };
      await assert.rejects(openKeyring(stored, wrapKey));
    });

    it('still takes reports, serves the public pages, verifies its audit log and restarts locked down', async () => {
      const reports = await countReports(server);
      assert.equal((await postJson(server, '/api/reports', (await sealedSubmission(server, 'after the lockdown')).body)).status, 201);
      assert.equal(await countReports(server), reports + 1);
      for (const path of ['/', '/status', '/counts', '/counts.json']) assert.equal((await fetch(`${server.url}${path}`)).status, 200, path);
      const verified = await vigil(['audit', 'verify'], undefined, [], { VIGIL_DATA: server.dataDir, DATABASE_URL: server.databaseUrl ?? '' });
      assert.match(verified.stdout, /Audit log intact/, verified.stderr);
      await server.restart();
      assert.equal(await lockedDown(server), true);
      assert.equal((await postJson(server, '/api/auth/kdf', { email: ADMIN.email })).status, 423);
      assert.equal((await postJson(server, '/api/reports', (await sealedSubmission(server, 'after the restart')).body)).status, 201);
    });
  });
}

describe('after the lockdown has committed', () => {
  it('a failed erasure is logged by its code only, and the lockdown still answers success', async () => {
    const db = new Kysely<never>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none' }) }) });
    const logged: unknown[] = [];
    const log = { error: (fields: unknown) => logged.push(fields) } as unknown as FastifyBaseLogger;
    try {
      await afterLockdown({ storage: { kind: 'postgres', db }, config: { backup: { dir: null } }, backupSchedule: null, changes: localChangeFeed() } as unknown as VigilContext, log);
    } finally {
      await db.destroy();
    }
    assert.deepEqual(logged, [{ code: 'ECONNREFUSED' }]);
  });
});
