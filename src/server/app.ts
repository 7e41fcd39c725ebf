// The Fastify application: shared plumbing (headers, parsers, errors, access rules), then one
// encapsulated plugin per feature.
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { VigilContext } from './context.ts';
import { HttpError } from './http/errors.ts';
import { parseFormBody } from './http/form-body.ts';
import { CSP } from './http/security.ts';
import { hostCheck } from './http/host-check.ts';
import { pageContext, sendPage } from './http/pages.ts';
import { DIST } from './http/assets.ts';
import { sendWorkspace } from './http/workspace.ts';
import { answerClientError, connectionLimits, guardedServerFactory } from './http/connections.ts';
import { openFileLimit } from './http/open-files.ts';
import { watchBodyPace } from './http/body-pace.ts';
import { clientKey } from './http/client-address.ts';
import { errorPage } from './pages/error.ts';
import { MESSAGES, pickLanguage, type ErrorCode } from '../core/i18n/index.ts';
import { LANGUAGES } from '../core/i18n/languages.ts';
import { enforceAccess, type RouteRule } from './auth/access.ts';
import { intakeRoutes } from './intake/routes.ts';
import { statusRoutes } from './status/routes.ts';
import { setupRoutes } from './setup/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { inboxRoutes } from './inbox/routes.ts';
import { memberRoutes } from './members/routes.ts';
import { keyRoutes } from './keys/routes.ts';
import { recoveryRoutes } from './recovery/routes.ts';
import { recordRoutes } from './records/routes.ts';
import { evidenceRoutes } from './evidence/routes.ts';
import { transparencyRoutes } from './transparency/routes.ts';
import { guideRoutes } from './guides/routes.ts';
import { meRoutes } from './auth/me-routes.ts';
import { secondFactorRoutes } from './auth/second-factor-routes.ts';
import { bundleRoutes } from './bundles/routes.ts';
import { alertRoutes } from './alerts/routes.ts';
import { documentRoutes } from './documents/routes.ts';
import { dashboardRoutes } from './dashboard/routes.ts';
import { exportRoutes } from './exports/routes.ts';
import { powRoutes } from './pow/routes.ts';
import { linkageRoutes } from './linkage/routes.ts';
import { estimateRoutes } from './estimate/routes.ts';
import { channelRoutes } from './channels/routes.ts';
import { backupStatusRoutes } from './backup/status-routes.ts';
import { lockdownRoutes } from './lockdown/routes.ts';
import { settingsRoutes } from './settings/routes.ts';
import { noticeRoutes } from './notices/routes.ts';
import { healthRoutes } from './health/routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    vigil: VigilContext;
  }
}

export interface AppOptions {
  /** Where log lines go (tests capture them to prove no plaintext reaches them). */
  logStream?: Writable;
  logLevel?: string;
  /** Filled with every route and its access rule (for the access-matrix test). */
  routes?: RouteRule[];
}

/** Fastify's own error codes mapped to what we tell the user. */
const FASTIFY_ERRORS: Record<string, [number, ErrorCode]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'too-large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'bad-content-type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad-request'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'bad-request'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'bad-request'],
  FST_ERR_VALIDATION: [400, 'bad-request'],
};
// PostgreSQL gave up one of two transactions that collided (a deadlock, a serialization failure):
// nothing of it was stored, and the member tries again as after an edit from an older version.
const DATABASE_CONFLICTS = new Set(['40P01', '40001']);

