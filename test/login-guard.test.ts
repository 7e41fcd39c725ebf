// Login that one anonymous client cannot turn against the team (issue 10). Every test client
// here comes from 127.0.0.1: exactly the case of a proxy or an onion service, where every client
// looks the same. Failures are counted per account as well as per client; a browser a member
// logged in from before holds a device cookie (OWASP's "device cookies") and keeps getting in
// while strangers are throttled. The core is tested without a clock; the attacks against a real
// server, on SQLite and PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, addMember, logIn, rotationsWithout, setUpOrganization, type LoggedIn } from './support/org.ts';
import { deriveMemberKeys, type KdfParams } from '../src/core/keyring.ts';
import { toBase64Url } from '../src/core/crypto/bytes.ts';
import { DEFAULT_KDF } from '../src/core/crypto/passphrase.ts';
import { loadServerSecret } from '../src/server/secret.ts';
import { DEVICE_COOKIE, LoginGuard, deviceCookieFor, readDeviceCookie, type Attempt } from '../src/server/auth/login-guard.ts';
import { FailureWindows, purgeEndedFailures } from '../src/server/auth/failures.ts';
import { openTestStorage, type TestStorage } from './support/storage.ts';

const MINUTE = 60_000;
const policy = { max: 3, windowMs: 15 * MINUTE };

for (const backend of BACKENDS) {
  describe(`failure windows, shared through the database (${backend}, no clock)`, () => {
    let storage: TestStorage;
    before(async () => (storage = await openTestStorage(backend)));
    after(() => storage.remove());

    it('locks a key after its failures until the window from the first failure ends', async () => {
      const counter = new FailureWindows(storage.db, 'test', policy);
      for (let i = 0; i < 3; i++) {
        assert.equal(await counter.lockedFor('a', i * MINUTE), 0);
        await counter.fail('a', i * MINUTE);
      }
      assert.equal(await counter.lockedFor('a', 3 * MINUTE), 12 * 60);
      assert.equal(await counter.lockedFor('b', 3 * MINUTE), 0, 'another key is not affected');
      assert.equal(await new FailureWindows(storage.db, 'other-kind', policy).lockedFor('a', 3 * MINUTE), 0, 'nor the same key of another kind');
      assert.equal(await counter.lockedFor('a', 15 * MINUTE), 0, 'the window has passed');
      await counter.fail('a', 15 * MINUTE);
      assert.equal(await counter.lockedFor('a', 15 * MINUTE), 0, 'a new window starts with one failure');
    });

    it('counts failures arriving at once (two servers) without losing one', async () => {
      const counter = new FailureWindows(storage.db, 'test', policy);
      await Promise.all([0, 1, 2].map(() => counter.fail('together', 0)));
      assert.ok((await counter.lockedFor('together', 1)) > 0);
    });

    it('purges ended windows, so the table holds one window of failures at most', async () => {
      const counter = new FailureWindows(storage.db, 'test', policy);
      for (let i = 0; i < 50; i++) await counter.fail(`made-up-${i}`, 0);
      await counter.fail('recent', 40 * MINUTE);
      await purgeEndedFailures(storage.db, 40 * MINUTE);
      const left = await storage.db.selectFrom('login_failures').select('key').execute();
      assert.deepEqual(left.map((r) => r.key), ['test:recent']);
    });
  });

  describe(`login guard (${backend}, no clock)`, () => {
    const device = { nonce: 'n'.repeat(22), memberId: 'member-1' };
    const stranger: Attempt = { account: 'acct-1', memberId: 'member-1', device: null };
    const ownBrowser: Attempt = { ...stranger, device };
    let storage: TestStorage;
    before(async () => (storage = await openTestStorage(backend)));
    after(() => storage.remove());
    const fresh = async () => {
      await storage.db.deleteFrom('login_failures').execute();
      return new LoginGuard(storage.db, policy);
    };

    it("locks strangers out of an account while the member's own browser still gets in", async () => {
      const guard = await fresh();
      for (let i = 0; i < 3; i++) await guard.failed(stranger, 0);
      assert.ok((await guard.waitFor(stranger, 1)) > 0);
      assert.equal(await guard.waitFor(ownBrowser, 1), 0);
      assert.equal(await guard.waitFor({ ...stranger, account: 'acct-2', memberId: 'member-2' }, 1), 0, 'other accounts are open');
    });

    it("counts a known browser's failures against that browser only", async () => {
      const guard = await fresh();
      for (let i = 0; i < 3; i++) await guard.failed(ownBrowser, 0);
      assert.ok((await guard.waitFor(ownBrowser, 1)) > 0);
      assert.equal(await guard.waitFor(stranger, 1), 0);
    });

    it('treats a browser known to one member as a stranger to another account, and charges it there too', async () => {
      const guard = await fresh();
      const elsewhere: Attempt = { account: 'acct-2', memberId: 'member-2', device };
      assert.equal(guard.trusted(elsewhere), false);
      for (let i = 0; i < 3; i++) await guard.failed(elsewhere, 0);
      assert.ok((await guard.waitFor({ account: 'acct-2', memberId: 'member-2', device: null }, 1)) > 0);
      assert.ok((await guard.waitFor(ownBrowser, 1)) > 0, 'the browser paid for its guesses');
    });
  });
}

