// A member's sessions (the devices they are logged in on), each of which they may end; and the
// administrator's "end every session" for the day a member is arrested.
import type { FastifyPluginAsync } from 'fastify';
import type { SessionView } from '../../core/api/auth.ts';
import { HttpError } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { sessionIdOf } from './sessions.ts';
import { ADMINS } from '../../core/team/roles.ts';

export const sessionRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  app.get('/api/sessions', { config: { access: 'member' } }, async (request): Promise<{ sessions: SessionView[] }> => {
    const rows = await db.selectFrom('sessions').select(['token_hash', 'created_at', 'last_seen_at']).where('member_id', '=', request.member!.id).orderBy('created_at', 'desc').execute();
    return {
      sessions: rows.map((r) => ({
        id: sessionIdOf(r.token_hash),
        createdAt: r.created_at,
        lastSeenAt: r.last_seen_at ?? r.created_at,
        current: sessionIdOf(r.token_hash) === request.member!.sessionId,
      })),
    };
  });

  app.post<{ Params: { id: string } }>('/api/sessions/:id/end', { config: { access: 'member' } }, async (request, reply) => {
    if (!/^[0-9a-f]{16}$/.test(request.params.id)) throw new HttpError(404, 'not-found');
    await db.transaction().execute(async (trx) => {
      const deleted = await trx
        .deleteFrom('sessions')
        .where('member_id', '=', request.member!.id)
        .where('token_hash', 'like', `${request.params.id}%`)
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) === 0) throw new HttpError(404, 'not-found');
      await appendAudit(trx, { actor: request.member!.id, action: 'session.ended', object: request.member!.id });
    });
    return reply.code(204).send();
  });

  app.post('/api/sessions/end-all', { config: { access: ADMINS } }, async (request, reply) => {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('sessions').execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'sessions.ended-all', object: null });
    });
    return reply.code(204).send();
  });
};
