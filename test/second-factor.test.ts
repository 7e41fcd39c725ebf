// Second factors over the API: TOTP enrolment and login, recovery codes (one use each), and an
// administrator requiring a second factor for everyone — on SQLite and PostgreSQL. A TOTP code is
// accepted once (concurrent submissions included) and a challenge allows three tries. (Passkeys
// are exercised in Chromium with a virtual authenticator: test/workspace-2fa.test.ts.)
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Secret, TOTP } from 'otpauth';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, addMember, logIn, setUpOrganization, type LoggedIn } from './support/org.ts';
import { deriveMemberKeys, type KdfParams } from '../src/core/keyring.ts';
import { toBase64Url } from '../src/core/crypto/bytes.ts';
import { findPlaintext } from './support/db.ts';
import { nextCode } from './support/totp.ts';

const json = { 'content-type': 'application/json' };

async function passphraseStep(server: TestServer, email: string, passphrase: string): Promise<Record<string, unknown>> {
  const { kdf } = (await (await fetch(`${server.url}/api/auth/kdf`, { method: 'POST', headers: json, body: JSON.stringify({ email }) })).json()) as { kdf: KdfParams };
  const { loginKey } = await deriveMemberKeys(passphrase, kdf);
  const response = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email, loginKey: toBase64Url(loginKey) }) });
  assert.equal(response.status, 200);
  assert.equal(response.headers.getSetCookie().length, 0, 'no session before the second factor');
  return (await response.json()) as Record<string, unknown>;
}

const secondStep = (server: TestServer, body: object) => fetch(`${server.url}/api/auth/second-factor`, { method: 'POST', headers: json, body: JSON.stringify(body) });

/**
 * A fresh authenticator app for this member (each factor remembers its own last accepted code);
 * enrolling takes the current code, so its logins use the next one.
 */
async function newAuthenticator(member: LoggedIn): Promise<{ generate(): string }> {
  const start = (await (await member.post('/api/me/totp/start')).json()) as { id: string; secret: string };
  const totp = new TOTP({ secret: Secret.fromBase32(start.secret) });
  assert.equal((await member.post('/api/me/totp/confirm', { id: start.id, code: totp.generate() })).status, 200);
  return { generate: () => nextCode(start.secret) };
}

const challengeToken = async (server: TestServer, email: string, passphrase: string) =>
  ((await passphraseStep(server, email, passphrase)) as { secondFactor: { token: string } }).secondFactor.token;

