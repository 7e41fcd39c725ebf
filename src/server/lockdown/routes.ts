// Emergency lockdown by an administrator, confirmed by typing the organization's name: every
// session ends and every wrapped key and grant on the server is destroyed (lock.ts), then the
// schedule's own backup files and the database's old copies (erase.ts). Anyone may
// ask whether the organization is locked down: the login page says so before a member types.
import type { FastifyPluginAsync } from 'fastify';
import { lockdownRequest } from '../../core/api/auth.ts';
import { parse } from '../http/errors.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { isLockedDown, lockDownByName } from './lock.ts';
import { afterLockdown } from './erase.ts';
import { ADMINS } from '../../core/team/roles.ts';

export const lockdownRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  app.get('/api/lockdown', { config: { access: 'public' } }, async () => ({ lockedDown: await isLockedDown(db) }));

  app.post('/api/lockdown', { config: { access: ADMINS } }, async (request, reply) => {
    const { organizationName } = parse(lockdownRequest, request.body);
    await db.transaction().execute((trx) => lockDownByName(trx, organizationName, { actor: request.member!.id, kind: 'administrator' }));
    await afterLockdown(app.vigil, request.log);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
};
