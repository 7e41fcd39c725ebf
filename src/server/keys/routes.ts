// The organization's public keys, for members' browsers to seal to (reports' notes and replies
// to the intake key, each record's key to the records key); an older organization's first key of
// a purpose; and "Rotate now". New keys are made in an administrator's browser (rotation.ts).
import type { FastifyPluginAsync } from 'fastify';
import { keyRotation, rotationsRequest, type OrgKeyView } from '../../core/api/keys.ts';
import { ROLES } from '../../core/team/roles.ts';
import { existingPurposes } from '../../core/key-holders.ts';
import { HttpError, parse } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { dropGrantsBeyondRole, keyView, orgKeys } from './org-keys.ts';
import { currentTeam, storeRotations } from './rotation.ts';
import { lockOrganization } from './serialise.ts';
import { ADMINS } from '../../core/team/roles.ts';


export const keyRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  const { secret } = app.vigil;

  app.get('/api/keys', { config: { access: ROLES } }, async (): Promise<{ keys: OrgKeyView[] }> => ({ keys: (await orgKeys(db, secret)).map(keyView) }));

  // An organization set up before records (or backups) existed: an administrator's browser makes
  // the missing key and seals it to its holders.
  app.post('/api/keys/first', { config: { access: ADMINS } }, async (request, reply) => {
    const rotation = parse(keyRotation, request.body);
    await db.transaction().execute(async (trx) => {
      await lockOrganization(trx);
      if (existingPurposes(await orgKeys(trx, secret), [rotation.purpose]).length > 0) throw new HttpError(409, 'already-set-up');
      const team = await currentTeam(trx, secret);
      await storeRotations(trx, secret, { actor: request.member!.id, team, purposes: [rotation.purpose], rotations: [rotation], action: 'key.created' });
    });
    return reply.code(204).send();
  });

  // "Rotate now": every key the organization has gets a successor sealed to exactly its holders
  // (after a lost laptop, a suspected leak, or an upgrade that left grants a role no longer holds:
  // those are deleted first). Old keys stay, retired, so old envelopes still open.
  app.post('/api/keys/rotate', { config: { access: ADMINS } }, async (request, reply) => {
    const { rotations } = parse(rotationsRequest, request.body);
    await db.transaction().execute(async (trx) => {
      await lockOrganization(trx);
      const team = await currentTeam(trx, secret);
      let dropped = 0;
      for (const member of team.members) dropped += await dropGrantsBeyondRole(trx, member);
      const purposes = existingPurposes(await orgKeys(trx, secret));
      if (dropped > 0) await appendAudit(trx, { actor: request.member!.id, action: 'key.revoked', object: null, detail: { reason: 'beyond-role', grants: dropped } });
      await storeRotations(trx, secret, { actor: request.member!.id, team, purposes, rotations });
    });
    await app.vigil.forget();
    return reply.code(204).send();
  });
};
