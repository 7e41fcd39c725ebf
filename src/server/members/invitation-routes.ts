// Invitations: an administrator makes a link for a role; the invitee opens it, makes their own key
// pair in their browser and becomes an invited member, who holds no key until an administrator
// confirms them (routes.ts).
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { Transaction } from 'kysely';
import { acceptInvitationRequest, invitationRequest } from '../../core/api/members.ts';
import { ADMINS } from '../../core/team/roles.ts';
import type { Database } from '../storage/schema.ts';
import { HttpError, base64Param, parse, uuidParam } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { sendWorkspace } from '../http/workspace.ts';
import { perMinute } from '../http/rate-limit.ts';
import { hashToken } from '../crypto/token-hash.ts';
import { refuseWhenLockedDown } from '../lockdown/refuse.ts';
import { lockOrganization } from '../keys/serialise.ts';
import { refuseExistingMember } from './new-member.ts';

const INVITATION_HOURS = 72;

async function usableInvitation(trx: Transaction<Database>, token: string) {
  const invitation = await trx.selectFrom('invitations').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!invitation || invitation.member_id || invitation.expires_at < new Date().toISOString()) return null;
  return invitation;
}

export const invitationRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  app.post('/api/invitations', { config: { access: ADMINS } }, async (request, reply) => {
    const { role } = parse(invitationRequest, request.body);
    const token = randomBytes(24).toString('base64url');
    const id = randomUUID();
    const now = new Date();
    const expires = new Date(now.getTime() + INVITATION_HOURS * 3600_000).toISOString();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('invitations').values({ id, token_hash: hashToken(token), role, created_by: request.member!.id, created_at: now.toISOString(), expires_at: expires, member_id: null }).execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'invitation.created', object: id, detail: { role } });
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
    const { token, member } = parse(acceptInvitationRequest, request.body);
    const publicKey = base64Param(member.publicKey, 32);
    const wrapped = base64Param(member.wrappedPrivateKey);
    const loginKey = base64Param(member.loginKey, 32);
    await db.transaction().execute(async (trx) => {
      await lockOrganization(trx);
      await refuseWhenLockedDown(trx);
      const invitation = await usableInvitation(trx, token);
      if (!invitation) throw new HttpError(404, 'not-found');
      await refuseExistingMember(trx, member);
      // An invited member holds no key until an administrator confirms them.
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
};
