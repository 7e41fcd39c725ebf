// Importing a partner's bundle, inside the caller's transaction: the import recorded (with the
// sealed origin and the channel its sources go to), registry entries the bundle brought, the
// records made anew with their provenance, and the detentions of the acts made. Originals already
// imported from this bundle are skipped, and whatever refers to them is pointed at the record made
// the first time: importing twice adds nothing.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type * as z from 'zod';
import type { ImportRequest, ImportResult, ImportedType } from '../../core/bundle/import-request.ts';
import type { Database } from '../storage/schema.ts';
import type { ServerSecret } from '../secret.ts';
import { HttpError, parse } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { INPUTS, insertRecord } from '../records/create.ts';
import { writeDetention } from '../records/detention.ts';
import { checkedSecret, mustExist } from '../records/store.ts';
import { importChannel } from '../channels/store.ts';

/** Plain fields that name another record of the same import (the browser chose their ids). */
const REFERENCES = ['incidentId', 'personId', 'actId', 'targetId'] as const;

interface Importing {
  trx: Transaction<Database>;
  secret: ServerSecret;
  input: ImportRequest;
  member: string;
  now: string;
}

/** The import's own row (made once), its channel chosen now; the channel its sources go to. */
async function recordImport({ trx, secret, input, member, now }: Importing): Promise<string | null> {
  const imported = await trx.selectFrom('bundle_imports').select(['bundle_id', 'channel_id']).where('bundle_id', '=', input.bundleId).executeTakeFirst();
  const channelId = await importChannel(trx, input.channelId ?? null, imported);
  if (!imported) {
    const origin = await checkedSecret(trx, secret, input.origin, { current: true });
    await trx.insertInto('bundle_imports').values({ bundle_id: input.bundleId, ...origin, imported_on: now.slice(0, 10), imported_by: member, channel_id: channelId }).execute();
  } else if (imported.channel_id !== channelId) {
    await trx.updateTable('bundle_imports').set({ channel_id: channelId }).where('bundle_id', '=', input.bundleId).execute();
  }
  return channelId;
}

async function addRegistryEntries({ trx, input, member, now }: Importing): Promise<number> {
  for (const { id, entry } of input.registry) {
    const taken = await trx.selectFrom('registry').select('id').where('kind', '=', entry.kind).where('code', '=', entry.code).executeTakeFirst();
    // The browser matched by code against the registry it read; someone added one meanwhile.
    if (taken) throw new HttpError(409, 'edit-conflict');
    await trx
      .insertInto('registry')
      .values({ id, kind: entry.kind, code: entry.code, labels: JSON.stringify(entry.labels), place_kind: entry.placeKind, appeal_days: entry.appealDays, created_at: now, created_by: member })
      .execute();
  }
  return input.registry.length;
}

async function createRecords(importing: Importing, channelId: string | null) {
  const { trx, secret, input, member, now } = importing;
  const already = new Map((await trx.selectFrom('provenance').select(['original_id', 'record_id']).where('bundle_id', '=', input.bundleId).execute()).map((r) => [r.original_id, r.record_id]));
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
  return { moved, created, ids, madeNow, skipped };
}

/** Detentions (with their transfers) of the acts this import made; an earlier import's are kept. */
async function addDetentions({ trx, input, member, now }: Importing, moved: Map<string, string>, madeNow: Set<string>): Promise<number> {
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
  return detentions;
}

export async function importBundle(importing: Importing): Promise<ImportResult> {
  const { trx, input, member } = importing;
  const channelId = await recordImport(importing);
  const registryAdded = await addRegistryEntries(importing);
  const { moved, created, ids, madeNow, skipped } = await createRecords(importing, channelId);
  const detentions = await addDetentions(importing, moved, madeNow);
  await appendAudit(trx, {
    actor: member,
    action: 'bundle.imported',
    object: input.bundleId,
    detail: { incidents: created.incident, persons: created.person, acts: created.act, detentions, involvements: created.involvement, sources: created.source, skipped, registry: registryAdded },
  });
  return { bundleId: input.bundleId, created, skipped, registryAdded, ids };
}
