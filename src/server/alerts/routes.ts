// Alerts to the community (issue 5): coordinators and administrators publish alerts; they go to the
// public page and feed, to registered webhooks (signed, retried from a persisted queue) and to
// email subscribers, whose addresses the publishing browser opens and sends along, held in memory
// only for the delivery. Administrators register webhooks; each secret is shown once.
import type { FastifyPluginAsync } from 'fastify';
import { createMailer } from './mailer.ts';
import { createDelivery } from './delivery.ts';
import { publicAlertRoutes } from './public-routes.ts';
import { subscriptionRoutes } from './subscription-routes.ts';
import { publishingRoutes } from './publishing-routes.ts';
import { deliveryRoutes } from './delivery-routes.ts';
import { webhookRoutes } from './webhook-routes.ts';

/** Unconfirmed subscriptions are deleted after this many days. */
const CONFIRM_DAYS = 7;

export const alertRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  const mailer = createMailer(app.vigil.config);
  const delivery = createDelivery(app.vigil, mailer);

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

  await app.register(publicAlertRoutes, { mailer });
  await app.register(subscriptionRoutes, { mailer });
  await app.register(publishingRoutes, { mailer, delivery });
  await app.register(deliveryRoutes, { mailer, delivery });
  await app.register(webhookRoutes);
};
