// Login without the passphrase: the browser derives a login key from it (Argon2id + HKDF) and
// sends only that; we compare a keyed hash. With a second factor enrolled, the passphrase step
// yields a short challenge token and the second step the session. The session response carries
// the member's wrapped private key and key grants, which only the browser can open. Attempts are
// limited per client and per account (login-guard.ts): a browser a member logged in from before
// keeps getting in while strangers sharing its address are throttled.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { DEFAULT_KDF } from '../../core/crypto/passphrase.ts';
import { fromBase64Url, toBase64Url } from '../../core/crypto/bytes.ts';
import { kdfRequest, loginRequest, type LoginResponse } from '../../core/api/auth.ts';
import { type Role } from '../../core/team/roles.ts';
import type { MemberTable } from '../storage/schema.ts';
import type { Selectable } from 'kysely';
import { HttpError } from '../http/errors.ts';
import { endSession, startSession } from './sessions.ts';
import { audit } from '../audit/log.ts';
import { perMinute } from '../http/rate-limit.ts';
import { grantsHeldBy } from '../keys/org-keys.ts';
import { checkCode, claimTry, confirmedFactors, dropChallenge, endSpentChallenge, findChallenge, mustEnrol, newChallenge, passkeyLoginOptions, verifyPasskeyLogin } from './second-factor.ts';
import { loginGuard, type Attempt } from './login-guard.ts';
import { refuseWhenLockedDown } from '../lockdown/refuse.ts';

const secondFactorRequest = z.object({
  token: z.string().min(20).max(100),
  code: z.string().max(10).optional(),
  recoveryCode: z.string().max(40).optional(),
});
const passkeyLoginRequest = z.object({ token: z.string().min(20).max(100), response: z.record(z.string(), z.unknown()) });

export const authRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  const { secret } = app.vigil;
  const guard = loginGuard(app.vigil);
  // Per client address; a browser known to a member is not counted (its address may be everyone's).
  const limit = perMinute(app.vigil.config.loginPerMinute, { allowList: guard.knownDevice });

  /** Passphrase and (if any) second factor passed: open a session and hand over the wrapped keys. */
  async function completeLogin(member: Pick<MemberTable, 'id' | 'email' | 'role' | 'public_key' | 'wrapped_private_key'>, reply: FastifyReply, factor: string) {
    const [org, grants] = await Promise.all([
      db.selectFrom('organization').selectAll().executeTakeFirstOrThrow(),
      grantsHeldBy(db, secret, { id: member.id, role: member.role as Role }),
    ]);
    await startSession(app.vigil, reply, member.id);
    guard.remember(reply, member.id);
    await audit(db, { actor: member.id, action: 'login.succeeded', object: member.id, detail: { factor } });
    const body: LoginResponse = {
      member: { id: member.id, email: member.email, role: member.role as Role },
      organization: { name: org.name, publicTitle: org.public_title, languages: JSON.parse(org.languages) },
      keys: { publicKey: toBase64Url(member.public_key), wrappedPrivateKey: toBase64Url(member.wrapped_private_key) },
      grants,
      mustEnrolSecondFactor: await mustEnrol(app.vigil, member.id),
    };
    return body;
  }

  async function failed(attempt: Attempt): Promise<never> {
    await guard.failed(attempt);
    // Who tried is recorded only when the address is a member's; a stranger's typing is not kept.
    await audit(db, { actor: null, action: 'login.failed', object: attempt.memberId });
    throw new HttpError(401, 'login-failed');
  }

  /**
   * One try at the second factor of a login challenge: the try is taken before the answer is
   * checked; a wrong answer on the last try ends the challenge; a right one is used once.
   */
  async function secondFactorTry(request: FastifyRequest, reply: FastifyReply, token: string, check: (member: Selectable<MemberTable>, webauthnChallenge: string | null) => Promise<string | null>) {
    await refuseWhenLockedDown(db);
    const challenge = await findChallenge(app.vigil, token, 'login');
    const member = await db.selectFrom('members').selectAll().where('id', '=', challenge.member_id).executeTakeFirstOrThrow();
    const attempt = guard.attempt(request, member.email, member);
    await guard.admit(attempt, reply);
    if (!attempt.memberId) {
      // Removed since the passphrase step.
      await dropChallenge(app.vigil, token);
      throw new HttpError(401, 'login-failed');
    }
    if (!(await claimTry(app.vigil, token))) {
      await endSpentChallenge(app.vigil, token);
      throw new HttpError(401, 'login-failed');
    }
    const factor = await check(member, challenge.webauthn_challenge);
    if (!factor) {
      await endSpentChallenge(app.vigil, token);
      return failed(attempt);
    }
    if (!(await dropChallenge(app.vigil, token))) throw new HttpError(401, 'login-failed');
    return completeLogin(member, reply, factor);
  }

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
    if (!member || !attempt.memberId || !secret.equal(member.login_hash, secret.keyedHash('login', loginKey))) return failed(attempt);
    const factors = await confirmedFactors(db, member.id);
    if (factors.length > 0) {
      const token = await newChallenge(app.vigil, member.id, 'login');
      const methods = [...new Set(factors.map((f) => f.kind)), 'recovery'];
      return { secondFactor: { token, methods } };
    }
    return completeLogin(member, reply, 'passphrase');
  });

  app.post('/api/auth/second-factor', { config: { access: 'public', ...limit } }, async (request, reply) => {
    const parsed = secondFactorRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    return secondFactorTry(request, reply, parsed.data.token, (member) => checkCode(app.vigil, member.id, member.email, parsed.data));
  });

  app.post('/api/auth/passkey/options', { config: { access: 'public', ...limit } }, async (request) => {
    const parsed = z.object({ token: z.string().min(20).max(100) }).safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    await refuseWhenLockedDown(db);
    const challenge = await findChallenge(app.vigil, parsed.data.token, 'login');
    return passkeyLoginOptions(app.vigil, challenge.member_id, parsed.data.token);
  });

  app.post('/api/auth/passkey/verify', { config: { access: 'public', ...limit } }, async (request, reply) => {
    const parsed = passkeyLoginRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    return secondFactorTry(request, reply, parsed.data.token, async (member, expected) =>
      expected && (await verifyPasskeyLogin(app.vigil, member.id, expected, parsed.data.response as never)) ? 'passkey' : null,
    );
  });

  app.post('/api/auth/logout', { config: { access: 'public' } }, async (request, reply) => {
    await endSession(app.vigil, request, reply);
    return reply.code(204).send();
  });
};
