// Trustee recovery (M of N). Administrators make the kit in their browser and upload its public
// half and grants sealed to it. Trustees, with no login, combine their shares in a browser at
// /recover; each action (open the kit's grants, give every key to an administrator, lock the
// organization down) is preceded by a one-time challenge the combined key answers. A wrong or
// reused answer changes nothing.
import type { FastifyPluginAsync } from 'fastify';
import { recoveryGrantRequest, recoveryKitRequest, recoveryLockdownRequest, recoveryOpenRequest, type PublicRecoveryKit, type RecoveryChallenge, type RecoveryOpened, type RecoveryStatus } from '../../core/api/recovery.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { HttpError, parse } from '../http/errors.ts';
import { sendWorkspace } from '../http/workspace.ts';
import { perMinute } from '../http/rate-limit.ts';
import { currentRecoveryKit } from '../keys/recovery-kit.ts';
import { lockDownByName } from '../lockdown/lock.ts';
import { afterLockdown } from '../lockdown/erase.ts';
import { createKit, kitGrants } from './kits.ts';
import { issueChallenge, stillCurrent, useAnswer } from './challenges.ts';
import { grantByTrustees } from './grant.ts';
import { ADMINS } from '../../core/team/roles.ts';


export const recoveryRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  const { secret } = app.vigil;
  // Each answer is one guess, and each challenge a row: counted per client like a login.
  const trustees = { access: 'public' as const, ...perMinute(app.vigil.config.loginPerMinute) };

  app.get('/api/recovery', { config: { access: ADMINS } }, async (): Promise<RecoveryStatus> => {
    const kit = await currentRecoveryKit(db, secret);
    return { kit: kit ? { id: kit.id, threshold: kit.threshold, shares: kit.shares, createdAt: kit.createdAt } : null };
  });

  app.post('/api/recovery/kits', { config: { access: ADMINS } }, async (request, reply) => {
    const input = parse(recoveryKitRequest, request.body);
    const id = await db.transaction().execute((trx) => createKit(trx, secret, input, request.member!.id));
    return reply.code(201).send({ id });
  });

  app.get('/recover', { config: { access: 'public' } }, async (_request, reply) => sendWorkspace(reply));

  // What the page needs before any share is typed: which kit shares must belong to, and its key to check them against.
  // Not how it is split (each share says so): nobody learns the number of trustees from asking.
  app.get('/api/recovery/kit', { config: trustees }, async (): Promise<PublicRecoveryKit> => {
    const kit = await currentRecoveryKit(db, secret);
    if (!kit) throw new HttpError(404, 'not-found');
    return { id: kit.id, publicKey: toBase64Url(kit.publicKey) };
  });

  app.post('/api/recovery/challenge', { config: trustees }, async (): Promise<RecoveryChallenge> => ({ challenge: await issueChallenge(db, secret) }));

  app.post('/api/recovery/open', { config: trustees }, async (request): Promise<RecoveryOpened> => {
    const { answer } = parse(recoveryOpenRequest, request.body);
    const kit = await useAnswer(db, secret, answer);
    const [grants, administrators] = await Promise.all([
      kitGrants(db, secret, kit.id),
      db.selectFrom('members').select(['id', 'email']).where('role', '=', 'admin').where('status', '=', 'active').orderBy('created_at').execute(),
    ]);
    return { grants: grants.map((g) => ({ keyId: g.keyId, sealed: toBase64Url(g.sealed) })), administrators };
  });

  app.post('/api/recovery/grant', { config: trustees }, async (request, reply) => {
    const input = parse(recoveryGrantRequest, request.body);
    const kit = await useAnswer(db, secret, input.answer);
    await db.transaction().execute((trx) => grantByTrustees(trx, secret, kit, input));
    return reply.code(204).send();
  });

  app.post('/api/recovery/lockdown', { config: trustees }, async (request, reply) => {
    const { answer, organizationName } = parse(recoveryLockdownRequest, request.body);
    const kit = await useAnswer(db, secret, answer);
    await db.transaction().execute(async (trx) => {
      await stillCurrent(trx, secret, kit);
      await lockDownByName(trx, organizationName, { actor: null, kind: 'trustees' });
    });
    await afterLockdown(app.vigil, request.log);
    return reply.code(204).send();
  });
};
