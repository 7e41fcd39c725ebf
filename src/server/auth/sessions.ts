// Sessions: a random token in an HttpOnly, SameSite=Strict cookie; the database keeps only a
// keyed hash of it, so a copied database holds no usable session. A session ends after 12 hours,
// or earlier after VIGIL_IDLE_MINUTES without a request.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VigilContext } from '../context.ts';
import type { Role } from '../../core/team/roles.ts';

export const SESSION_COOKIE = 'vigil_session';
const SESSION_HOURS = 12;
/** last_seen_at is written at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 30_000;

export interface Member {
  id: string;
  email: string;
  role: Role;
  status: 'active' | 'invited' | 'removed';
  /** Public id of this session (a prefix of its hash): lets a member end it. */
  sessionId: string;
}

export const sessionIdOf = (tokenHash: string): string => tokenHash.slice(0, 16);

export async function startSession(vigil: VigilContext, reply: FastifyReply, memberId: string): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await vigil.storage.db
    .insertInto('sessions')
    .values({
      token_hash: vigil.secret.keyedHash('session', token),
      member_id: memberId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
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
  const tokenHash = vigil.secret.keyedHash('session', token);
  const { db } = vigil.storage;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('members', 'members.id', 'sessions.member_id')
    .select(['members.id', 'members.email', 'members.role', 'members.status', 'sessions.expires_at', 'sessions.last_seen_at'])
    .where('sessions.token_hash', '=', tokenHash)
    // A login that raced a lockdown may have written its session just after it: still no way in.
    .where((eb) => eb.not(eb.exists(eb.selectFrom('organization').select('organization.id').where('organization.locked_at', 'is not', null))))
    .executeTakeFirst();
  if (!row || row.status === 'removed') return null;
  const now = Date.now();
  const lastSeen = Date.parse(row.last_seen_at ?? row.expires_at);
  if (Date.parse(row.expires_at) < now || now - lastSeen > vigil.config.idleMinutes * 60_000) {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return null;
  }
  if (now - lastSeen > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: new Date(now).toISOString() }).where('token_hash', '=', tokenHash).execute();
  }
  return { id: row.id, email: row.email, role: row.role as Role, status: row.status, sessionId: sessionIdOf(tokenHash) };
}

export async function endSession(vigil: VigilContext, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  if (token) await vigil.storage.db.deleteFrom('sessions').where('token_hash', '=', vigil.secret.keyedHash('session', token)).execute();
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Deletes sessions past their end or idle too long, so the table holds only live ones. */
export async function purgeExpiredSessions(vigil: VigilContext): Promise<void> {
  const now = Date.now();
  await vigil.storage.db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<', new Date(now).toISOString()),
        eb('last_seen_at', '<', new Date(now - vigil.config.idleMinutes * 60_000).toISOString()),
      ]),
    )
    .execute();
}
