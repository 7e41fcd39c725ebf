// The inbox hands out sealed envelopes, newest first; they are opened in the browser.
import type { FastifyPluginAsync } from 'fastify';
import { inboxQuery, type InboxResponse } from '../../core/api/schemas.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { HttpError, uuidParam } from '../http/errors.ts';
import { currentHour } from '../intake/service.ts';
import { audit } from '../audit/log.ts';

const READERS = ['admin', 'coordinator', 'documenter', 'viewer'] as const;
const TRIAGERS = ['admin', 'coordinator', 'documenter'] as const;

export const inboxRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  app.get('/api/inbox', { config: { access: READERS } }, async (request): Promise<InboxResponse> => {
    const parsed = inboxQuery.safeParse(request.query);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    const { before, limit } = parsed.data;
    let query = db.selectFrom('reports').select(['id', 'seq', 'key_id', 'received_hour', 'read_hour', 'envelope']);
    if (before !== undefined) query = query.where('seq', '<', before);
    const rows = await query.orderBy('seq', 'desc').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    return {
      reports: page.map((r) => ({
        id: r.id,
        seq: Number(r.seq),
        keyId: r.key_id,
        receivedHour: r.received_hour,
        readHour: r.read_hour,
        envelope: toBase64Url(r.envelope),
      })),
      next: rows.length > limit ? Number(page[page.length - 1]!.seq) : null,
    };
  });

  app.post<{ Params: { id: string } }>('/api/reports/:id/read', { config: { access: TRIAGERS } }, async (request, reply) => {
    const result = await db
      .updateTable('reports')
      .set({ read_hour: currentHour() })
      .where('id', '=', uuidParam(request.params.id))
      .where('read_hour', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      const exists = await db.selectFrom('reports').select('id').where('id', '=', uuidParam(request.params.id)).executeTakeFirst();
      if (!exists) throw new HttpError(404, 'not-found');
    } else {
      await audit(db, { actor: request.member!.id, action: 'report.read', object: uuidParam(request.params.id) });
    }
    return reply.code(204).send();
  });
};
