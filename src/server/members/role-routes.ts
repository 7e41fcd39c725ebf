// Changes that move keys: a member's new role, and a member's removal. Keys a member no longer
// holds are rotated in the same transaction — the administrator's browser made the new key pairs
// and sealed each to its remaining holders; old envelopes stay readable with the old keys the
// others hold. The last administrator can be neither demoted nor removed.
import type { FastifyPluginAsync } from 'fastify';
import type { Transaction } from 'kysely';
import { roleRequest } from '../../core/api/members.ts';
import { rotationsRequest } from '../../core/api/keys.ts';
import { ADMINS, type Role } from '../../core/team/roles.ts';
import { existingPurposes, purposesOf, roleChange, withRole, withoutMember } from '../../core/key-holders.ts';
import type { Database } from '../storage/schema.ts';
import { HttpError, parse, uuidParam } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { addGrant, dropGrantsBeyondRole, exactGrants, orgKeys } from '../keys/org-keys.ts';
import { currentTeam, storeRotations } from '../keys/rotation.ts';
import { lockOrganization } from '../keys/serialise.ts';

export const roleRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  const secret = app.vigil.secret;

  // A role change moves keys at once. Keys the new role does not hold: the member's grants of
  // them (current and retired) are deleted and each is rotated, sealed to everyone who still holds
  // it. Keys it gains: the administrator's browser sealed them (current and retired) to the member.
  app.post<{ Params: { id: string } }>('/api/members/:id/role', { config: { access: ADMINS } }, async (request, reply) => {
    const parsed = parse(roleRequest, request.body);
    const actor = request.member!.id;
    await db.transaction().execute(async (trx) => {
      await lockOrganization(trx);
      const member = await trx.selectFrom('members').select(['id', 'role', 'public_key']).where('id', '=', uuidParam(request.params.id)).where('status', '=', 'active').executeTakeFirst();
      if (!member) throw new HttpError(404, 'not-found');
      const from = member.role as Role;
      if (from === parsed.role) throw new HttpError(400, 'bad-request');
      if (from === 'admin') await keepOneAdmin(trx, member.id);
      const { lost, gained } = roleChange(from, parsed.role);
      const keys = await orgKeys(trx, secret);
      // The gained keys, current and retired, exactly, as a confirmation's grants are checked.
      const given = exactGrants(keys.filter((k) => gained.includes(k.purpose)).map((k) => k.id), parsed.grants);
      await trx.updateTable('members').set({ role: parsed.role }).where('id', '=', member.id).execute();
      await appendAudit(trx, { actor, action: 'member.role-changed', object: member.id, detail: { from, to: parsed.role } });
      const now = new Date().toISOString();
      const dropped = await dropGrantsBeyondRole(trx, { id: member.id, role: parsed.role });
      if (dropped > 0) await appendAudit(trx, { actor, action: 'key.revoked', object: member.id, detail: { purposes: lost.join(','), grants: dropped } });
      const team = withRole(await currentTeam(trx, secret), member.id, parsed.role);
      await storeRotations(trx, secret, { actor, team, purposes: existingPurposes(keys, lost), rotations: parsed.rotations }, now);
      for (const [keyId, sealed] of given) await addGrant(trx, secret, { memberId: member.id, memberPublicKey: member.public_key, keyId, sealed }, now);
      for (const keyId of given.keys()) await appendAudit(trx, { actor, action: 'key.granted', object: member.id, detail: { key: keyId } });
    });
    await app.vigil.forget();
    return reply.code(204).send();
  });

  // Removing a member ends their sessions, deletes their wrapped key and grants, and rotates every
  // key they held.
  app.post<{ Params: { id: string } }>('/api/members/:id/remove', { config: { access: ADMINS } }, async (request, reply) => {
    const { rotations } = parse(rotationsRequest, request.body);
    await db.transaction().execute(async (trx) => {
      await lockOrganization(trx);
      const member = await trx.selectFrom('members').select(['id', 'role', 'status']).where('id', '=', uuidParam(request.params.id)).executeTakeFirst();
      if (!member || member.status === 'removed') throw new HttpError(404, 'not-found');
      if (member.role === 'admin') await keepOneAdmin(trx, member.id);
      const held = purposesOf({ ...member, role: member.role as Role });
      const purposes = existingPurposes(await orgKeys(trx, secret), held);
      const team = withoutMember(await currentTeam(trx, secret), member.id);
      await trx.deleteFrom('sessions').where('member_id', '=', member.id).execute();
      await trx.deleteFrom('key_grants').where('member_id', '=', member.id).execute();
      await trx.updateTable('members').set({ status: 'removed', wrapped_private_key: new Uint8Array(0), login_hash: '' }).where('id', '=', member.id).execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'member.removed', object: member.id });
      await storeRotations(trx, secret, { actor: request.member!.id, team, purposes, rotations });
    });
    await app.vigil.forget();
    return reply.code(204).send();
  });
};

async function keepOneAdmin(trx: Transaction<Database>, leaving: string): Promise<void> {
  const others = await trx.selectFrom('members').select('id').where('role', '=', 'admin').where('status', '=', 'active').where('id', '!=', leaving).execute();
  if (others.length === 0) throw new HttpError(409, 'last-admin');
}
