// A reporter checks on a report with the codename: received when (to the hour), read or not.
import type { FastifyPluginAsync } from 'fastify';
import { statusPage } from '../../web/public/status.ts';
import { pageContext, sendPage } from '../http/pages.ts';
import { formBodyOf } from '../http/form-body.ts';
import { parseCodename } from '../../core/crypto/codename.ts';
import { serverStatusKey } from '../intake/service.ts';
import { perMinute } from '../config.ts';

export const statusRoutes: FastifyPluginAsync = async (app) => {

  app.get('/status', { config: { access: 'public' } }, async (request, reply) => sendPage(reply, 200, statusPage(await pageContext(app.vigil, request, '/status'))));

  app.post('/status', { bodyLimit: 4096, config: { access: 'public', ...perMinute(app.vigil.config.statusPerMinute) } }, async (request, reply) => {
    const ctx = await pageContext(app.vigil, request, '/status');
    const parsed = parseCodename(formBodyOf(request.body).get('codename')?.[0] ?? '');
    if (!parsed.ok) {
      return sendPage(reply, 400, statusPage(ctx, { error: parsed.reason === 'typo' ? 'codename-typo' : 'codename-length' }));
    }
    const lookup = app.vigil.secret.keyedHash('status', await serverStatusKey(parsed.digits));
    const rows = await app.vigil.storage.db
      .selectFrom('reports')
      .select(['received_hour', 'read_hour'])
      .where('status_lookup', '=', lookup)
      .orderBy('seq')
      .execute();
    if (rows.length === 0) return sendPage(reply, 404, statusPage(ctx, { error: 'codename-unknown' }));
    return sendPage(reply, 200, statusPage(ctx, { reports: rows.map((r) => ({ receivedHour: r.received_hour, read: r.read_hour !== null })) }));
  });
};
