// An alert's deliveries as the workspace follows them: the log, "retry" for the failed and
// interrupted ones, and the confirmed subscribers, sealed (the publishing browser opens them with
// the intake key and sends the addresses with "publish" or "retry").
import type { FastifyPluginAsync } from 'fastify';
import { retryRequest, type DeliveryView, type RetryResponse, type SubscriberView } from '../../core/api/alerts.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { COORDINATORS } from '../../core/team/roles.ts';
import { HttpError, uuidParam } from '../http/errors.ts';
import type { Mailer } from './mailer.ts';
import type { Delivery } from './delivery.ts';
import { verifiedRecipients } from './verified-recipients.ts';

export const deliveryRoutes: FastifyPluginAsync<{ mailer: Mailer | null; delivery: Delivery }> = async (app, { mailer, delivery }) => {
  const { db } = app.vigil.storage;

  app.get('/api/alerts/subscribers', { config: { access: COORDINATORS } }, async (): Promise<{ subscribers: SubscriberView[] }> => {
    const rows = await db.selectFrom('alert_subscribers').select(['id', 'seq', 'key_id', 'envelope']).where('confirmed', '=', 1).orderBy('seq').execute();
    return { subscribers: rows.map((r) => ({ id: r.id, n: r.seq, keyId: r.key_id, envelope: toBase64Url(new Uint8Array(r.envelope)) })) };
  });

  app.get<{ Params: { id: string } }>('/api/alerts/:id/deliveries', { config: { access: COORDINATORS } }, async (request): Promise<{ deliveries: DeliveryView[] }> => {
    const id = uuidParam(request.params.id);
    const rows = await db.selectFrom('alert_deliveries').selectAll().where('alert_id', '=', id).orderBy('seq').execute();
    return {
      deliveries: rows.map((r) => ({ id: r.id, channel: r.channel, targetId: r.target_id, target: r.target_label, status: r.status, attempts: r.attempts, lastError: r.last_error, updatedAt: r.updated_at })),
    };
  });

  app.post<{ Params: { id: string } }>('/api/alerts/:id/retry', { bodyLimit: 32 * 1024 * 1024, config: { access: COORDINATORS } }, async (request): Promise<RetryResponse> => {
    const id = uuidParam(request.params.id);
    const parsed = retryRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    const alert = await db.selectFrom('alerts').select('status').where('id', '=', id).executeTakeFirst();
    if (!alert || alert.status !== 'published') throw new HttpError(404, 'not-found');
    const recipients = mailer ? (await verifiedRecipients(db, parsed.data.recipients)).map((r) => r.recipient) : [];
    return delivery.retry(id, recipients);
  });
};
