import type { FastifyReply } from 'fastify';
import { workspaceIndex } from './assets.ts';
import { CSP } from './security.ts';
import { HttpError } from './errors.ts';

/** The workspace's single page; it routes itself (setup, login, inbox). */
export function sendWorkspace(reply: FastifyReply): FastifyReply {
  const index = workspaceIndex();
  if (!index) throw new HttpError(503, 'unavailable');
  return reply.header('content-security-policy', CSP.workspace).type('text/html; charset=utf-8').send(index);
}
