// The inbox's pages of sealed reports (as JSON, or as one binary frame for the workspace), the
// opened-report cache members' browsers fill, and the hour a report was first read.
import type { FastifyPluginAsync } from 'fastify';
import { cacheRequest, inboxQuery, type InboxResponse } from '../../core/api/inbox.ts';
import { INBOX_FRAME_TYPE, encodeInboxFrame } from '../../core/api/inbox-frame.ts';
import { fromBase64Url, toBase64Url } from '../../core/crypto/bytes.ts';
import { WrappedKind, inspectWrapped } from '../../core/crypto/wrapped.ts';
import { EVERYONE, WRITERS } from '../../core/team/roles.ts';
import { HttpError, parse, uuidParam } from '../http/errors.ts';
import { currentHour } from '../intake/service.ts';
import { audit } from '../audit/log.ts';
import { inboxPage } from './page.ts';
import { existingReport } from './existing-report.ts';

export const inboxListRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  app.get('/api/inbox', { config: { access: EVERYONE } }, async (request, reply) => {
    const frame = await inboxPage(db, request.member!.id, parse(inboxQuery, request.query));
    if (request.headers.accept === INBOX_FRAME_TYPE) {
      const bytes = encodeInboxFrame(frame);
      return reply.type(INBOX_FRAME_TYPE).send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
    const json: InboxResponse = { reports: frame.reports.map(({ cache: _, ...r }) => ({ ...r, envelope: toBase64Url(r.envelope) })), next: frame.next };
    return json;
  });

  // The opened-report cache (core/report/cache.ts): the first copy of a report's answers a member's
  // browser writes is kept and never replaced, so no one can overwrite what colleagues already see.
  // Being first is a power over what others see first, so only those who may open (triage) reports
  // write it; a viewer reads copies others made.
  app.post('/api/inbox/cache', { bodyLimit: 4 * 1024 * 1024, config: { access: WRITERS } }, async (request, reply) => {
    const entries = parse(cacheRequest, request.body).entries.map((e) => ({ id: e.id, cache: fromBase64Url(e.cache) }));
    if (entries.some((e) => !e.cache || !inspectWrapped(e.cache, WrappedKind.reportCache))) throw new HttpError(400, 'bad-envelope');
    let stored = 0;
    await db.transaction().execute(async (trx) => {
      for (const e of entries) {
        const result = await trx.updateTable('reports').set({ cache: e.cache }).where('id', '=', e.id).where('cache', 'is', null).executeTakeFirst();
        stored += Number(result.numUpdatedRows);
      }
    });
    return reply.send({ stored });
  });

  app.post<{ Params: { id: string } }>('/api/reports/:id/read', { config: { access: WRITERS } }, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const result = await db.updateTable('reports').set({ read_hour: currentHour() }).where('id', '=', id).where('read_hour', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) await existingReport(db, id);
    else await audit(db, { actor: request.member!.id, action: 'report.read', object: id });
    return reply.code(204).send();
  });
};
