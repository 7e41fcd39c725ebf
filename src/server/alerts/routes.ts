// Alerts to the community (issue 5): coordinators and administrators publish alerts; they go to the
// public page and feed, to registered webhooks (signed, retried from a persisted queue) and to
// email subscribers, whose addresses the publishing browser opens and sends along, held in memory
// only for the delivery. Administrators register webhooks; each secret is shown once.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { HttpError, uuidParam } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { toBase64Url, utf8 } from '../../core/crypto/bytes.ts';
import { correctRequest, publishRequest, retryRequest, webhookRequest, type AlertsResponse, type DeliveryView, type Recipient, type SubscriberView, type WebhookView } from '../../core/alerts/schemas.ts';
import { createMailer } from './mailer.ts';
import { createDelivery } from './delivery.ts';
import { webhookUrl } from './webhook.ts';
import { publicAlertRoutes } from './public-routes.ts';
import { hashToken } from '../crypto/token-hash.ts';
import { ADMINS, COORDINATORS } from '../../core/team/roles.ts';

/** Unconfirmed subscriptions are deleted after this many days. */
const CONFIRM_DAYS = 7;

/** To the hour, like everything public (and valid RFC 3339 for the feed). */
const thisHour = () => `${new Date().toISOString().slice(0, 13)}:00:00Z`;