describe('device cookie', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-device-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const secret = loadServerSecret(join(dir, 'secret'));
  const memberId = '6f1c1f5e-6a8e-4d47-9f39-0d6b3f0b2a11';

  it('says which member it was issued to, and nothing else; a changed or foreign one is not read', () => {
    const value = deviceCookieFor(secret, memberId);
    assert.deepEqual(readDeviceCookie(secret, value)?.memberId, memberId);
    assert.notEqual(readDeviceCookie(secret, deviceCookieFor(secret, memberId))?.nonce, readDeviceCookie(secret, value)?.nonce, 'a random nonce each');
    const [nonce, id, mac] = value.split('.') as [string, string, string];
    assert.equal(readDeviceCookie(secret, `${nonce}.${id.replace(/.$/, (c) => (c === '0' ? '1' : '0'))}.${mac}`), null);
    assert.equal(readDeviceCookie(secret, `${nonce}.${id}.${mac.replace(/^./, (c) => (c === '0' ? '1' : '0'))}`), null);
    assert.equal(readDeviceCookie(loadServerSecret(join(dir, 'other')), value), null, "another server's secret");
    assert.equal(readDeviceCookie(secret, undefined), null);
    assert.equal(readDeviceCookie(secret, `${value}x`), null);
  });
});

const json = { 'content-type': 'application/json' };
const DOC = { email: 'doc@example.org', passphrase: 'documenter passphrase long' };
const wrongKey = () => toBase64Url(randomBytes(32));

/** A client with a cookie jar, as a browser keeps its device cookie; a stranger is one with an empty jar. */
class Browser {
  readonly jar = new Map<string, string>();
  constructor(readonly server: TestServer) {}

