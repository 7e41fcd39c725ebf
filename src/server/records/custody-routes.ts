// Custody: an act's detention (written in detention.ts), its transfers from place to place, and
// the boards the team works from (boards.ts): who is held now, and what is due.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { detentionInput, transferInput } from '../../core/records/schemas.ts';
import { EVERYONE, WRITERS } from '../../core/team/roles.ts';
import { HttpError, parse, uuidParam } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { appendVersion, mustExist } from './store.ts';
import { plainView } from './plain.ts';
import { writeDetention } from './detention.ts';
import { boardRoutes } from './boards.ts';

export function custodyRoutes(app: FastifyInstance): void {
  const { db } = app.vigil.storage;

  app.post<{ Params: { id: string } }>('/api/acts/:id/detention', { config: { access: WRITERS } }, async (request) => {
    const actId = uuidParam(request.params.id);
    const { version, detention } = parse(z.object({ version: z.number().int().min(0), detention: detentionInput }), request.body);
    const member = request.member!.id;
    const now = new Date().toISOString();
    return db.transaction().execute(async (trx) => {
      const written = await writeDetention(trx, { actId, version, detention, member, now });
      await appendAudit(trx, { actor: member, action: 'record.updated', object: actId, detail: { type: 'detention', version: written.version, status: detention.status } });
      return written;
    });
  });

  app.get<{ Params: { id: string } }>('/api/acts/:id/detention', { config: { access: EVERYONE } }, async (request) => {
    const actId = uuidParam(request.params.id);
    const detention = await db.selectFrom('detentions').selectAll().where('act_id', '=', actId).executeTakeFirst();
    if (!detention) throw new HttpError(404, 'not-found');
    const transfers = await db.selectFrom('transfers').select(['id', 'from_place_id', 'to_place_id', 'on_day', 'at_time']).where('act_id', '=', actId).orderBy('on_day').orderBy('at_time').orderBy('created_at').execute();
    return { detention: plainView(detention as unknown as Record<string, unknown>), version: Number(detention.version), transfers: transfers.map((t) => plainView(t as unknown as Record<string, unknown>)) };
  });

  // A transfer moves the person: it is logged, and the detention's place becomes the new one.
  app.post<{ Params: { id: string } }>('/api/acts/:id/transfers', { config: { access: WRITERS } }, async (request, reply) => {
    const actId = uuidParam(request.params.id);
    const input = parse(transferInput, request.body);
    const member = request.member!.id;
    const now = new Date().toISOString();
    await db.transaction().execute(async (trx) => {
      const detention = await trx.selectFrom('detentions').selectAll().where('act_id', '=', actId).executeTakeFirst();
      if (!detention) throw new HttpError(404, 'not-found');
      await mustExist(trx, 'registry', [input.fromPlaceId, input.toPlaceId], 'place');
      await trx.insertInto('transfers').values({ id: randomUUID(), act_id: actId, from_place_id: input.fromPlaceId ?? detention.held_at, to_place_id: input.toPlaceId, on_day: input.onDay, at_time: input.atTime ?? null, created_at: now, created_by: member }).execute();
      const next = Number(detention.version) + 1;
      await trx.updateTable('detentions').set({ held_at: input.toPlaceId, version: next, updated_at: now, updated_by: member }).where('act_id', '=', actId).execute();
      await appendVersion(trx, { type: 'detention', id: actId, version: next, at: now, by: member, plain: { transferredTo: input.toPlaceId, onDay: input.onDay, atTime: input.atTime ?? null } });
      await appendAudit(trx, { actor: member, action: 'record.updated', object: actId, detail: { type: 'transfer' } });
    });
    return reply.code(204).send();
  });

  boardRoutes(app);
}
