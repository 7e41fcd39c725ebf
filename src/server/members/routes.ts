// Members, invitations and key grants. The server never makes or opens a key here: invitees make
// their own key pair in their browser (invitation-routes.ts), and an administrator's browser seals
// the organization's keys to a new member only after both have compared the member's safety code.
import type { FastifyPluginAsync } from 'fastify';
import type { MembersResponse } from '../../core/api/members.ts';
import { grantsRequest, ROLE_KEYS } from '../../core/api/keys.ts';
import { ADMINS, type Role } from '../../core/team/roles.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { HttpError, parse, uuidParam } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { addGrant, exactGrants, keyView, orgKeys } from '../keys/org-keys.ts';
import { currentRecoveryKit } from '../keys/recovery-kit.ts';
import { lockOrganization } from '../keys/serialise.ts';
import { invitationRoutes } from './invitation-routes.ts';
import { roleRoutes } from './role-routes.ts';

export const memberRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  app.get('/api/members', { config: { access: ADMINS } }, async (): Promise<MembersResponse> => {
    const [members, invitations, keys, kit] = await Promise.all([
      db.selectFrom('members').select(['id', 'email', 'role', 'status', 'public_key', 'created_at']).where('status', '!=', 'removed').orderBy('created_at').execute(),
      db.selectFrom('invitations').selectAll().where('member_id', 'is', null).where('expires_at', '>', new Date().toISOString()).orderBy('created_at').execute(),
      orgKeys(db, app.vigil.secret),
      currentRecoveryKit(db, app.vigil.secret),
    ]);
    return {
      members: members.map((m) => ({ id: m.id, email: m.email, role: m.role as Role, status: m.status, publicKey: toBase64Url(m.public_key), createdAt: m.created_at })),
      invitations: invitations.map((i) => ({ id: i.id, role: i.role as Role, createdAt: i.created_at, expiresAt: i.expires_at, memberId: i.member_id })),
      keys: keys.map(keyView),
      recoveryKit: kit ? { id: kit.id, publicKey: toBase64Url(kit.publicKey) } : null,
    };
  });

  // The administrator's browser has shown the safety code of the public key below and the admin
  // said it matches the invitee's; the grants are the role's keys sealed to that key.
  app.post<{ Params: { id: string } }>('/api/members/:id/confirm', { config: { access: ADMINS } }, async (request, reply) => {
    const { grants } = parse(grantsRequest, request.body);
    await db.transaction().execute(async (trx) => {
      await lockOrganization(trx);
      const member = await trx.selectFrom('members').selectAll().where('id', '=', uuidParam(request.params.id)).executeTakeFirst();
      if (!member || member.status !== 'invited') throw new HttpError(404, 'not-found');
      // Exactly the keys of the member's role, current and retired: no fewer, no more.
      const needed = (await orgKeys(trx, app.vigil.secret)).filter((k) => ROLE_KEYS[member.role as Role].includes(k.purpose)).map((k) => k.id);
      const given = exactGrants(needed, grants);
      const now = new Date().toISOString();
      for (const [keyId, sealed] of given) await addGrant(trx, app.vigil.secret, { memberId: member.id, memberPublicKey: member.public_key, keyId, sealed }, now);
      await trx.updateTable('members').set({ status: 'active' }).where('id', '=', member.id).execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'member.confirmed', object: member.id, detail: { role: member.role } });
      for (const keyId of given.keys()) await appendAudit(trx, { actor: request.member!.id, action: 'key.granted', object: member.id, detail: { key: keyId } });
    });
    return reply.code(204).send();
  });

  await app.register(invitationRoutes);
  await app.register(roleRoutes);
};