  async post(path: string, body: unknown): Promise<Response> {
    const cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(`${this.server.url}${path}`, { method: 'POST', headers: { ...json, ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
    for (const line of response.headers.getSetCookie()) {
      const [name, value] = line.split(';')[0]!.split('=') as [string, string];
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return response;
  }

  kdf = (email: string) => this.post('/api/auth/kdf', { email });
  login = (email: string, loginKey: string) => this.post('/api/auth/login', { email, loginKey });
}

async function loginKeyOf(server: TestServer, email: string, passphrase: string): Promise<string> {
  const { kdf } = (await (await fetch(`${server.url}/api/auth/kdf`, { method: 'POST', headers: json, body: JSON.stringify({ email }) })).json()) as { kdf: KdfParams };
  return toBase64Url((await deriveMemberKeys(passphrase, kdf)).loginKey);
}

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

for (const backend of BACKENDS) {
  describe(`login under attack from one shared address on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let doc: LoggedIn;
    let adminKey = '';
    let docKey = '';
    let docBrowser: Browser;
    let adminBrowser: Browser;
    const stranger = () => new Browser(server);

    before(async () => {
      // Per client (per route): 40 a minute. Every request below is counted in the comments.
      server = await startTestServer(backend, { VIGIL_LOGIN_PER_MINUTE: '40' });
      await setUpOrganization(server);
      admin = await logIn(server); // kdf 1, login 1
      doc = await addMember(server, admin, 'documenter', DOC.email, DOC.passphrase); // kdf 2, login 2
      [adminKey, docKey] = [await loginKeyOf(server, ADMIN.email, ADMIN.passphrase), await loginKeyOf(server, DOC.email, DOC.passphrase)]; // kdf 4
      docBrowser = new Browser(server);
      adminBrowser = new Browser(server);
    });
    after(async () => {
      await server?.close();
    });

    it('sets a device cookie on login: HttpOnly, SameSite=Strict, for the login routes, nothing personal in it', async () => {
      const response = await docBrowser.login(DOC.email, docKey); // login 3
      assert.equal(response.status, 200);
      const line = response.headers.getSetCookie().find((c) => c.startsWith(`${DEVICE_COOKIE}=`))!;
      assert.match(line, /; HttpOnly/i);
      assert.match(line, /; SameSite=Strict/i);
      assert.match(line, /; Path=\/api\/auth(;|$)/i);
      assert.doesNotMatch(line, /; Secure/i, 'plain http here; Secure when VIGIL_PUBLIC_URL is https');
      const value = docBrowser.jar.get(DEVICE_COOKIE)!;
      assert.ok(value.includes(doc.login.member.id));
      assert.ok(!value.includes('doc') && !value.includes('example'), 'no email');
    });

    it("locks strangers out of an account after ten failures, while the member's browser still gets in", async () => {
      for (let i = 0; i < 10; i++) assert.equal((await stranger().login(DOC.email, wrongKey())).status, 401); // login 13
      const refused = await stranger().login(DOC.email, docKey); // login 14
      assert.equal(refused.status, 429, 'even the right passphrase, from a stranger');
      assert.equal(await errorCode(refused), 'rate-limited');
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
      assert.equal((await docBrowser.login(DOC.email, docKey)).status, 200, 'the known browser (not counted per client)');
      assert.equal((await stranger().login(ADMIN.email, adminKey)).status, 200, 'other accounts are open'); // login 15
    });

    it("locks an address that is no member's the same way: a lockout does not tell who is a member", async () => {
      for (let i = 0; i < 10; i++) assert.equal((await stranger().login('nobody@example.org', wrongKey())).status, 401); // login 25
      assert.equal((await stranger().login('nobody@example.org', wrongKey())).status, 429); // login 26
    });

    it("counts a known browser's failures against that browser only", async () => {
      assert.equal((await adminBrowser.login(ADMIN.email, adminKey)).status, 200); // login 27
      for (let i = 0; i < 10; i++) assert.equal((await adminBrowser.login(ADMIN.email, wrongKey())).status, 401); // not counted per client
      assert.equal((await adminBrowser.login(ADMIN.email, adminKey)).status, 429, 'this browser is locked'); // login 28: locked browsers are counted
      assert.equal((await stranger().login(ADMIN.email, adminKey)).status, 200, "the account's other clients are not"); // login 29
    });

    it('limits wrong current passphrases per member: 429 after five, even with the right one', async () => {
      const change = (member: LoggedIn, currentLoginKey: string) =>
        member.post('/api/me/passphrase', { currentLoginKey, kdf: { v: 1, salt: toBase64Url(randomBytes(16)), ...DEFAULT_KDF }, loginKey: wrongKey(), wrappedPrivateKey: toBase64Url(randomBytes(80)) });
      for (let i = 0; i < 5; i++) assert.equal((await change(doc, wrongKey())).status, 403);
      const refused = await change(doc, docKey);
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
      assert.equal((await change(admin, wrongKey())).status, 403, 'another member is not affected');
      assert.equal((await docBrowser.login(DOC.email, docKey)).status, 200, 'the passphrase did not change');
    });

    it('keeps known browsers getting in through a flood from the one address (Tor): strangers get 429', async () => {
      let kdfRefused = 0;
      for (let i = 0; i < 60 && kdfRefused === 0; i++) if ((await stranger().kdf(`flood-${i}@example.org`)).status === 429) kdfRefused = i;
      assert.ok(kdfRefused > 0, 'the per-client limit on kdf is reached');
      let loginRefused = 0;
      // A new address each time: the 429 comes from the per-client limit, not an account's.
      for (let i = 0; i < 60 && loginRefused === 0; i++) if ((await stranger().login(`flood-${i}@example.org`, wrongKey())).status === 429) loginRefused = i;
      assert.ok(loginRefused > 0, 'the per-client limit on login is reached');
      assert.equal((await stranger().login(`fresh@example.org`, wrongKey())).status, 429);

      // The member's browser: logged out (the device cookie stays), it still gets in.
      const logout = await docBrowser.post('/api/auth/logout', {});
      assert.equal(logout.status, 204);
      assert.ok(docBrowser.jar.has(DEVICE_COOKIE), 'logging out keeps the browser known');
      assert.equal((await docBrowser.kdf(DOC.email)).status, 200);
      assert.equal((await docBrowser.login(DOC.email, docKey)).status, 200);

      // A browser locked by its own failures, and a forged cookie, are strangers again.
      assert.equal((await adminBrowser.kdf(ADMIN.email)).status, 429);
      const forged = stranger();
      const [nonce, id, mac] = docBrowser.jar.get(DEVICE_COOKIE)!.split('.') as [string, string, string];
      forged.jar.set(DEVICE_COOKIE, `${nonce}.${id}.${mac.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))}`);
      assert.equal((await forged.kdf(DOC.email)).status, 429);
    });

    it("makes a removed member's device cookie worthless", async () => {
      assert.equal((await docBrowser.kdf(DOC.email)).status, 200, 'known until removed');
      const rotations = await rotationsWithout(admin, doc.login.member.id);
      assert.equal((await admin.post(`/api/members/${doc.login.member.id}/remove`, { rotations })).status, 204);
      assert.equal((await docBrowser.kdf(DOC.email)).status, 429, 'counted per client again (the flood goes on)');
      assert.equal((await docBrowser.login(DOC.email, docKey)).status, 429);
    });
  });
}
