// The public intake: the form (works with JavaScript off) and the sealed-envelope API the
// form's script uses when JavaScript is on.
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { intakePage, receiptPage } from '../pages/intake.ts';
import { exitPage } from '../pages/error.ts';
import { pageContext, sendPage } from '../http/pages.ts';
import { HttpError } from '../http/errors.ts';
import { formBodyOf } from '../http/form-body.ts';
import { answersFromForm } from '../../core/report/form.ts';
import { fromBase64Url, toBase64Url } from '../../core/crypto/bytes.ts';
import { SEALED_REPORT_BODY_LIMIT, sealedReport, type SealedReportReceipt } from '../../core/api/intake.ts';
import { loadPublicScript } from '../http/assets.ts';
import { createIntake } from './service.ts';
import { perMinute } from '../http/rate-limit.ts';
import { proofOfWork } from '../pow/guard.ts';
import { tellNewReport } from '../notices/events.ts';

const FORM_BODY_LIMIT = 256 * 1024;

export const intakeRoutes: FastifyPluginAsync = async (app) => {
  const intake = createIntake(app.vigil);
  // VIGIL_INTAKE_PER_MINUTE=0 turns the limit off (e.g. behind a proxy that limits instead).
  // The form is counted after its small body, so a refused reporter gets their words back; the
  // sealed API on arrival, unless the script sent a proof of work (many reporters may share one
  // address behind Tor; a proof tells a real one from a flood).
  const formLimit = perMinute(app.vigil.config.intakePerMinute, { afterBody: true });
  const apiLimit = perMinute(app.vigil.config.intakePerMinute, { allowList: proofOfWork(app.vigil).exemptByHeader('report') });

  async function sealingKey() {
    const key = await app.vigil.intakeKey();
    if (!key) throw new HttpError(503, 'not-ready');
    return { keyId: key.keyId, publicKey: toBase64Url(key.publicKey) };
  }

  app.get('/', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = await pageContext(app.vigil, request, '/');
    return sendPage(reply, 200, intakePage(ctx, await sealingKey()));
  });

  /**
   * The form refused for its client's limit: a reporter without JavaScript must not lose what they
   * wrote, so the form comes back filled in. Any other error goes on to the app's handler.
   */
  async function refillWhenLimited(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    if (!(error instanceof HttpError && error.code === 'rate-limited' && request.body instanceof Map)) throw error;
    const key = await sealingKey().catch(() => null);
    if (!key) throw error;
    const ctx = await pageContext(app.vigil, request, '/');
    return sendPage(reply, 429, intakePage(ctx, key, { values: request.body, errors: [], alert: 'rate-limited' }));
  }

  app.post('/report', { bodyLimit: FORM_BODY_LIMIT, errorHandler: refillWhenLimited, config: { access: 'public', ...formLimit } }, async (request, reply) => {
    const fields = formBodyOf(request.body);
    const ctx = await pageContext(app.vigil, request, '/');
    const result = answersFromForm(fields, ctx.lang);
    if (!result.ok) return sendPage(reply, 400, intakePage(ctx, await sealingKey(), { values: fields, errors: result.errors }));
    const { codename } = await intake.sealAndStore(result.answers);
    tellNewReport(app.vigil, result.answers.stillHeld === 'yes');
    return sendPage(reply, 200, receiptPage(ctx, codename, await sealingKey()));
  });

  app.post('/api/reports', { bodyLimit: SEALED_REPORT_BODY_LIMIT, config: { access: 'public', ...apiLimit } }, async (request, reply) => {
    const parsed = sealedReport.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-envelope');
    const envelope = fromBase64Url(parsed.data.envelope);
    const statusKey = fromBase64Url(parsed.data.statusKey);
    const reporterKey = parsed.data.reporterKey === undefined ? null : fromBase64Url(parsed.data.reporterKey);
    if (!envelope || !statusKey || (parsed.data.reporterKey !== undefined && !reporterKey)) throw new HttpError(400, 'bad-envelope');
    const { receivedHour } = await intake.storeSealed(envelope, statusKey, reporterKey);
    tellNewReport(app.vigil, parsed.data.urgent === true);
    return reply.code(201).send({ ok: true, receivedHour } satisfies SealedReportReceipt);
  });

  app.get('/exit', { config: { access: 'public' } }, async (request, reply) => sendPage(reply, 200, exitPage(await pageContext(app.vigil, request, '/exit'))));

  app.get('/assets/vigil.js', { config: { access: 'public' } }, async (_request, reply) => {
    const script = loadPublicScript();
    if (!script) throw new HttpError(404, 'not-found');
    return reply.type('text/javascript; charset=utf-8').send(script.body);
  });

  app.get('/favicon.ico', { config: { access: 'public' } }, async (_request, reply) => reply.code(204).send());
};
