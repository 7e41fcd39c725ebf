// Bundles for partner organizations (issue 5). The server never sees a bundle: the exporting
// member's browser makes and seals it and only tells the server that it did (for the audit log);
// the importing member's browser opens it and sends the records made anew for this organization,
// which are created here in one transaction — all of them or none — with their provenance.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import * as z from 'zod';
import { importRequest, type ImportResult, type ImportedType, type ProvenanceView } from '../../core/bundle/import-request.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { HttpError, uuidParam, parse } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { INPUTS, insertRecord } from '../records/create.ts';
import { writeDetention } from '../records/detention.ts';
import { checkedSecret, mustExist } from '../records/store.ts';
import { importChannel } from '../channels/store.ts';
import { isUniqueViolation } from '../storage/unique.ts';
import { COORDINATORS, EVERYONE } from '../../core/team/roles.ts';

/** Who may send and receive bundles: they speak for the organization. */

const exportedRequest = z.object({
  bundleId: z.uuid(),
  partnerKeyId: z.string().regex(/^[0-9a-f]{16}$/),
  counts: z.object({
    incidents: z.number().int().min(0),
    persons: z.number().int().min(0),
    acts: z.number().int().min(0),
    detentions: z.number().int().min(0),
    involvements: z.number().int().min(0),
    sources: z.number().int().min(0),
  }),
});

/** Plain fields that name another record of the same import (the browser chose their ids). */
const REFERENCES = ['incidentId', 'personId', 'actId', 'targetId'] as const;


