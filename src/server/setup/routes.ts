import type { FastifyPluginAsync } from 'fastify';
import { setupRequest } from '../../core/api/auth.ts';
import { HttpError } from '../http/errors.ts';
import { createOrganization, setupTokenIsValid } from './service.ts';
import { sendWorkspace } from '../http/workspace.ts';
import { perMinute } from '../http/rate-limit.ts';

export const setupRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  app.get<{ Params: { token: string } }>('/setup/:token', { config: { access: 'public' } }, async (request, reply) => {
    if (!(await setupTokenIsValid(db, request.params.token))) throw new HttpError(404, 'not-found');
    return sendWorkspace(reply);
  });

  app.post('/api/setup', { config: { access: 'public', ...perMinute(app.vigil.config.loginPerMinute) } }, async (request, reply) => {
    const parsed = setupRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    await createOrganization(db, app.vigil.secret, parsed.data, { requireToken: true });
    await app.vigil.forget();
    return reply.code(201).send({ ok: true });
  });
};
