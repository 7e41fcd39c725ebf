// The public side of alerts: the list (with the subscribe form), one alert and the Atom feed. No
// script; subscribing is subscription-routes.ts.
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { pageContext, sendPage } from '../http/pages.ts';
import { HttpError } from '../http/errors.ts';
import { alertPage, alertsPage } from '../pages/alerts.ts';
import { alertsFeed } from '../pages/atom.ts';
import type { Mailer } from './mailer.ts';
import { publishedAlert, publishedAlerts } from './published.ts';

/** Alerts listed on the page; the feed holds fewer. */
export const PAGE_SIZE = 100;
const FEED_SIZE = 50;

/** An alert page's context: public pages of alerts load no script. */
export const alertPageContext = async (app: FastifyInstance, request: FastifyRequest, path: string) => ({ ...(await pageContext(app.vigil, request, path)), script: null });

export const publicAlertRoutes: FastifyPluginAsync<{ mailer: Mailer | null }> = async (app, { mailer }) => {
  const { db } = app.vigil.storage;

  app.get('/alerts', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = await alertPageContext(app, request, '/alerts');
    return sendPage(reply, 200, alertsPage(ctx, await publishedAlerts(db, PAGE_SIZE), !!mailer));
  });

  app.get('/alerts.atom', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = await alertPageContext(app, request, '/alerts');
    const base = app.vigil.config.publicUrl.replace(/\/$/, '');
    return reply.type('application/atom+xml; charset=utf-8').send(alertsFeed(ctx, await publishedAlerts(db, FEED_SIZE), base));
  });

  app.get<{ Params: { id: string } }>('/alerts/:id', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = await alertPageContext(app, request, `/alerts/${encodeURIComponent(request.params.id)}`);
    if (!z.uuid().safeParse(request.params.id).success) throw new HttpError(404, 'not-found');
    const alert = await publishedAlert(db, request.params.id);
    if (!alert) throw new HttpError(404, 'not-found');
    return sendPage(reply, 200, alertPage(ctx, alert));
  });
};
