// Every route declares who may call it (config.access); a route that does not is refused at
// start-up, so nothing is reachable by accident. Members' state-changing calls must carry the
// CSRF header, which a cross-site form or image cannot send.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CSRF_HEADER } from '../../core/api/common.ts';
import { type Role } from '../../core/team/roles.ts';
import { HttpError } from '../http/errors.ts';
import { currentMember, type Member } from './sessions.ts';
import { mustEnrol } from './second-factor.ts';

/**
 * 'public': anyone. 'member': any signed-in member, including one whose keys an administrator
 * has not yet confirmed. A list of roles: active members with one of those roles.
 */
export type Access = 'public' | 'member' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    member: Member | null;
  }
}

export interface RouteRule {
  method: string;
  url: string;
  access: Access;
}

/** Every route and its rule, as registered: the access-matrix test walks this list. */
export function enforceAccess(app: FastifyInstance, routes: RouteRule[] = []): void {
  app.decorateRequest('member', null);
  app.addHook('onRoute', (route) => {
    // Built files of the workspace are public like any script a login page loads.
    if (!route.config?.access && route.url.startsWith('/app/assets/')) route.config = { ...route.config, access: 'public' };
    if (!route.config?.access) throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, access: route.config.access });
  });
  // On request, before the body is read: a caller without the right is refused before the server
  // reads (and holds) up to the route's body limit.
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;
    const member = await currentMember(app.vigil, request);
    if (!member) throw new HttpError(401, 'login-required');
    if (access !== 'member') {
      if (member.status !== 'active') throw new HttpError(403, 'not-confirmed');
      if (!access.includes(member.role)) throw new HttpError(403, 'forbidden');
      // The organization requires a second factor and this member has none yet: only their own
      // account (where they enrol one) is open to them.
      if (await mustEnrol(app.vigil, member.id)) throw new HttpError(403, 'second-factor-required');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.headers[CSRF_HEADER] !== '1') {
      throw new HttpError(403, 'forbidden');
    }
    request.member = member;
  });
}
