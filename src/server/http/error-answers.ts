// Every error answered the same way: a JSON error with a message code in the asker's language for
// the API, a page for everything else. Our own HttpErrors are expected; only surprises are logged.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';
import { CSP } from './security.ts';
import { pageContext, sendPage } from './pages.ts';
import { errorPage } from '../pages/error.ts';
import { pickLanguage, type ErrorCode } from '../../core/i18n/index.ts';
import { errorText } from '../../core/i18n/error-words.ts';
import { LANGUAGES } from '../../core/i18n/languages.ts';

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

/** The status and message code an error is answered with. */
function answerFor(error: FastifyError | HttpError): [number, ErrorCode] {
  if (error instanceof HttpError) return [error.statusCode, error.code];
  if (error.code && FASTIFY_ERRORS[error.code]) return FASTIFY_ERRORS[error.code]!;
  if (error.code && DATABASE_CONFLICTS.has(error.code)) return [409, 'edit-conflict'];
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return [error.statusCode, 'bad-request'];
  return [500, 'unavailable'];
}

async function sendError(request: FastifyRequest, reply: FastifyReply, status: number, code: ErrorCode) {
  if (request.url?.startsWith('/api/')) {
    const body = request.body as Record<string, unknown> | undefined;
    const lang = pickLanguage(
      (request.query as Record<string, unknown> | undefined)?.lang ?? (body && typeof body === 'object' ? body.lang : undefined),
      request.headers['accept-language'],
      LANGUAGES,
    );
    return reply.code(status).send({ error: { code, message: errorText(lang, code) } });
  }
  const ctx = await pageContext(reply.server.vigil, request, '/');
  return sendPage(reply, status, errorPage(ctx, code));
}

/** The app-wide error and not-found handlers (a feature may answer its own errors first). */
export function answerErrors(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError | HttpError, request, reply) => {
    const [status, code] = answerFor(error);
    if (status >= 500 && !(error instanceof HttpError)) request.log.error({ err: error }, 'request failed');
    return sendError(request, reply, status, code);
  });
  app.setNotFoundHandler({}, async (request, reply) => sendError(request, reply, 404, 'not-found'));
}

/** Fastify's own early errors (a malformed URL, a path too long), before any hook has run. */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  // No hooks run this early (helmet, onSend): set what every answer carries by hand.
  reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('x-content-type-options', 'nosniff');
  reply.header('content-security-policy', CSP.api);
  void sendError(request, reply, status, 'bad-request');
}
