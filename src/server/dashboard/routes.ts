// The workspace dashboard (issue 5): counts over the records' plain columns, filtered by date range
// and incident, and the records behind each number. Every role that reads records may read it.
import type { FastifyPluginAsync } from 'fastify';
import { dashboardFilter, drillQuery } from '../../core/dashboard/dashboard.ts';
import { HttpError } from '../http/errors.ts';
import { codeOf } from '../records/store.ts';
import { dashboardCounts } from './counts.ts';
import { drillDown } from './drill.ts';
import { AnswerCache } from './cache.ts';
import type { Dashboard } from '../../core/dashboard/dashboard.ts';
import { EVERYONE } from '../../core/team/roles.ts';

// The same roles as the records' readers (src/server/records/routes.ts): viewers included.

export const dashboardRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  const answers = new AnswerCache<Dashboard>(db);

  /** The incident's code; an incident that does not exist is a 404, not an empty dashboard. */
  async function incidentCode(id: string | undefined): Promise<string | null> {
    if (!id) return null;
    const row = await db.selectFrom('incidents').select('seq').where('id', '=', id).executeTakeFirst();
    if (!row) throw new HttpError(404, 'unknown-incident');
    return codeOf('incident', Number(row.seq));
  }

  app.get('/api/dashboard', { config: { access: EVERYONE } }, async (request) => {
    const parsed = dashboardFilter.safeParse(request.query);
    if (!parsed.success) throw new HttpError(400, 'bad-filter');
    const f = parsed.data;
    const code = await incidentCode(f.incident);
    return answers.get(JSON.stringify([f.from, f.to, f.incident, f.bucket]), () => dashboardCounts(db, f, code));
  });

  app.get('/api/dashboard/acts', { config: { access: EVERYONE } }, async (request) => {
    const parsed = drillQuery.safeParse(request.query);
    if (!parsed.success) throw new HttpError(400, 'bad-filter');
    await incidentCode(parsed.data.incident);
    return drillDown(db, parsed.data);
  });
};
