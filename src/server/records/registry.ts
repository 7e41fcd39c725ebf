// The registries the team keeps (places, perpetrator units, legal provisions, local act types):
// added, corrected and retired by administrators, read by every member. A retired entry stays on
// the records that name it (and readable there) and is no longer offered for new ones.
//
// The registry table has no version or retirement column (migration 006): an entry's tag — a hash
// of what it says — makes an edit from a stale read a conflict, and the retirement day is kept in
// the labels' JSON beside the names, read and written only here.
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import * as z from 'zod';
import { registryInput } from '../../core/records/schemas.ts';
import type { Labels } from '../../core/records/term.ts';
import type { RegistryEntry } from '../../core/api/registry.ts';
import type { Database, RegistryTable } from '../storage/schema.ts';
import { HttpError, parse, uuidParam } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { ADMINS, EVERYONE } from '../../core/team/roles.ts';


type StoredLabels = Labels & { retiredAt?: string };

export type RegistryEntryView = RegistryEntry;

const labelsColumn = (labels: Labels, retiredAt: string | null): string => JSON.stringify(retiredAt ? { ...labels, retiredAt } : labels);

export function entryView(row: Pick<RegistryTable, 'id' | 'kind' | 'code' | 'labels' | 'place_kind' | 'appeal_days'>): RegistryEntryView {
  const { retiredAt, en, az, ru } = JSON.parse(row.labels) as StoredLabels;
  const appealDays = row.appeal_days === null ? null : Number(row.appeal_days);
  const tag = createHash('sha256').update(JSON.stringify([row.code, row.labels, row.place_kind, appealDays])).digest('base64url').slice(0, 16);
  return { id: row.id, kind: row.kind, code: row.code, labels: { en, az, ru }, placeKind: row.place_kind, appealDays, retiredAt: retiredAt ?? null, tag };
}

async function entryRow(db: Kysely<Database> | Transaction<Database>, id: string): Promise<RegistryEntryView> {
  const row = await db.selectFrom('registry').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new HttpError(404, 'not-found');
  return entryView(row);
}

async function codeTaken(trx: Transaction<Database>, kind: RegistryTable['kind'], code: string, except: string | null): Promise<boolean> {
  const taken = await trx.selectFrom('registry').select('id').where('kind', '=', kind).where('code', '=', code).executeTakeFirst();
  return !!taken && taken.id !== except;
}

/** A correction: the entry as it should read, from the tag it was read at. Its kind never changes. */
const changeInput = z.object({ tag: z.string().min(1).max(64), entry: z.object({}).passthrough() });
const retireInput = z.object({ tag: z.string().min(1).max(64) });

export function registryRoutes(app: FastifyInstance): void {
  const { db } = app.vigil.storage;

  app.get('/api/registry', { config: { access: EVERYONE } }, async () => {
    const rows = await db.selectFrom('registry').selectAll().orderBy('kind').orderBy('code').execute();
    return { entries: rows.map(entryView) };
  });

  app.post('/api/registry', { config: { access: ADMINS } }, async (request, reply) => {
    const input = parse(registryInput, request.body);
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      if (await codeTaken(trx, input.kind, input.code, null)) throw new HttpError(409, 'duplicate-code');
      await trx
        .insertInto('registry')
        .values({ id, kind: input.kind, code: input.code, labels: labelsColumn(input.labels, null), place_kind: input.placeKind, appeal_days: input.appealDays, created_at: new Date().toISOString(), created_by: request.member!.id })
        .execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'registry.added', object: id, detail: { kind: input.kind } });
    });
    return reply.code(201).send({ id });
  });

  // A name spelt wrong, a place that changed its name, the days to appeal under a provision.
  app.post<{ Params: { id: string } }>('/api/registry/:id', { config: { access: ADMINS } }, async (request) => {
    const id = uuidParam(request.params.id);
    const { tag, entry } = parse(changeInput, request.body);
    const member = request.member!.id;
    return db.transaction().execute(async (trx) => {
      const current = await entryRow(trx, id);
      const input = parse(registryInput, { ...entry, kind: current.kind });
      if (current.tag !== tag) throw new HttpError(409, 'edit-conflict');
      // Acts name a local act type by its code: that code is its identity.
      if (current.kind === 'act-type' && input.code !== current.code) throw new HttpError(400, 'bad-request');
      if (await codeTaken(trx, current.kind, input.code, id)) throw new HttpError(409, 'duplicate-code');
      const updated = await trx
        .updateTable('registry')
        .set({ code: input.code, labels: labelsColumn(input.labels, current.retiredAt), place_kind: input.placeKind, appeal_days: input.appealDays })
        .where('id', '=', id)
        .where('code', '=', current.code)
        .where('labels', '=', labelsColumn(current.labels, current.retiredAt))
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new HttpError(409, 'edit-conflict');
      const changed: string[] = (['code', 'placeKind', 'appealDays'] as const).filter((k) => input[k] !== current[k]);
      if ((['en', 'az', 'ru'] as const).some((l) => input.labels[l] !== current.labels[l])) changed.push('labels');
      await appendAudit(trx, { actor: member, action: 'registry.changed', object: id, detail: { kind: current.kind, changed: changed.join(', ') } });
      return { entry: await entryRow(trx, id) };
    });
  });

  // Retired: no longer offered for new records; the records that name it keep it, readable.
  for (const [path, retire] of [['retire', true], ['restore', false]] as const) {
    app.post<{ Params: { id: string } }>(`/api/registry/:id/${path}`, { config: { access: ADMINS } }, async (request) => {
      const id = uuidParam(request.params.id);
      const { tag } = parse(retireInput, request.body);
      const member = request.member!.id;
      return db.transaction().execute(async (trx) => {
        const current = await entryRow(trx, id);
        if (current.tag !== tag) throw new HttpError(409, 'edit-conflict');
        if ((current.retiredAt !== null) !== retire) {
          const labels = labelsColumn(current.labels, retire ? new Date().toISOString().slice(0, 10) : null);
          // Compare-and-swap: a correction committed since the read is a conflict, not overwritten.
          const updated = await trx.updateTable('registry').set({ labels }).where('id', '=', id).where('labels', '=', labelsColumn(current.labels, current.retiredAt)).executeTakeFirst();
          if (Number(updated.numUpdatedRows) !== 1) throw new HttpError(409, 'edit-conflict');
          await appendAudit(trx, { actor: member, action: retire ? 'registry.retired' : 'registry.restored', object: id, detail: { kind: current.kind } });
        }
        return { entry: await entryRow(trx, id) };
      });
    });
  }
}
