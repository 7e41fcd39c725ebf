import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { join } from 'node:path';
import { DIST, workspaceIndex } from './assets.ts';
import { CSP } from './security.ts';
import { HttpError } from './errors.ts';

/** The workspace's single page; it routes itself (setup, login, inbox). */
export function sendWorkspace(reply: FastifyReply): FastifyReply {
  const index = workspaceIndex();
  if (!index) throw new HttpError(503, 'unavailable');
  return reply.header('content-security-policy', CSP.workspace).type('text/html; charset=utf-8').send(index);
}

/** The workspace's page and its built files (named by their hash: cached for good). */
export const workspaceRoutes: FastifyPluginAsync = async (app) => {
  await app.register(fastifyStatic, {
    root: join(DIST, 'app', 'assets'),
    prefix: '/app/assets/',
    decorateReply: false,
    index: false,
    cacheControl: false,
    setHeaders: (reply) => {
      reply.header('cache-control', 'private, max-age=31536000, immutable');
    },
  });
  app.get('/app', { config: { access: 'public' } }, async (_request, reply) => sendWorkspace(reply));
};