export async function buildApp(vigil: VigilContext, options: AppOptions = {}): Promise<FastifyInstance> {
  // Fastify's own early errors (a malformed URL, a path too long) go through the same handler.
  let frameworkError: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void = () => {};
  const app = Fastify({
    frameworkErrors: (error, request, reply) => frameworkError(error, request, reply),
    logger: {
      level: options.logLevel ?? 'info',
      // Log times to the hour only: a precise time beside a route could date someone's report.
      timestamp: () => `,"time":"${new Date().toISOString().slice(0, 13)}:00Z"`,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Never the client's address, user agent, headers, query or body: only the route pattern.
      serializers: {
        req: (req) => ({ method: req.method, route: req.routeOptions?.url ?? 'unmatched' }),
        res: (res) => ({ statusCode: res.statusCode }),
        // Messages of errors we did not make (drivers, libraries) may quote input, so only ours are kept.
        err: (err: FastifyError) => ({
          type: err.name,
          code: err.code,
          message: err instanceof HttpError || err.code?.startsWith('FST_') ? err.message : '(withheld)',
          stack: err.stack?.split('\n').slice(1, 6).join('\n') ?? '',
        }),
      },
    },
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // Only the proxies named in VIGIL_TRUST_PROXY may say who the client is.
    trustProxy: vigil.config.network.trustProxy.length > 0 ? vigil.config.network.trustProxy : false,
    serverFactory: guardedServerFactory(vigil.config.network, connectionLimits(vigil.config.network, openFileLimit()?.soft ?? null), vigil.secret),
    clientErrorHandler: answerClientError,
    return503OnClosing: true,
    // On stop, end every connection at once (a client that stopped reading must not hold us up).
    forceCloseConnections: true,
  });
  app.decorate('vigil', vigil);
  watchBodyPace(app, vigil.config.network);

  await app.register(helmet, {
    contentSecurityPolicy: false, // set per response kind below
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: { policy: 'require-corp' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    hsts: vigil.config.secureCookies ? { maxAge: 31536000 } : false,
  });
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

  // Only the two body types we read: a text/plain body is refused (415), not handed to a route.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      done(null, parseFormBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', CSP.api);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler(async (error: FastifyError | HttpError, request, reply) => {
    let status = 500;
    let code: ErrorCode = 'unavailable';
    if (error instanceof HttpError) [status, code] = [error.statusCode, error.code];
    else if (error.code && FASTIFY_ERRORS[error.code]) [status, code] = FASTIFY_ERRORS[error.code]!;
    else if (error.code && DATABASE_CONFLICTS.has(error.code)) [status, code] = [409, 'edit-conflict'];
    else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) [status, code] = [error.statusCode, 'bad-request'];
    // Our own HttpErrors (e.g. "not set up yet") are expected; only surprises are logged.
    if (status >= 500 && !(error instanceof HttpError)) request.log.error({ err: error }, 'request failed');
    return sendError(request, reply, status, code);
  });
  frameworkError = (error, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
    // No hooks run this early (helmet, onSend): set what every answer carries by hand.
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('x-content-type-options', 'nosniff');
    reply.header('content-security-policy', CSP.api);
    void sendError(request, reply, status, 'bad-request');
  };

  app.setNotFoundHandler({}, async (request, reply) => sendError(request, reply, 404, 'not-found'));

  async function sendError(request: FastifyRequest, reply: FastifyReply, status: number, code: ErrorCode) {
    if (request.url?.startsWith('/api/')) {
      const body = request.body as Record<string, unknown> | undefined;
      const lang = pickLanguage(
        (request.query as Record<string, unknown> | undefined)?.lang ?? (body && typeof body === 'object' ? body.lang : undefined),
        request.headers['accept-language'],
        LANGUAGES,
      );
      return reply.code(status).send({ error: { code, message: MESSAGES[lang].errors[code] } });
    }
    const ctx = await pageContext(vigil, request, '/');
    return sendPage(reply, status, errorPage(ctx, code));
  }

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

  await app.register(healthRoutes);
  await app.register(intakeRoutes);
  await app.register(statusRoutes);
  await app.register(setupRoutes);
  await app.register(authRoutes);
  await app.register(inboxRoutes);
  await app.register(memberRoutes);
  await app.register(keyRoutes);
  await app.register(recoveryRoutes);
  await app.register(recordRoutes);
  await app.register(evidenceRoutes);
  await app.register(transparencyRoutes);
  await app.register(guideRoutes);
  await app.register(meRoutes);
  await app.register(secondFactorRoutes);
  await app.register(bundleRoutes);
  await app.register(alertRoutes);
  await app.register(documentRoutes);
  await app.register(dashboardRoutes);
  await app.register(exportRoutes);
  await app.register(powRoutes);
  await app.register(linkageRoutes);
  await app.register(estimateRoutes);
  await app.register(channelRoutes);
  await app.register(backupStatusRoutes);
  await app.register(lockdownRoutes);
  await app.register(settingsRoutes);
  await app.register(noticeRoutes);
  return app;
}
