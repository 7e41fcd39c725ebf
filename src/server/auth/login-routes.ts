// Login without the passphrase: the browser derives a login key from it (Argon2id + HKDF) and
// sends only that; we compare a keyed hash. With a second factor enrolled, the passphrase step
// yields a short challenge token and the second step the session. The session response carries
// the member's wrapped private key and key grants, which only the browser can open. Attempts are
// limited per client and per account (login-guard.ts): a browser a member logged in from before
// keeps getting in while strangers sharing its address are throttled.
import type { FastifyPluginAsync } from 'fastify';
import { DEFAULT_KDF } from '../../core/crypto/passphrase.ts';
import { fromBase64Url, toBase64Url } from '../../core/crypto/bytes.ts';
import { kdfRequest, loginRequest } from '../../core/api/auth.ts';
import { passkeyLoginRequest, passkeyOptionsRequest, secondFactorRequest } from '../../core/api/second-factor.ts';
import { HttpError } from '../http/errors.ts';
import { endSession } from './sessions.ts';
import { perMinute } from '../http/rate-limit.ts';
import { checkCode, confirmedFactors, findChallenge, newChallenge, passkeyLoginOptions, verifyPasskeyLogin } from './second-factor.ts';
import { loginGuard } from './login-guard.ts';
import { loginSteps } from './login.ts';
import { refuseWhenLockedDown } from '../lockdown/refuse.ts';

export const loginRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  const { secret } = app.vigil;
  const guard = loginGuard(app.vigil);
  const login = loginSteps(app.vigil, guard);
  // Per client address; a browser known to a member is not counted (its address may be everyone's).
  const limit = perMinute(app.vigil.config.loginPerMinute, { allowList: guard.knownDevice });

  app.post('/api/auth/kdf', { config: { access: 'public', ...limit } }, async (request) => {
    const parsed = kdfRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    await refuseWhenLockedDown(db);
    const row = await db.selectFrom('members').select('kdf').where('email', '=', parsed.data.email).where('status', '!=', 'removed').executeTakeFirst();
    if (row) return { kdf: JSON.parse(row.kdf) };
    // Unknown addresses get stable, plausible parameters, so this cannot list who is a member.
    const salt = Buffer.from(secret.keyedHash('decoy-kdf', parsed.data.email), 'hex').subarray(0, 16);
    return { kdf: { v: 1, salt: toBase64Url(salt), ...DEFAULT_KDF } };
  });

  app.post('/api/auth/login', { config: { access: 'public', ...limit } }, async (request, reply) => {
    const parsed = loginRequest.safeParse(request.body);
    const loginKey = parsed.success ? fromBase64Url(parsed.data.loginKey) : null;
    if (!parsed.success || !loginKey || loginKey.length !== 32) throw new HttpError(400, 'bad-request');
    await refuseWhenLockedDown(db);
    const member = await db.selectFrom('members').selectAll().where('email', '=', parsed.data.email).executeTakeFirst();
    const attempt = guard.attempt(request, parsed.data.email, member);
    await guard.admit(attempt, reply);
    if (!member || !attempt.memberId || !secret.equal(member.login_hash, secret.keyedHash('login', loginKey))) return login.failed(attempt);
    const factors = await confirmedFactors(db, member.id);
    if (factors.length > 0) {
      const token = await newChallenge(app.vigil, member.id, 'login');
      const methods = [...new Set(factors.map((f) => f.kind)), 'recovery'];
      return { secondFactor: { token, methods } };
    }
    return login.complete(member, reply, 'passphrase');
  });

  app.post('/api/auth/second-factor', { config: { access: 'public', ...limit } }, async (request, reply) => {
    const parsed = secondFactorRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    return login.secondFactorTry(request, reply, parsed.data.token, (member) => checkCode(app.vigil, member.id, member.email, parsed.data));
  });

  app.post('/api/auth/passkey/options', { config: { access: 'public', ...limit } }, async (request) => {
    const parsed = passkeyOptionsRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    await refuseWhenLockedDown(db);
    const challenge = await findChallenge(app.vigil, parsed.data.token, 'login');
    return passkeyLoginOptions(app.vigil, challenge.member_id, parsed.data.token);
  });

  app.post('/api/auth/passkey/verify', { config: { access: 'public', ...limit } }, async (request, reply) => {
    const parsed = passkeyLoginRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    return login.secondFactorTry(request, reply, parsed.data.token, async (member, expected) =>
      expected && (await verifyPasskeyLogin(app.vigil, member.id, expected, parsed.data.response as never)) ? 'passkey' : null,
    );
  });

  app.post('/api/auth/logout', { config: { access: 'public' } }, async (request, reply) => {
    await endSession(app.vigil, request, reply);
    return reply.code(204).send();
  });
};
