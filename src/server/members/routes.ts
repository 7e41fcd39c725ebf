// Members, invitations and key grants. The server never makes or opens a key here: invitees make
// their own key pair in their browser, and an administrator's browser seals the organization's
// keys to a new member only after both have compared the member's safety code.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { Transaction } from 'kysely';
import {
  acceptInvitationRequest,
  grantsRequest,
  invitationRequest,
  removeMemberRequest,
  roleRequest,
  ROLE_KEYS,
  type MembersResponse,
  type Role,
} from '../../core/api/schemas.ts';
import { fromBase64Url, toBase64Url } from '../../core/crypto/bytes.ts';
import { keyIdOf } from '../../core/crypto/keys.ts';
import { SealedKind, inspectSealed } from '../../core/crypto/sealed.ts';
import type { Database } from '../storage/schema.ts';
import { HttpError, uuidParam } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { sendWorkspace } from '../http/workspace.ts';
import { perMinute } from '../config.ts';
import { addGrant, addKey, currentKey, keyView, orgKeys } from '../keys/org-keys.ts';
import { hashToken } from '../crypto/token-hash.ts';
import { refuseWhenLockedDown } from '../lockdown/refuse.ts';

const INVITATION_HOURS = 72;
const ADMINS = ['admin'] as const;

function bytes(text: string, length?: number): Uint8Array {
  const decoded = fromBase64Url(text);
  if (!decoded || (length !== undefined && decoded.length !== length)) throw new HttpError(400, 'bad-request');
  return decoded;
}

async function usableInvitation(trx: Transaction<Database>, token: string) {
  const invitation = await trx.selectFrom('invitations').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!invitation || invitation.member_id || invitation.expires_at < new Date().toISOString()) return null;
  return invitation;
}