export const alertRoutes: FastifyPluginAsync = async (app) => {
  const vigil = app.vigil;
  const { db } = vigil.storage;
  const mailer = createMailer(vigil.config);
  const delivery = createDelivery(vigil, mailer);

  const purgeUnconfirmed = () =>
    db
      .deleteFrom('alert_subscribers')
      .where('confirmed', '=', 0)
      .where('created_day', '<', new Date(Date.now() - CONFIRM_DAYS * 86_400_000).toISOString().slice(0, 10))
      .execute()
      .catch(() => undefined);
  let purgeTimer: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    await delivery.start();
    await purgeUnconfirmed();
    purgeTimer = setInterval(purgeUnconfirmed, 3600_000).unref();
  });
  app.addHook('onClose', async () => {
    if (purgeTimer) clearInterval(purgeTimer);
    await delivery.stop();
  });

  // RFC 8058: a mail client's one-click POST may come as multipart; the token is in the path, the body is not read.
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: 4096 }, (_request, _body, done) => done(null, new Map()));

  await publicAlertRoutes(app, mailer);

  /** The recipients the browser sent that are confirmed subscribers holding that unsubscribe token; one per subscriber and per address. */
  async function verified(recipients: Recipient[]): Promise<{ recipient: Recipient; n: number }[]> {
    const rows = new Map<string, { seq: number; unsubscribe_hash: string }>();
    const ids = [...new Set(recipients.map((r) => r.subscriberId))];
    for (let i = 0; i < ids.length; i += 500) {
      for (const row of await db.selectFrom('alert_subscribers').select(['id', 'seq', 'unsubscribe_hash']).where('id', 'in', ids.slice(i, i + 500)).where('confirmed', '=', 1).execute()) rows.set(row.id, row);
    }
    const seen = new Set<string>();
    const out: { recipient: Recipient; n: number }[] = [];
    for (const recipient of recipients) {
      const row = rows.get(recipient.subscriberId);
      const address = recipient.email.toLowerCase();
      if (!row || row.unsubscribe_hash !== hashToken(recipient.unsubscribeToken) || seen.has(recipient.subscriberId) || seen.has(address)) continue;
      seen.add(recipient.subscriberId).add(address);
      out.push({ recipient, n: row.seq });
    }
    return out;
  }

  app.get('/api/alerts', { config: { access: COORDINATORS } }, async (): Promise<AlertsResponse> => {
    const alerts = await db.selectFrom('alerts').selectAll().orderBy('seq', 'desc').limit(200).execute();
    const counts = await db
      .selectFrom('alert_deliveries')
      .select(['alert_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['alert_id', 'status'])
      .execute();
    const subscribers = await db.selectFrom('alert_subscribers').select(['confirmed', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('confirmed').execute();
    const count = (alertId: string, statuses: string[]) => counts.filter((c) => c.alert_id === alertId && statuses.includes(c.status)).reduce((s, c) => s + Number(c.n), 0);
    return {
      alerts: alerts.map((a) => ({
        id: a.id,
        texts: JSON.parse(a.texts),
        status: a.status,
        publishedAt: a.published_at,
        correctedAt: a.corrected_at,
        deliveries: { sent: count(a.id, ['sent']), pending: count(a.id, ['pending']), failed: count(a.id, ['failed', 'interrupted']) },
      })),
      subscribers: {
        confirmed: Number(subscribers.find((s) => Number(s.confirmed) === 1)?.n ?? 0),
        waiting: Number(subscribers.find((s) => Number(s.confirmed) === 0)?.n ?? 0),
      },
      email: !!mailer,
    };
  });

  /** Confirmed subscribers, sealed: the publishing browser opens them with the intake key. */
  app.get('/api/alerts/subscribers', { config: { access: COORDINATORS } }, async (): Promise<{ subscribers: SubscriberView[] }> => {
    const rows = await db.selectFrom('alert_subscribers').select(['id', 'seq', 'key_id', 'envelope']).where('confirmed', '=', 1).orderBy('seq').execute();
    return { subscribers: rows.map((r) => ({ id: r.id, n: r.seq, keyId: r.key_id, envelope: toBase64Url(new Uint8Array(r.envelope)) })) };
  });

  app.post('/api/alerts', { bodyLimit: 32 * 1024 * 1024, config: { access: COORDINATORS } }, async (request, reply) => {
    const parsed = publishRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, parsed.error.issues.some((i) => i.path[0] === 'texts') ? 'alert-incomplete' : 'bad-request');
    const recipients = mailer ? await verified(parsed.data.recipients) : [];
    const id = randomUUID();
    const planned = await db.transaction().execute(async (trx) => {
      await trx.insertInto('alerts').values({ id, texts: JSON.stringify(parsed.data.texts), status: 'published', published_at: thisHour(), corrected_at: null, published_by: request.member!.id }).execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'alert.published', object: id, detail: { emails: recipients.length } });
      return delivery.plan(trx as unknown as typeof db, id, recipients);
    });
    delivery.hold(planned.jobs);
    return reply.code(201).send({ id, webhooks: planned.webhooks, emails: planned.emails });
  });

  app.post<{ Params: { id: string } }>('/api/alerts/:id/correct', { config: { access: COORDINATORS } }, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const parsed = correctRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'alert-incomplete');
    await db.transaction().execute(async (trx) => {
      const done = await trx.updateTable('alerts').set({ texts: JSON.stringify(parsed.data.texts), corrected_at: thisHour() }).where('id', '=', id).where('status', '=', 'published').executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) throw new HttpError(404, 'not-found');
      await appendAudit(trx, { actor: request.member!.id, action: 'alert.corrected', object: id });
    });
    return reply.code(204).send();
  });

  app.post<{ Params: { id: string } }>('/api/alerts/:id/withdraw', { config: { access: COORDINATORS } }, async (request, reply) => {
    const id = uuidParam(request.params.id);
    await db.transaction().execute(async (trx) => {
      const done = await trx.updateTable('alerts').set({ status: 'withdrawn' }).where('id', '=', id).where('status', '=', 'published').executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) throw new HttpError(404, 'not-found');
      await appendAudit(trx, { actor: request.member!.id, action: 'alert.withdrawn', object: id });
    });
    return reply.code(204).send();
  });

  app.get<{ Params: { id: string } }>('/api/alerts/:id/deliveries', { config: { access: COORDINATORS } }, async (request): Promise<{ deliveries: DeliveryView[] }> => {
    const id = uuidParam(request.params.id);
    const rows = await db.selectFrom('alert_deliveries').selectAll().where('alert_id', '=', id).orderBy('seq').execute();
    return {
      deliveries: rows.map((r) => ({ id: r.id, channel: r.channel, targetId: r.target_id, target: r.target_label, status: r.status, attempts: r.attempts, lastError: r.last_error, updatedAt: r.updated_at })),
    };
  });

  app.post<{ Params: { id: string } }>('/api/alerts/:id/retry', { bodyLimit: 32 * 1024 * 1024, config: { access: COORDINATORS } }, async (request) => {
    const id = uuidParam(request.params.id);
    const parsed = retryRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    const alert = await db.selectFrom('alerts').select('status').where('id', '=', id).executeTakeFirst();
    if (!alert || alert.status !== 'published') throw new HttpError(404, 'not-found');
    const recipients = mailer ? (await verified(parsed.data.recipients)).map((r) => r.recipient) : [];
    return delivery.retry(id, recipients);
  });

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
      await trx.insertInto('alert_webhooks').values({ id, url: url.href, secret: vigil.secret.encrypt('webhook', utf8(secret)), created_at: new Date().toISOString(), created_by: request.member!.id }).execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'webhook.added', object: id });
    });
    // Shown once: only the encrypted copy stays here.
    return reply.code(201).send({ id, url: url.href, secret });
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
