// Nothing is deleted except by this: an administrator's explicit purge (e.g. a person asks to be
// removed for their safety). It removes the record, every version of it, its sources and its
// evidence (with the custody log), and for an act its detention, transfers, involvements and
// follow-up. A record others still refer to is refused. The audit log keeps that it happened,
// never what was in it.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { ADMINS } from '../../core/team/roles.ts';
import { HttpError, parse, uuidParam } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { codeOf, recordTypeParam, tableOf } from './store.ts';

export function purgeRoutes(app: FastifyInstance): void {
  app.post<{ Params: { type: string; id: string } }>('/api/records/:type/:id/purge', { config: { access: ADMINS } }, async (request, reply) => {
    await purgeRecord(app, request);
    return reply.code(204).send();
  });
}

async function purgeRecord(app: FastifyInstance, request: FastifyRequest<{ Params: { type: string; id: string } }>): Promise<void> {
  const { db } = app.vigil.storage;
  const type = recordTypeParam(request.params.type);
  const id = uuidParam(request.params.id);
  const { confirm } = parse(z.object({ confirm: z.string().max(20) }), request.body);
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom(tableOf(type)).select(['seq']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new HttpError(404, 'not-found');
    // The administrator typed the record's code: no purge by a slip of the hand.
    if (confirm !== codeOf(type, Number(row.seq))) throw new HttpError(400, 'bad-request');
    const referring =
      type === 'incident' || type === 'person'
        ? await trx.selectFrom('acts').select('id').where(type === 'incident' ? 'incident_id' : 'person_id', '=', id).executeTakeFirst()
        : undefined;
    const followUp =
      type === 'incident' || type === 'person'
        ? await trx.selectFrom('interventions').select('id').where(type === 'incident' ? 'incident_id' : 'person_id', '=', id).executeTakeFirst()
        : undefined;
    // A person in a standing merge (merged, or the survivor of one) is purged after its undo.
    const merge =
      type === 'person'
        ? await trx
            .selectFrom('persons')
            .select('id')
            .where((eb) => eb.or([eb.and([eb('id', '=', id), eb('merged_into', 'is not', null)]), eb('merged_into', '=', id)]))
            .executeTakeFirst()
        : undefined;
    if (referring || followUp || merge) throw new HttpError(409, 'in-use');
    const attachments = (await trx.selectFrom('attachments').select('id').where('owner_id', '=', id).execute()).map((a) => a.id);
    if (type === 'act') {
      for (const t of ['detentions', 'transfers'] as const) await trx.deleteFrom(t).where('act_id', '=', id).execute();
      await trx.deleteFrom('record_versions').where('record_type', '=', 'detention').where('record_id', '=', id).execute();
      for (const t of ['involvements', 'interventions'] as const) {
        const ids = (await trx.selectFrom(t).select('id').where('act_id', '=', id).execute()).map((r) => r.id);
        if (ids.length) {
          await trx.deleteFrom(t).where('id', 'in', ids).execute();
          await trx.deleteFrom('record_versions').where('record_id', 'in', ids).execute();
        }
      }
    }
    const sources = (await trx.selectFrom('sources').select('id').where('target_id', '=', id).execute()).map((r) => r.id);
    if (sources.length) {
      await trx.deleteFrom('sources').where('id', 'in', sources).execute();
      await trx.deleteFrom('record_versions').where('record_type', '=', 'source').where('record_id', 'in', sources).execute();
    }
    if (attachments.length) {
      await trx.deleteFrom('custody_log').where('attachment_id', 'in', attachments).execute();
      await trx.deleteFrom('attachments').where('id', 'in', attachments).execute();
    }
    await trx.deleteFrom('record_versions').where('record_type', '=', type).where('record_id', '=', id).execute();
    await trx.deleteFrom(tableOf(type)).where('id', '=', id).execute();
    // Imported from a partner: the row stays so the bundle cannot bring the record back, but the
    // partner's code for it goes (with both servers seized, it would link the two records).
    await trx.updateTable('provenance').set({ original_code: '' }).where('record_id', 'in', [id, ...sources]).execute();
    await appendAudit(trx, { actor: request.member!.id, action: 'record.purged', object: id, detail: { type, code: confirm, attachments: attachments.length } });
  });
}
