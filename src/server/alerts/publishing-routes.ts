// Coordinators and administrators publish alerts, correct them and withdraw them; the list shows
// each alert's deliveries and the subscribers' count. Publishing plans the deliveries in the same
// transaction and starts them once it commits.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { correctRequest, publishRequest, type AlertsResponse, type PublishResponse } from '../../core/api/alerts.ts';
import { COORDINATORS } from '../../core/team/roles.ts';
import type { Database } from '../storage/schema.ts';
import { HttpError, uuidParam } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import type { Mailer } from './mailer.ts';
import type { Delivery } from './delivery.ts';
import { verifiedRecipients } from './verified-recipients.ts';

/** To the hour, like everything public (and valid RFC 3339 for the feed). */
const thisHour = () => `${new Date().toISOString().slice(0, 13)}:00:00Z`;

export const publishingRoutes: FastifyPluginAsync<{ mailer: Mailer | null; delivery: Delivery }> = async (app, { mailer, delivery }) => {
  const { db } = app.vigil.storage;

  app.get('/api/alerts', { config: { access: COORDINATORS } }, async () => alertsOverview(db, !!mailer));

  app.post('/api/alerts', { bodyLimit: 32 * 1024 * 1024, config: { access: COORDINATORS } }, async (request, reply) => {
    const parsed = publishRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, parsed.error.issues.some((i) => i.path[0] === 'texts') ? 'alert-incomplete' : 'bad-request');
    const recipients = mailer ? await verifiedRecipients(db, parsed.data.recipients) : [];
    const id = randomUUID();
    const planned = await db.transaction().execute(async (trx) => {
      await trx.insertInto('alerts').values({ id, texts: JSON.stringify(parsed.data.texts), status: 'published', published_at: thisHour(), corrected_at: null, published_by: request.member!.id }).execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'alert.published', object: id, detail: { emails: recipients.length } });
      return delivery.plan(trx as unknown as typeof db, id, recipients);
    });
    delivery.hold(planned.jobs);
    return reply.code(201).send({ id, webhooks: planned.webhooks, emails: planned.emails } satisfies PublishResponse);
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
};

/** The latest 200 alerts with their deliveries counted by outcome, and the subscribers counted. */
async function alertsOverview(db: Kysely<Database>, email: boolean): Promise<AlertsResponse> {
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
    email,
  };
}
