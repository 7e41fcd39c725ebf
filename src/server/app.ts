// The Fastify application: shared plumbing (headers, parsers, errors, access rules), then one
// encapsulated plugin per feature (features.ts).
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { VigilContext } from './context.ts';
import { HttpError } from './http/errors.ts';
import { defaultHeaders, securityHeaders } from './http/security.ts';
import { hostCheck } from './http/host-check.ts';
import { answerClientError, connectionLimits, guardedServerFactory } from './http/connections.ts';
import { openFileLimit } from './http/open-files.ts';
import { watchBodyPace } from './http/body-pace.ts';
import { clientKey } from './http/client-address.ts';
import { loggerOptions, type LogOptions } from './http/logging.ts';
import { readOnlyJsonAndForms } from './http/body-parsers.ts';
import { answerErrors, answerFrameworkError } from './http/error-answers.ts';
import { enforceAccess, type RouteRule } from './auth/access.ts';
import { registerFeatures } from './features.ts';

declare module 'fastify' {
  interface FastifyInstance {
    vigil: VigilContext;
  }
}

export interface AppOptions extends LogOptions {
  /** Filled with every route and its access rule (for the access-matrix test). */
  routes?: RouteRule[];
}

export async function buildApp(vigil: VigilContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const { network } = vigil.config;
  const app = Fastify({
    // Fastify's own early errors (a malformed URL, a path too long) are answered like ours.
    frameworkErrors: answerFrameworkError,
    logger: loggerOptions(options),
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // Only the proxies named in VIGIL_TRUST_PROXY may say who the client is.
    trustProxy: network.trustProxy.length > 0 ? network.trustProxy : false,
    serverFactory: guardedServerFactory(network, connectionLimits(network, openFileLimit()?.soft ?? null), vigil.secret),
    clientErrorHandler: answerClientError,
    return503OnClosing: true,
    // On stop, end every connection at once (a client that stopped reading must not hold us up).
    forceCloseConnections: true,
  });
  app.decorate('vigil', vigil);
  watchBodyPace(app, network);

  await securityHeaders(app, vigil.config.secureCookies);
  app.addHook('onRequest', hostCheck(app)); // first after the security headers: before access, limits, bodies
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    // On arrival, before the body is read; small public forms opt into counting after their body
    // (perMinute's afterBody) so a refused reporter gets their words back.
    hook: 'onRequest',
    keyGenerator: (request) => clientKey(vigil.secret, request),
    errorResponseBuilder: () => new HttpError(429, 'rate-limited'),
  });
  enforceAccess(app, options.routes);
  readOnlyJsonAndForms(app);
  defaultHeaders(app);
  answerErrors(app);

  await registerFeatures(app);
  return app;
}
