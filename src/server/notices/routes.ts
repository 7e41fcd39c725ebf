// Team notices (issue 14): each member chooses a channel (email, their own webhook, nothing) and
// the kinds of news; the server counts news per member in memory and sends at most one
// content-free message per member per VIGIL_NOTICE_EVERY_MIN ("Vigil: 1 new urgent report" and a
// link to the workspace). Audited as sent, by channel only. With several servers, the counts, the
// pace and the day's tally stay each server's own, deliberately: each event (a report, an answer, a
// failed backup) is counted and told by the server that saw it, so nothing is told twice, and no row
// says when news came (a member may get one message from each server within a window). Only the
// daily deadline look, which every server would otherwise make, is claimed by one server a day.
import type { FastifyPluginAsync } from 'fastify';
import { createMailer } from '../alerts/mailer.ts';
import { createNotifier } from './notifier.ts';
import { noticeSettingsRoutes } from './settings-routes.ts';

export const noticeRoutes: FastifyPluginAsync = async (app) => {
  const mailer = createMailer(app.vigil.config);
  const notifier = createNotifier(app.vigil, mailer, app.log.child({ feature: 'notices' }));

  app.addHook('onReady', async () => notifier.start());
  app.addHook('onClose', async () => {
    await notifier.stop();
    mailer?.close();
  });

  await app.register(noticeSettingsRoutes, { mailer, notifier });
};