export const memberRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  app.get('/api/members', { config: { access: ADMINS } }, async (): Promise<MembersResponse> => {
    const [members, invitations, keys] = await Promise.all([
      db.selectFrom('members').select(['id', 'email', 'role', 'status', 'public_key', 'created_at']).where('status', '!=', 'removed').orderBy('created_at').execute(),
      db.selectFrom('invitations').selectAll().where('member_id', 'is', null).where('expires_at', '>', new Date().toISOString()).orderBy('created_at').execute(),
      orgKeys(db, app.vigil.secret),
    ]);
    return {
      members: members.map((m) => ({ id: m.id, email: m.email, role: m.role as Role, status: m.status, publicKey: toBase64Url(m.public_key), createdAt: m.created_at })),
      invitations: invitations.map((i) => ({ id: i.id, role: i.role as Role, createdAt: i.created_at, expiresAt: i.expires_at, memberId: i.member_id })),
      keys: keys.map(keyView),
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
    const publicKey = bytes(member.publicKey, 32);
    const wrapped = bytes(member.wrappedPrivateKey);
    const loginKey = bytes(member.loginKey, 32);
    await db.transaction().execute(async (trx) => {
      await refuseWhenLockedDown(trx);
      const invitation = await usableInvitation(trx, token);
      if (!invitation) throw new HttpError(404, 'not-found');
      if (await trx.selectFrom('members').select('id').where((eb) => eb.or([eb('email', '=', member.email), eb('id', '=', member.id)])).executeTakeFirst()) {
        throw new HttpError(409, 'already-member');
      }
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
      const member = await trx.selectFrom('members').selectAll().where('id', '=', uuidParam(request.params.id)).executeTakeFirst();
      if (!member || member.status !== 'invited') throw new HttpError(404, 'not-found');
      // Exactly the keys of the member's role, current and retired: no fewer, no more.
      const needed = (await orgKeys(trx, app.vigil.secret)).filter((k) => ROLE_KEYS[member.role as Role].includes(k.purpose)).map((k) => k.id);
      const given = new Map(parsed.data.grants.map((g) => [g.keyId, bytes(g.sealed)]));
      if (needed.some((k) => !given.has(k)) || [...given.keys()].some((k) => !needed.includes(k))) throw new HttpError(400, 'bad-request');
      const now = new Date().toISOString();
      for (const [keyId, sealed] of given) await addGrant(trx, app.vigil.secret, { memberId: member.id, memberPublicKey: member.public_key, keyId, sealed }, now);
      await trx.updateTable('members').set({ status: 'active' }).where('id', '=', member.id).execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'member.confirmed', object: member.id, detail: { role: member.role } });
      for (const keyId of given.keys()) await appendAudit(trx, { actor: request.member!.id, action: 'key.granted', object: member.id, detail: { key: keyId } });
    });
    return reply.code(204).send();
  });

  app.post<{ Params: { id: string } }>('/api/members/:id/role', { config: { access: ADMINS } }, async (request, reply) => {
    const parsed = roleRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    await db.transaction().execute(async (trx) => {
      const member = await trx.selectFrom('members').select(['id', 'role']).where('id', '=', uuidParam(request.params.id)).where('status', '=', 'active').executeTakeFirst();
      if (!member) throw new HttpError(404, 'not-found');
      if (member.role === 'admin' && parsed.data.role !== 'admin') await keepOneAdmin(trx, member.id);
      // Every role holds the same keys today (ROLE_KEYS); a role change that adds keys must
      // go through a new grant from an administrator's browser.
      if (ROLE_KEYS[parsed.data.role].some((k) => !ROLE_KEYS[member.role as Role].includes(k))) throw new HttpError(400, 'bad-request');
      await trx.updateTable('members').set({ role: parsed.data.role }).where('id', '=', member.id).execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'member.role-changed', object: member.id, detail: { from: member.role, to: parsed.data.role } });
    });
    return reply.code(204).send();
  });

  // Removing a member ends their sessions, deletes their wrapped key and grants, and rotates the
  // intake key in the same transaction: the admin's browser made a new key pair and sealed it to
  // every remaining member. Old reports stay readable with the old key the others still hold.
  app.post<{ Params: { id: string } }>('/api/members/:id/remove', { config: { access: ADMINS } }, async (request, reply) => {
    const parsed = removeMemberRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    await db.transaction().execute(async (trx) => {
      const member = await trx.selectFrom('members').select(['id', 'role', 'status']).where('id', '=', uuidParam(request.params.id)).executeTakeFirst();
      if (!member || member.status === 'removed') throw new HttpError(404, 'not-found');
      if (member.role === 'admin') await keepOneAdmin(trx, member.id);
      const remaining = await trx.selectFrom('members').select(['id', 'public_key', 'role']).where('status', '=', 'active').where('id', '!=', member.id).execute();
      // Every key the organization has now is rotated: the intake key always, the records key
      // once there is one. Each new key is sealed to exactly the remaining members whose role holds it.
      const hasRecordsKey = !!currentKey(await orgKeys(trx, app.vigil.secret), 'records');
      if (hasRecordsKey !== !!parsed.data.recordsRotation) throw new HttpError(400, 'bad-request');
      const rotations = [{ purpose: 'intake' as const, ...parsed.data.rotation }, ...(parsed.data.recordsRotation ? [{ purpose: 'records' as const, ...parsed.data.recordsRotation }] : [])];
      const now = new Date().toISOString();
      await trx.deleteFrom('sessions').where('member_id', '=', member.id).execute();
      await trx.deleteFrom('key_grants').where('member_id', '=', member.id).execute();
      await trx.updateTable('members').set({ status: 'removed', wrapped_private_key: new Uint8Array(0), login_hash: '' }).where('id', '=', member.id).execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'member.removed', object: member.id });
      for (const rotation of rotations) {
        const holders = remaining.filter((m) => ROLE_KEYS[m.role as Role].includes(rotation.purpose));
        const grants = new Map(rotation.grants.map((g) => [g.memberId, bytes(g.sealed)]));
        if (grants.size !== holders.length || holders.some((m) => !grants.has(m.id))) throw new HttpError(409, 'members-changed');
        const keyId = await addKey(trx, app.vigil.secret, { publicKey: bytes(rotation.publicKey, 32), purpose: rotation.purpose }, now);
        for (const holder of holders) await addGrant(trx, app.vigil.secret, { memberId: holder.id, memberPublicKey: holder.public_key, keyId, sealed: grants.get(holder.id)! }, now);
        // Invitees not yet confirmed get the new key with their confirmation.
        await appendAudit(trx, { actor: request.member!.id, action: 'key.rotated', object: keyId, detail: { purpose: rotation.purpose, holders: holders.length } });
      }
    });
    app.vigil.forget();
    return reply.code(204).send();
  });
};

async function keepOneAdmin(trx: Transaction<Database>, leaving: string): Promise<void> {
  const others = await trx.selectFrom('members').select('id').where('role', '=', 'admin').where('status', '=', 'active').where('id', '!=', leaving).execute();
  if (others.length === 0) throw new HttpError(409, 'last-admin');
}
