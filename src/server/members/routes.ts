// Members, invitations and key grants. The server never makes or opens a key here: invitees make
// their own key pair in their browser, and an administrator's browser seals the organization's
// keys to a new member only after both have compared the member's safety code.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { Transaction } from 'kysely';
import { acceptInvitationRequest, invitationRequest, roleRequest, type MembersResponse } from '../../core/api/members.ts';
import { grantsRequest, rotationsRequest, ROLE_KEYS } from '../../core/api/keys.ts';
import { type Role } from '../../core/team/roles.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { existingPurposes, purposesOf, roleChange, withRole, withoutMember } from '../../core/key-holders.ts';
import type { Database } from '../storage/schema.ts';
import { HttpError, base64Param, parse, uuidParam } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { sendWorkspace } from '../http/workspace.ts';
import { perMinute } from '../config.ts';
import { addGrant, dropGrantsBeyondRole, exactGrants, keyView, orgKeys } from '../keys/org-keys.ts';
import { currentRecoveryKit } from '../keys/recovery-kit.ts';
import { currentTeam, storeRotations } from '../keys/rotation.ts';
import { hashToken } from '../crypto/token-hash.ts';
import { refuseWhenLockedDown } from '../lockdown/refuse.ts';
import { lockOrganization } from '../keys/serialise.ts';
import { refuseExistingMember } from './new-member.ts';
import { ADMINS } from '../../core/team/roles.ts';

const INVITATION_HOURS = 72;

