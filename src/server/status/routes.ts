// A reporter checks on a report with the codename: received when (to the hour), read or not,
// and the conversation with the team. Without JavaScript the server derives the reporter's key
// from the codename in memory for this one request, opens the team's messages, and forgets it.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { statusPage } from '../pages/status.ts';
import type { PageContext } from '../pages/layout.ts';
import { pageContext, sendPage } from '../http/pages.ts';
import { formBodyOf, type FormBody } from '../http/form-body.ts';
import { HttpError } from '../http/errors.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { perMinute } from '../http/rate-limit.ts';
import { proofOfWork } from '../pow/guard.ts';
import { tellNotices } from '../notices/events.ts';
import { findReports, statusView, type FoundReports } from './reports.ts';
import { deleteReports, storeAnswer } from './reporter-actions.ts';

export const statusRoutes: FastifyPluginAsync = async (app) => {
  // Counted after the small body: the script adds a proof of work to it, which lifts the limit.
  const limited = perMinute(app.vigil.config.statusPerMinute, { afterBody: true, allowList: proofOfWork(app.vigil).exemptByField('status') });

  /** The intake public key, for the evidence form's script to seal to (absent before setup). */
  async function sealingKey() {
    const key = await app.vigil.intakeKey();
    return key ? { keyId: key.keyId, publicKey: toBase64Url(key.publicKey) } : undefined;
  }

  /** The codename's reports; or null once a page saying why not is sent. */
  async function lookUp(fields: FormBody, ctx: PageContext, reply: FastifyReply): Promise<FoundReports | null> {
    const found = await findReports(app.vigil, fields);
    if ('error' in found) {
      sendPage(reply, found.status, statusPage(ctx, { error: found.error }));
      return null;
    }
    return found;
  }

  app.get('/status', { config: { access: 'public' } }, async (request, reply) => sendPage(reply, 200, statusPage(await pageContext(app.vigil, request, '/status'))));

  app.post('/status', { bodyLimit: 4096, config: { access: 'public', ...limited } }, async (request, reply) => {
    const ctx = await pageContext(app.vigil, request, '/status');
    const found = await lookUp(formBodyOf(request.body), ctx, reply);
    if (!found) return reply;
    return sendPage(reply, 200, statusPage(ctx, { view: await statusView(app.vigil, found) }, await sealingKey()));
  });

  app.post('/status/answer', { bodyLimit: 256 * 1024, config: { access: 'public', ...limited } }, async (request, reply) => {
    const ctx = await pageContext(app.vigil, request, '/status');
    const fields = formBodyOf(request.body);
    const found = await lookUp(fields, ctx, reply);
    if (!found) return reply;
    await storeAnswer(app.vigil, found, fields.get('answer')?.[0]?.trim() ?? '');
    tellNotices(app.vigil, 'answer');
    return sendPage(reply, 200, statusPage(ctx, { view: await statusView(app.vigil, found, 'answerSent') }, await sealingKey()));
  });

  app.post('/status/delete', { bodyLimit: 4096, config: { access: 'public', ...limited } }, async (request, reply) => {
    const ctx = await pageContext(app.vigil, request, '/status');
    const fields = formBodyOf(request.body);
    const found = await lookUp(fields, ctx, reply);
    if (!found) return reply;
    if (fields.get('confirm')?.[0] !== 'yes') throw new HttpError(400, 'required');
    await deleteReports(app.vigil, found);
    return sendPage(reply, 200, statusPage(ctx, { deleted: true }));
  });
};
