// Sessions: a random token in an HttpOnly, SameSite=Strict cookie; the database keeps only a
// keyed hash of it, so a copied database holds no usable session.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VigilContext } from '../context.ts';
import type { Role } from '../../core/api/schemas.ts';

export const SESSION_COOKIE = 'vigil_session';
const SESSION_HOURS = 12;

export interface Member {
  id: string;
  email: string;
  role: Role;
}

export async function startSession(vigil: VigilContext, reply: FastifyReply, memberId: string): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await vigil.storage.db
    .insertInto('sessions')
    .values({
      token_hash: vigil.secret.keyedHash('session', token),
      member_id: memberId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
    })
    .execute();
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: vigil.config.secureCookies,
    maxAge: SESSION_HOURS * 3600,
  });
}

export async function currentMember(vigil: VigilContext, request: FastifyRequest): Promise<Member | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token || token.length > 100) return null;
  const row = await vigil.storage.db
    .selectFrom('sessions')
    .innerJoin('members', 'members.id', 'sessions.member_id')
    .select(['members.id', 'members.email', 'members.role', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', vigil.secret.keyedHash('session', token))
    .executeTakeFirst();
  if (!row || row.expires_at < new Date().toISOString()) return null;
  return { id: row.id, email: row.email, role: row.role as Role };
}

export async function endSession(vigil: VigilContext, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  if (token) await vigil.storage.db.deleteFrom('sessions').where('token_hash', '=', vigil.secret.keyedHash('session', token)).execute();
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
