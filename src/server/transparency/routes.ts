// The public counts (issue 5, opt-in): acts whose person agreed to public use, k-suppressed, as a
// page (no script), JSON and an Atom feed; and the administrators' switch and k. Off, the
// addresses answer 404 as if they did not exist.
import type { FastifyPluginAsync } from 'fastify';
import { transparencySettings } from '../../core/api/transparency.ts';
import { countsPage } from '../pages/counts.ts';
import { countsFeed } from '../pages/atom.ts';
import { pageContext, sendPage } from '../http/pages.ts';
import { HttpError, parse } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { ADMINS } from '../../core/team/roles.ts';
import { computeCounts, countLabels, countsSettings, type ComputedCounts } from './public-counts.ts';

export const transparencyRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  // Anyone may ask, so the counts are computed at most once a minute (a full pass over the acts).
  let cached: { at: number; value: Promise<ComputedCounts> } | null = null;
  async function current() {
    const { enabled, k } = await countsSettings(db);
    if (!enabled) throw new HttpError(404, 'not-found');
    if (!cached || Date.now() - cached.at > 60_000) {
      cached = { at: Date.now(), value: computeCounts(db, k) };
      cached.value.catch(() => (cached = null));
    }
    return cached.value;
  }

  app.get('/counts', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = { ...(await pageContext(app.vigil, request, '/counts')), script: null };
    const { counts, updatedDay, registry } = await current();
    return sendPage(reply, 200, countsPage(ctx, counts, countLabels(ctx.lang, registry), updatedDay));
  });

  app.get('/counts.json', { config: { access: 'public' } }, async (_request, reply) => {
    const { counts, updatedDay, registry } = await current();
    const en = countLabels('en', registry);
    const tables = Object.fromEntries(
      Object.entries(counts.tables).map(([name, t]) => [name, { total: t.total, cells: t.cells.map((c) => ({ key: c.key, label: en(name as keyof typeof counts.tables, c.key), count: c.count })) }]),
    );
    return reply.header('cache-control', 'no-store').send({ v: 1, k: counts.k, updated: updatedDay, total: counts.total, tables });
  });

  app.get('/counts.atom', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = await pageContext(app.vigil, request, '/counts');
    const { counts, updatedDay, registry } = await current();
    const self = `${app.vigil.config.publicUrl.replace(/\/$/, '')}/counts.atom`;
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'no-store').send(countsFeed(ctx, counts, countLabels(ctx.lang, registry), updatedDay, self));
  });

  app.get('/api/transparency', { config: { access: ADMINS } }, async () => countsSettings(db));

  app.post('/api/transparency', { config: { access: ADMINS } }, async (request, reply) => {
    const { enabled, k } = parse(transparencySettings, request.body);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('organization').set({ public_counts: enabled ? 1 : 0, public_k: k }).execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'settings.changed', object: null, detail: { publicCounts: enabled, k } });
    });
    cached = null;
    return reply.code(204).send();
  });
};
