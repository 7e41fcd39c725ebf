// Login without the passphrase: the browser derives a login key from it (Argon2id + HKDF) and
// sends only that; we compare a keyed hash. The response carries the member's wrapped private
// key and key grants, which only the passphrase-derived wrapping key in the browser can open.
import type { FastifyPluginAsync } from 'fastify';
import { DEFAULT_KDF } from '../../core/crypto/passphrase.ts';
import { fromBase64Url, toBase64Url } from '../../core/crypto/bytes.ts';
import { kdfRequest, loginRequest, type LoginResponse, type Role } from '../../core/api/schemas.ts';
import { HttpError } from '../http/errors.ts';
import { endSession, startSession } from './sessions.ts';
import { audit } from '../audit/log.ts';
import { perMinute } from '../config.ts';

export const authRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  const { secret } = app.vigil;
  const limit = perMinute(app.vigil.config.loginPerMinute);

  app.post('/api/auth/kdf', { config: { access: 'public', ...limit } }, async (request) => {
    const parsed = kdfRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    const row = await db.selectFrom('members').select('kdf').where('email', '=', parsed.data.email).executeTakeFirst();
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
    if (!member || member.status === 'removed' || !secret.equal(member.login_hash, secret.keyedHash('login', loginKey))) {
      // Who tried is recorded only when the address is a member's; a stranger's typing is not kept.
      await audit(db, { actor: null, action: 'login.failed', object: member?.id ?? null });
      throw new HttpError(401, 'login-failed');
    }
    const [org, grants] = await Promise.all([
      db.selectFrom('organization').selectAll().executeTakeFirstOrThrow(),
      db.selectFrom('key_grants').select(['key_id', 'sealed']).where('member_id', '=', member.id).execute(),
    ]);
    await startSession(app.vigil, reply, member.id);
    await audit(db, { actor: member.id, action: 'login.succeeded', object: member.id });
    const body: LoginResponse = {
      member: { id: member.id, email: member.email, role: member.role as Role },
      organization: { name: org.name, publicTitle: org.public_title, languages: JSON.parse(org.languages) },
      keys: { publicKey: toBase64Url(member.public_key), wrappedPrivateKey: toBase64Url(member.wrapped_private_key) },
      grants: grants.map((g) => ({ keyId: g.key_id, sealed: toBase64Url(g.sealed) })),
    };
    return body;
  });

  app.post('/api/auth/logout', { config: { access: 'public' } }, async (request, reply) => {
    await endSession(app.vigil, request, reply);
    return reply.code(204).send();
  });
};
