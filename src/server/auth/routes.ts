// Login without the passphrase: the browser derives a login key from it (Argon2id + HKDF) and
// sends only that; we compare a keyed hash. With a second factor enrolled, the passphrase step
// yields a short challenge token and the second step the session. The session response carries
// the member's wrapped private key and key grants, which only the browser can open.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import * as z from 'zod';
import { DEFAULT_KDF } from '../../core/crypto/passphrase.ts';
import { fromBase64Url, toBase64Url } from '../../core/crypto/bytes.ts';
import { kdfRequest, loginRequest, type LoginResponse, type Role } from '../../core/api/schemas.ts';
import type { MemberTable } from '../storage/schema.ts';
import { HttpError } from '../http/errors.ts';
import { endSession, startSession } from './sessions.ts';
import { audit } from '../audit/log.ts';
import { perMinute } from '../config.ts';
import { grantIsIntact } from '../keys/integrity.ts';
import { checkCode, confirmedFactors, dropChallenge, findChallenge, mustEnrol, newChallenge, passkeyLoginOptions, verifyPasskeyLogin } from './second-factor.ts';

const secondFactorRequest = z.object({
  token: z.string().min(20).max(100),
  code: z.string().max(10).optional(),
  recoveryCode: z.string().max(40).optional(),
});
const passkeyLoginRequest = z.object({ token: z.string().min(20).max(100), response: z.record(z.string(), z.unknown()) });

export const authRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  const { secret } = app.vigil;
  const limit = perMinute(app.vigil.config.loginPerMinute);

  /** Passphrase and (if any) second factor passed: open a session and hand over the wrapped keys. */
  async function completeLogin(member: Pick<MemberTable, 'id' | 'email' | 'role' | 'public_key' | 'wrapped_private_key'>, reply: FastifyReply, factor: string) {
    const [org, grants] = await Promise.all([
      db.selectFrom('organization').selectAll().executeTakeFirstOrThrow(),
      db.selectFrom('key_grants').select(['member_id', 'key_id', 'sealed', 'mac']).where('member_id', '=', member.id).execute(),
    ]);
    await startSession(app.vigil, reply, member.id);
    await audit(db, { actor: member.id, action: 'login.succeeded', object: member.id, detail: { factor } });
    const body: LoginResponse = {
      member: { id: member.id, email: member.email, role: member.role as Role },
      organization: { name: org.name, publicTitle: org.public_title, languages: JSON.parse(org.languages) },
      keys: { publicKey: toBase64Url(member.public_key), wrappedPrivateKey: toBase64Url(member.wrapped_private_key) },
      // A grant this server did not record (no valid MAC) is not handed out.
      grants: grants.filter((g) => grantIsIntact(secret, g)).map((g) => ({ keyId: g.key_id, sealed: toBase64Url(g.sealed) })),
      mustEnrolSecondFactor: await mustEnrol(app.vigil, member.id),
    };
    return body;
  }

  async function failed(memberId: string | null): Promise<never> {
    // Who tried is recorded only when the address is a member's; a stranger's typing is not kept.
    await audit(db, { actor: null, action: 'login.failed', object: memberId });
    throw new HttpError(401, 'login-failed');
  }

  app.post('/api/auth/kdf', { config: { access: 'public', ...limit } }, async (request) => {
    const parsed = kdfRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
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
    const member = await db.selectFrom('members').selectAll().where('email', '=', parsed.data.email).executeTakeFirst();
    if (!member || member.status === 'removed' || !secret.equal(member.login_hash, secret.keyedHash('login', loginKey))) return failed(member?.id ?? null);
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
    const challenge = await findChallenge(app.vigil, parsed.data.token, 'login');
    const member = await db.selectFrom('members').selectAll().where('id', '=', challenge.member_id).executeTakeFirstOrThrow();
    const factor = await checkCode(app.vigil, member.id, member.email, parsed.data);
    if (!factor) return failed(member.id);
    await dropChallenge(app.vigil, parsed.data.token);
    return completeLogin(member, reply, factor);
  });

  app.post('/api/auth/passkey/options', { config: { access: 'public', ...limit } }, async (request) => {
    const parsed = z.object({ token: z.string().min(20).max(100) }).safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    const challenge = await findChallenge(app.vigil, parsed.data.token, 'login');
    return passkeyLoginOptions(app.vigil, challenge.member_id, parsed.data.token);
  });

  app.post('/api/auth/passkey/verify', { config: { access: 'public', ...limit } }, async (request, reply) => {
    const parsed = passkeyLoginRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    const challenge = await findChallenge(app.vigil, parsed.data.token, 'login');
    const member = await db.selectFrom('members').selectAll().where('id', '=', challenge.member_id).executeTakeFirstOrThrow();
    const ok = challenge.webauthn_challenge && (await verifyPasskeyLogin(app.vigil, member.id, challenge.webauthn_challenge, parsed.data.response as never));
    if (!ok) return failed(member.id);
    await dropChallenge(app.vigil, parsed.data.token);
    return completeLogin(member, reply, 'passkey');
  });

  app.post('/api/auth/logout', { config: { access: 'public' } }, async (request, reply) => {
    await endSession(app.vigil, request, reply);
    return reply.code(204).send();
  });
};
