// Multiple systems estimation (issue 12): the capture histories of the people documented in a
// period and stratum, by the channels a coordinator chose as lists. The server gives counts per
// pattern of plain ids; the browser fits the models (src/core/estimate) and opens the channels' names.
import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from '../http/errors.ts';
import { AnswerCache } from '../dashboard/cache.ts';
import { channelList, historiesFilter, type HistoriesView } from '../../core/estimate/request.ts';
import { captureHistories } from './histories.ts';
import { COORDINATORS } from '../../core/team/roles.ts';


export const estimateRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  const answers = new AnswerCache<HistoriesView>(db);

  /** Every channel must exist (retired ones too: they were lists in their day). */
  async function checkChannels(ids: string[]) {
    const found = await db.selectFrom('channels').select('id').where('id', 'in', ids).execute();
    if (found.length !== ids.length) throw new HttpError(400, 'unknown-channel');
  }

  async function checkIncident(id: string | undefined) {
    if (id && !(await db.selectFrom('incidents').select('id').where('id', '=', id).executeTakeFirst())) throw new HttpError(404, 'unknown-incident');
  }

  app.get('/api/estimate/histories', { config: { access: COORDINATORS } }, async (request) => {
    const query = request.query as Record<string, unknown>;
    const channels = typeof query.channels === 'string' ? channelList(query.channels) : null;
    if (!channels) throw new HttpError(400, 'estimate-lists');
    const parsed = historiesFilter.safeParse(query);
    if (!parsed.success) throw new HttpError(400, 'estimate-filter');
    const f = parsed.data;
    await checkChannels(channels);
    await checkIncident(f.incident);
    return answers.get(JSON.stringify([channels, f.from, f.to, f.incident, f.place, f.actType]), () => captureHistories(db, channels, f));
  });
};
