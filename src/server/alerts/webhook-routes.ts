// Administrators register the webhooks every alert is sent to (a bridge to a channel, a partner's
// system); each signing secret is shown once and kept encrypted under the server secret.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { webhookRequest, type NewWebhook, type WebhookView } from '../../core/api/alerts.ts';
import { toBase64Url, utf8 } from '../../core/crypto/bytes.ts';
import { ADMINS } from '../../core/team/roles.ts';
import { HttpError, uuidParam } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { webhookUrl } from './webhook.ts';

export const webhookRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  app.get('/api/webhooks', { config: { access: ADMINS } }, async (): Promise<{ webhooks: WebhookView[] }> => {
    const rows = await db.selectFrom('alert_webhooks').select(['id', 'url', 'created_at']).orderBy('seq').execute();
    return { webhooks: rows.map((r) => ({ id: r.id, url: r.url, createdAt: r.created_at })) };
  });

  app.post('/api/webhooks', { config: { access: ADMINS } }, async (request, reply) => {
    const parsed = webhookRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-webhook-url');
    const url = webhookUrl(parsed.data.url);
    if (!url) throw new HttpError(400, 'bad-webhook-url');
    const id = randomUUID();
    const secret = `whsec_${toBase64Url(randomBytes(32))}`;
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('alert_webhooks').values({ id, url: url.href, secret: app.vigil.secret.encrypt('webhook', utf8(secret)), created_at: new Date().toISOString(), created_by: request.member!.id }).execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'webhook.added', object: id });
    });
    // Shown once: only the encrypted copy stays here.
    return reply.code(201).send({ id, url: url.href, secret } satisfies NewWebhook);
  });

  app.post<{ Params: { id: string } }>('/api/webhooks/:id/remove', { config: { access: ADMINS } }, async (request, reply) => {
    const id = uuidParam(request.params.id);
    await db.transaction().execute(async (trx) => {
      const done = await trx.deleteFrom('alert_webhooks').where('id', '=', id).executeTakeFirst();
      if (Number(done.numDeletedRows) !== 1) throw new HttpError(404, 'not-found');
      // Its queued deliveries stop; the log keeps them as failed.
      await trx.updateTable('alert_deliveries').set({ status: 'failed', last_error: 'removed', next_attempt_at: null }).where('target_id', '=', id).where('status', '=', 'pending').execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'webhook.removed', object: id });
    });
    return reply.code(204).send();
  });
};