async function usableInvitation(trx: Transaction<Database>, token: string) {
  const invitation = await trx.selectFrom('invitations').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!invitation || invitation.member_id || invitation.expires_at < new Date().toISOString()) return null;
  return invitation;
}

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

  app.post('/api/invitations', { config: { access: ADMINS } }, async (request, reply) => {
    const parsed = invitationRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    const token = randomBytes(24).toString('base64url');
    const id = randomUUID();
    const now = new Date();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('invitations')
        .values({
          id,
          token_hash: hashToken(token),
          role: parsed.data.role,
          created_by: request.member!.id,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + INVITATION_HOURS * 3600_000).toISOString(),
          member_id: null,
        })
        .execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'invitation.created', object: id, detail: { role: parsed.data.role } });
    });
    return reply.code(201).send({ id, link: `${app.vigil.config.publicUrl}/invite/${token}` });
  });

  app.post<{ Params: { id: string } }>('/api/invitations/:id/revoke', { config: { access: ADMINS } }, async (request, reply) => {
    await db.transaction().execute(async (trx) => {
      const deleted = await trx.deleteFrom('invitations').where('id', '=', uuidParam(request.params.id)).where('member_id', 'is', null).executeTakeFirst();
      if (Number(deleted.numDeletedRows) !== 1) throw new HttpError(404, 'not-found');
      await appendAudit(trx, { actor: request.member!.id, action: 'invitation.revoked', object: uuidParam(request.params.id) });
    });
    return reply.code(204).send();
  });

  app.get<{ Params: { token: string } }>('/invite/:token', { config: { access: 'public' } }, async (request, reply) => {
    const valid = await db.transaction().execute((trx) => usableInvitation(trx, request.params.token));
    if (!valid) throw new HttpError(404, 'not-found');
    return sendWorkspace(reply);
  });

  app.post('/api/invitations/accept', { config: { access: 'public', ...perMinute(app.vigil.config.loginPerMinute) } }, async (request, reply) => {
    const parsed = acceptInvitationRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    const { token, member } = parsed.data;
    const publicKey = base64Param(member.publicKey, 32);
    const wrapped = base64Param(member.wrappedPrivateKey);
    const loginKey = base64Param(member.loginKey, 32);
    await db.transaction().execute(async (trx) => {
      await lockOrganization(trx);
      await refuseWhenLockedDown(trx);
      const invitation = await usableInvitation(trx, token);
      if (!invitation) throw new HttpError(404, 'not-found');
      await refuseExistingMember(trx, member);
      await trx
        .insertInto('members')
        .values({
          id: member.id,
          email: member.email,
          role: invitation.role,
          kdf: JSON.stringify(member.kdf),
          login_hash: app.vigil.secret.keyedHash('login', loginKey),
          public_key: publicKey,
          wrapped_private_key: wrapped,
          created_at: new Date().toISOString(),
          status: 'invited',
          invited_by: invitation.created_by,
        })
        .execute();
      await trx.updateTable('invitations').set({ member_id: member.id }).where('id', '=', invitation.id).execute();
      await appendAudit(trx, { actor: member.id, action: 'invitation.accepted', object: invitation.id });
    });
    return reply.code(201).send({ ok: true });
  });

  // The administrator's browser has shown the safety code of the public key below and the admin
  // said it matches the invitee's; the grants are the role's keys sealed to that key.
  app.post<{ Params: { id: string } }>('/api/members/:id/confirm', { config: { access: ADMINS } }, async (request, reply) => {
    const parsed = grantsRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    await db.transaction().execute(async (trx) => {
      await lockOrganization(trx);
      const member = await trx.selectFrom('members').selectAll().where('id', '=', uuidParam(request.params.id)).executeTakeFirst();
      if (!member || member.status !== 'invited') throw new HttpError(404, 'not-found');
      // Exactly the keys of the member's role, current and retired: no fewer, no more.
      const needed = (await orgKeys(trx, app.vigil.secret)).filter((k) => ROLE_KEYS[member.role as Role].includes(k.purpose)).map((k) => k.id);
      const given = exactGrants(needed, parsed.data.grants);
      const now = new Date().toISOString();
      for (const [keyId, sealed] of given) await addGrant(trx, app.vigil.secret, { memberId: member.id, memberPublicKey: member.public_key, keyId, sealed }, now);
      await trx.updateTable('members').set({ status: 'active' }).where('id', '=', member.id).execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'member.confirmed', object: member.id, detail: { role: member.role } });
      for (const keyId of given.keys()) await appendAudit(trx, { actor: request.member!.id, action: 'key.granted', object: member.id, detail: { key: keyId } });
    });
    return reply.code(204).send();
  });

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
      const keys = await orgKeys(trx, app.vigil.secret);
      // The gained keys, current and retired, exactly, as a confirmation's grants are checked.
      const given = exactGrants(keys.filter((k) => gained.includes(k.purpose)).map((k) => k.id), parsed.grants);
      await trx.updateTable('members').set({ role: parsed.role }).where('id', '=', member.id).execute();
      await appendAudit(trx, { actor, action: 'member.role-changed', object: member.id, detail: { from, to: parsed.role } });
      const now = new Date().toISOString();
      const dropped = await dropGrantsBeyondRole(trx, { id: member.id, role: parsed.role });
      if (dropped > 0) await appendAudit(trx, { actor, action: 'key.revoked', object: member.id, detail: { purposes: lost.join(','), grants: dropped } });
      const team = withRole(await currentTeam(trx, app.vigil.secret), member.id, parsed.role);
      await storeRotations(trx, app.vigil.secret, { actor, team, purposes: existingPurposes(keys, lost), rotations: parsed.rotations }, now);
      for (const [keyId, sealed] of given) await addGrant(trx, app.vigil.secret, { memberId: member.id, memberPublicKey: member.public_key, keyId, sealed }, now);
      for (const keyId of given.keys()) await appendAudit(trx, { actor, action: 'key.granted', object: member.id, detail: { key: keyId } });
    });
    await app.vigil.forget();
    return reply.code(204).send();
  });

  // Removing a member ends their sessions, deletes their wrapped key and grants, and rotates every
  // key they held in the same transaction: the admin's browser made the new key pairs and sealed
  // each to its remaining holders. Old envelopes stay readable with the old keys the others hold.
  app.post<{ Params: { id: string } }>('/api/members/:id/remove', { config: { access: ADMINS } }, async (request, reply) => {
    const { rotations } = parse(rotationsRequest, request.body);
    await db.transaction().execute(async (trx) => {
      await lockOrganization(trx);
      const member = await trx.selectFrom('members').select(['id', 'role', 'status']).where('id', '=', uuidParam(request.params.id)).executeTakeFirst();
      if (!member || member.status === 'removed') throw new HttpError(404, 'not-found');
      if (member.role === 'admin') await keepOneAdmin(trx, member.id);
      const held = purposesOf({ ...member, role: member.role as Role });
      const purposes = existingPurposes(await orgKeys(trx, app.vigil.secret), held);
      const team = withoutMember(await currentTeam(trx, app.vigil.secret), member.id);
      await trx.deleteFrom('sessions').where('member_id', '=', member.id).execute();
      await trx.deleteFrom('key_grants').where('member_id', '=', member.id).execute();
      await trx.updateTable('members').set({ status: 'removed', wrapped_private_key: new Uint8Array(0), login_hash: '' }).where('id', '=', member.id).execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'member.removed', object: member.id });
      await storeRotations(trx, app.vigil.secret, { actor: request.member!.id, team, purposes, rotations });
    });
    await app.vigil.forget();
    return reply.code(204).send();
  });
};

async function keepOneAdmin(trx: Transaction<Database>, leaving: string): Promise<void> {
  const others = await trx.selectFrom('members').select('id').where('role', '=', 'admin').where('status', '=', 'active').where('id', '!=', leaving).execute();
  if (others.length === 0) throw new HttpError(409, 'last-admin');
}
