// A member's own account: who am I, my language, my keys, my passphrase.
import type { FastifyPluginAsync } from 'fastify';
import { fromBase64Url, toBase64Url } from '../../core/crypto/bytes.ts';
import { grantsHeldBy } from '../keys/org-keys.ts';
import { languageRequest } from '../../core/api/members.ts';
import { passphraseRequest } from '../../core/api/auth.ts';
import { HttpError, parse } from '../http/errors.ts';
import { isLanguage } from '../../core/i18n/index.ts';
import { DEFAULT_TIME_ZONE } from '../../core/i18n/format.ts';
import { appendAudit, audit } from '../audit/log.ts';
import { refuseWhileLocked } from './login-guard.ts';
import { FailureWindows } from './failures.ts';
import { lockOrganization } from '../keys/serialise.ts';
import { refuseWhenLockedDown } from '../lockdown/refuse.ts';
import { EVERYONE } from '../../core/team/roles.ts';

/** Wrong current passphrases a member may give in a window: a taken-over session cannot guess on. */
export const PASSPHRASE_CHANGE_POLICY = { max: 5, windowMs: 15 * 60_000 };

export const meRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  const wrongPassphrases = new FailureWindows(db, 'passphrase', PASSPHRASE_CHANGE_POLICY);

  app.get('/api/me', { config: { access: 'member' } }, async (request) => {
    const m = request.member!;
    const [row, org] = await Promise.all([db.selectFrom('members').select('language').where('id', '=', m.id).executeTakeFirst(), app.vigil.organization()]);
    const language = isLanguage(row?.language) ? row.language : null;
    return { id: m.id, email: m.email, role: m.role, status: m.status, idleMinutes: app.vigil.config.idleMinutes, language, timeZone: org?.timeZone ?? DEFAULT_TIME_ZONE };
  });

  // The workspace language is the member's own (remembered on every device they log in from).
  app.post('/api/me/language', { config: { access: 'member' } }, async (request, reply) => {
    const { language } = parse(languageRequest, request.body);
    await db.updateTable('members').set({ language }).where('id', '=', request.member!.id).execute();
    return reply.code(204).send();
  });

  // Keys granted since login (e.g. after a rotation), so the workspace need not log in again.
  app.get('/api/me/grants', { config: { access: EVERYONE } }, async (request) => {
    const { id, role } = request.member!;
    return { grants: await grantsHeldBy(db, app.vigil.secret, { id, role }) };
  });

  // The browser re-wrapped the member's private key under the new passphrase; the old login
  // key proves the request comes from someone who knew the old one.
  app.post('/api/me/passphrase', { config: { access: 'member' } }, async (request, reply) => {
    const parsed = passphraseRequest.safeParse(request.body);
    const current = parsed.success ? fromBase64Url(parsed.data.currentLoginKey) : null;
    const next = parsed.success ? fromBase64Url(parsed.data.loginKey) : null;
    const wrapped = parsed.success ? fromBase64Url(parsed.data.wrappedPrivateKey) : null;
    if (!parsed.success || !current || !next || !wrapped || next.length !== 32 || wrapped.length < 30) throw new HttpError(400, 'bad-request');
    const { secret } = app.vigil;
    const me = request.member!;
    refuseWhileLocked(reply, await wrongPassphrases.lockedFor(me.id, Date.now()));
    const row = await db.selectFrom('members').select('login_hash').where('id', '=', me.id).executeTakeFirstOrThrow();
    if (!secret.equal(row.login_hash, secret.keyedHash('login', current))) {
      await wrongPassphrases.fail(me.id, Date.now());
      await audit(db, { actor: me.id, action: 'login.failed', object: me.id });
      throw new HttpError(403, 'login-failed');
    }
    await db.transaction().execute(async (trx) => {
      // A lockdown committed meanwhile blanked this wrapped key: it must not come back.
      await lockOrganization(trx);
      await refuseWhenLockedDown(trx);
      await trx
        .updateTable('members')
        .set({ kdf: JSON.stringify(parsed.data.kdf), login_hash: secret.keyedHash('login', next), wrapped_private_key: wrapped })
        .where('id', '=', me.id)
        .execute();
      // Other sessions were opened with the old passphrase: end them.
      await trx.deleteFrom('sessions').where('member_id', '=', me.id).where('token_hash', 'not like', `${me.sessionId}%`).execute();
      await appendAudit(trx, { actor: me.id, action: 'member.passphrase-changed', object: me.id });
    });
    return reply.code(204).send();
  });
};