export const bundleRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  // The exporting browser made and sealed a bundle: recorded with counts and the partner's key
  // id, never what it holds. The download is offered only once this is recorded.
  app.post('/api/bundles/exported', { config: { access: COORDINATORS } }, async (request, reply) => {
    const { bundleId, partnerKeyId, counts } = parse(exportedRequest, request.body);
    await db.transaction().execute((trx) =>
      appendAudit(trx, { actor: request.member!.id, action: 'export.made', object: bundleId, detail: { format: 'vigil-bundle/1', partnerKey: partnerKeyId, ...counts } }),
    );
    return reply.code(204).send();
  });

  // Before importing: how many of this bundle's records are here already (a retry or a repeat).
  app.get<{ Params: { id: string } }>('/api/bundles/:id', { config: { access: COORDINATORS } }, async (request) => {
    const bundleId = uuidParam(request.params.id);
    const row = await db.selectFrom('provenance').select((eb) => eb.fn.countAll<number>().as('n')).where('bundle_id', '=', bundleId).executeTakeFirst();
    return { bundleId, imported: Number(row?.n ?? 0) };
  });

  app.post('/api/bundles/import', { config: { access: COORDINATORS }, bodyLimit: 96 * 1024 * 1024 }, async (request) => {
    const input = parse(importRequest, request.body);
    const member = request.member!.id;
    const now = new Date().toISOString();
    const secret = app.vigil.secret;
    try {
      return await db.transaction().execute(async (trx): Promise<ImportResult> => {
        // Originals already imported from this bundle are skipped, and whatever refers to them is
        // pointed at the record made the first time: importing twice adds nothing.
        const already = new Map((await trx.selectFrom('provenance').select(['original_id', 'record_id']).where('bundle_id', '=', input.bundleId).execute()).map((r) => [r.original_id, r.record_id]));
        const imported = await trx.selectFrom('bundle_imports').select(['bundle_id', 'channel_id']).where('bundle_id', '=', input.bundleId).executeTakeFirst();
        const channelId = await importChannel(trx, input.channelId ?? null, imported);
        if (!imported) {
          const origin = await checkedSecret(trx, secret, input.origin, { current: true });
          await trx.insertInto('bundle_imports').values({ bundle_id: input.bundleId, ...origin, imported_on: now.slice(0, 10), imported_by: member, channel_id: channelId }).execute();
        } else if (imported.channel_id !== channelId) {
          await trx.updateTable('bundle_imports').set({ channel_id: channelId }).where('bundle_id', '=', input.bundleId).execute();
        }
        let registryAdded = 0;
        for (const { id, entry } of input.registry) {
          const taken = await trx.selectFrom('registry').select('id').where('kind', '=', entry.kind).where('code', '=', entry.code).executeTakeFirst();
          // The browser matched by code against the registry it read; someone added one meanwhile.
          if (taken) throw new HttpError(409, 'edit-conflict');
          await trx
            .insertInto('registry')
            .values({ id, kind: entry.kind, code: entry.code, labels: JSON.stringify(entry.labels), place_kind: entry.placeKind, appeal_days: entry.appealDays, created_at: now, created_by: member })
            .execute();
          registryAdded += 1;
        }
        const moved = new Map<string, string>();
        const created: Record<ImportedType, number> = { incident: 0, person: 0, act: 0, involvement: 0, source: 0 };
        const ids: Record<string, string> = {};
        const madeNow = new Set<string>();
        let skipped = 0;
        for (const r of input.records) {
          const before = already.get(r.originalId);
          if (before) {
            moved.set(r.id, before);
            ids[r.originalId] = before;
            skipped += 1;
            continue;
          }
          // A partner's source is in the partner's channel, whatever the bundle said.
          const raw: Record<string, unknown> = { ...(r.record as Record<string, unknown>), ...(r.type === 'source' ? { channelId } : {}) };
          for (const field of REFERENCES) if (typeof raw[field] === 'string' && moved.has(raw[field])) raw[field] = moved.get(raw[field]);
          const record = parse(INPUTS[r.type] as z.ZodType<never>, raw);
          await insertRecord(trx, secret, { type: r.type, id: r.id, record, member, now });
          await trx.insertInto('provenance').values({ record_type: r.type, record_id: r.id, bundle_id: input.bundleId, original_id: r.originalId, original_code: r.originalCode }).execute();
          created[r.type] += 1;
          ids[r.originalId] = r.id;
          madeNow.add(r.id);
        }
        let detentions = 0;
        for (const { actId, detention, transfers } of input.detentions) {
          if (moved.has(actId)) continue;
          if (!madeNow.has(actId)) throw new HttpError(400, 'unknown-reference');
          await writeDetention(trx, { actId, version: 0, detention, member, now });
          for (const t of transfers) {
            await mustExist(trx, 'registry', [t.fromPlaceId, t.toPlaceId], 'place');
            await trx.insertInto('transfers').values({ id: randomUUID(), act_id: actId, from_place_id: t.fromPlaceId, to_place_id: t.toPlaceId, on_day: t.onDay, at_time: t.atTime ?? null, created_at: now, created_by: member }).execute();
          }
          detentions += 1;
        }
        await appendAudit(trx, {
          actor: member,
          action: 'bundle.imported',
          object: input.bundleId,
          detail: { incidents: created.incident, persons: created.person, acts: created.act, detentions, involvements: created.involvement, sources: created.source, skipped, registry: registryAdded },
        });
        return { bundleId: input.bundleId, created, skipped, registryAdded, ids };
      });
    } catch (error) {
      // Two members importing the same bundle at once: nothing of the second was stored (its
      // transaction rolled back), and importing again skips what the first made.
      throw isUniqueViolation(error) ? new HttpError(409, 'edit-conflict') : error;
    }
  });

  // Where an imported record came from; who sent it stays sealed (opened in the browser).
  app.get<{ Params: { id: string } }>('/api/provenance/:id', { config: { access: EVERYONE } }, async (request): Promise<{ provenance: ProvenanceView | null }> => {
    const recordId = uuidParam(request.params.id);
    const row = await db
      .selectFrom('provenance')
      .innerJoin('bundle_imports', 'bundle_imports.bundle_id', 'provenance.bundle_id')
      .select(['provenance.bundle_id', 'provenance.original_code', 'bundle_imports.imported_on', 'bundle_imports.key_id', 'bundle_imports.key_envelope', 'bundle_imports.sealed'])
      .where('provenance.record_id', '=', recordId)
      .executeTakeFirst();
    if (!row) return { provenance: null };
    return {
      provenance: {
        bundleId: row.bundle_id,
        originalCode: row.original_code,
        importedOn: row.imported_on,
        origin: { keyId: row.key_id, keyEnvelope: toBase64Url(row.key_envelope), sealed: toBase64Url(row.sealed) },
      },
    };
  });
};