for (const backend of BACKENDS) {
  describe(`second factors on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let totpSecret = '';
    let recoveryCodes: string[] = [];

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      admin = await logIn(server);
    });
    after(async () => {
      await server?.close();
    });

    it('enrols an authenticator app: a wrong code is refused, a right one gives recovery codes once', async () => {
      const start = (await (await admin.post('/api/me/totp/start')).json()) as { id: string; secret: string; uri: string };
      assert.match(start.uri, /^otpauth:\/\/totp\//);
      totpSecret = start.secret;
      assert.equal((await admin.post('/api/me/totp/confirm', { id: start.id, code: '000000' })).status, 400);
      const code = new TOTP({ secret: Secret.fromBase32(start.secret) }).generate();
      const confirmed = (await (await admin.post('/api/me/totp/confirm', { id: start.id, code })).json()) as { recoveryCodes: string[] };
      // The code typed to enrol is used up: it does not open a login too.
      const step = (await passphraseStep(server, ADMIN.email, ADMIN.passphrase)) as { secondFactor: { token: string } };
      assert.equal((await secondStep(server, { token: step.secondFactor.token, code })).status, 401);
      recoveryCodes = confirmed.recoveryCodes;
      assert.equal(recoveryCodes.length, 10);
      const list = (await (await admin.get('/api/me/second-factors')).json()) as { factors: { kind: string }[]; recoveryCodesLeft: number };
      assert.deepEqual(list.factors.map((f) => f.kind), ['totp']);
      assert.equal(list.recoveryCodesLeft, 10);
    });

    it('keeps the TOTP seed and recovery codes out of the database in the clear', async () => {
      assert.deepEqual(await findPlaintext(server, [totpSecret, ...recoveryCodes]), []);
    });

    it('logs in with passphrase then code; a wrong code or a replayed token fails', async () => {
      const step = (await passphraseStep(server, ADMIN.email, ADMIN.passphrase)) as { secondFactor: { token: string; methods: string[] } };
      assert.deepEqual(step.secondFactor.methods, ['totp', 'recovery']);
      assert.equal((await secondStep(server, { token: step.secondFactor.token, code: '123456' })).status, 401);
      const code = nextCode(totpSecret);
      const ok = await secondStep(server, { token: step.secondFactor.token, code });
      assert.equal(ok.status, 200);
      const body = (await ok.json()) as { keys: { wrappedPrivateKey: string } };
      assert.ok(body.keys.wrappedPrivateKey);
      assert.deepEqual(ok.headers.getSetCookie().map((c) => c.split('=')[0]), ['vigil_session', 'vigil_device'], 'a session, and this browser is now known');
      assert.equal((await secondStep(server, { token: step.secondFactor.token, code })).status, 401, 'the token is single-use');
    });

    it('a recovery code works once', async () => {
      const first = (await passphraseStep(server, ADMIN.email, ADMIN.passphrase)) as { secondFactor: { token: string } };
      assert.equal((await secondStep(server, { token: first.secondFactor.token, recoveryCode: recoveryCodes[0]!.toUpperCase() })).status, 200);
      const again = (await passphraseStep(server, ADMIN.email, ADMIN.passphrase)) as { secondFactor: { token: string } };
      assert.equal((await secondStep(server, { token: again.secondFactor.token, recoveryCode: recoveryCodes[0] })).status, 401);
    });

    it('an administrator can require a second factor: members without one reach only their account', async () => {
      const member = await addMember(server, admin, 'documenter', 'doc@example.org');
      assert.equal((await member.post('/api/settings', { requireSecondFactor: true })).status, 403);
      assert.equal((await admin.post('/api/settings', { requireSecondFactor: true })).status, 204);
      const blocked = await member.get('/api/inbox');
      assert.equal(blocked.status, 403);
      assert.equal(((await blocked.json()) as { error: { code: string } }).error.code, 'second-factor-required');
      assert.equal((await member.get('/api/me')).status, 200);
      const start = (await (await member.post('/api/me/totp/start')).json()) as { id: string; secret: string };
      const code = new TOTP({ secret: Secret.fromBase32(start.secret) }).generate();
      assert.equal((await member.post('/api/me/totp/confirm', { id: start.id, code })).status, 200);
      assert.equal((await member.get('/api/inbox')).status, 200);
      // With the requirement on, the only factor cannot be removed.
      const { factors } = (await (await member.get('/api/me/second-factors')).json()) as { factors: { id: string }[] };
      assert.equal((await member.post(`/api/me/second-factors/${factors[0]!.id}/remove`)).status, 409);
      const log = (await (await admin.get('/api/audit')).json()) as { entries: { action: string }[] };
      assert.ok(log.entries.some((e) => e.action === 'second-factor.required'));
      assert.ok(log.entries.some((e) => e.action === 'second-factor.enrolled'));
    });

    describe('codes that cannot be replayed or guessed on', () => {
      const TOTP_MEMBER = { email: 'totp@example.org', passphrase: 'totp member passphrase' };
      let member: LoggedIn;
      before(async () => {
        member = await addMember(server, admin, 'documenter', TOTP_MEMBER.email, TOTP_MEMBER.passphrase);
      });
      const challenge = () => challengeToken(server, TOTP_MEMBER.email, TOTP_MEMBER.passphrase);

      it('accepts a TOTP code once: the same code on a new challenge is refused', async () => {
        const code = (await newAuthenticator(member)).generate();
        assert.equal((await secondStep(server, { token: await challenge(), code })).status, 200);
        const replay = await secondStep(server, { token: await challenge(), code });
        assert.equal(replay.status, 401);
        assert.equal(((await replay.json()) as { error: { code: string } }).error.code, 'login-failed');
      });

      it('lets only one of two concurrent submissions of the same code in', async () => {
        const code = (await newAuthenticator(member)).generate();
        // Two challenges (two attackers who both saw the code), and one challenge sent twice.
        const [first, second] = [await challenge(), await challenge()];
        const across = await Promise.all([secondStep(server, { token: first, code }), secondStep(server, { token: second, code })]);
        assert.deepEqual(across.map((r) => r.status).sort(), [200, 401]);
        const again = (await newAuthenticator(member)).generate();
        const token = await challenge();
        const same = await Promise.all([secondStep(server, { token, code: again }), secondStep(server, { token, code: again })]);
        assert.deepEqual(same.map((r) => r.status).sort(), [200, 401]);
      });

      it('ends the challenge on the third wrong code: the right code then fails, the passphrase starts again', async () => {
        const totp = await newAuthenticator(member);
        const wrong = String((Number(totp.generate()) + 1) % 1_000_000).padStart(6, '0');
        const token = await challenge();
        assert.equal((await secondStep(server, { token, code: wrong })).status, 401);
        assert.equal((await secondStep(server, { token, recoveryCode: 'abcde-fghjk' })).status, 401);
        assert.equal((await secondStep(server, { token, code: wrong })).status, 401);
        const after = await secondStep(server, { token, code: totp.generate() });
        assert.equal(after.status, 401, 'the challenge is gone');
        assert.equal(((await after.json()) as { error: { code: string } }).error.code, 'login-failed');
        const passkey = await fetch(`${server.url}/api/auth/passkey/options`, { method: 'POST', headers: json, body: JSON.stringify({ token }) });
        assert.equal(passkey.status, 401);
        assert.equal((await secondStep(server, { token: await challenge(), code: totp.generate() })).status, 200);
      });
    });
  });
}
