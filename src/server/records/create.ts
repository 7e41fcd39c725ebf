// Creating a record and writing a detention: one rule each, used by the workspace's own routes and by
// the import of a partner's bundle (src/server/bundles), which creates many in one transaction.
import type { Transaction } from 'kysely';
import type * as z from 'zod';
import { actInput, incidentInput, interventionInput, involvementInput, personInput, sourceInput, type RecordType } from '../../core/records/schemas.ts';
import { actType } from '../../core/records/vocabulary.ts';
import type { Database } from '../storage/schema.ts';
import type { ServerSecret } from '../secret.ts';
import { HttpError } from '../http/errors.ts';
import { TABLES, appendVersion, checkedSecret, codeOf, mustExist } from './store.ts';
import { plainColumns, type RecordInput } from './plain.ts';
import { newSourceChannel } from '../channels/store.ts';
import { RECORD_FIELDS } from '../../core/records/fields/tables.ts';
import { registryIds } from '../../core/records/fields/field.ts';

export const INPUTS: { [T in RecordType]: z.ZodType<RecordInput<T>> } = {
  incident: incidentInput,
  person: personInput,
  act: actInput,
  involvement: involvementInput,
  source: sourceInput,
  intervention: interventionInput,
};

/** A person merged into another is referred to no more (issue 11): what is new about them goes to the survivor. */
async function mustNotBeMerged(trx: Transaction<Database>, ids: (string | null | undefined)[]): Promise<void> {
  const wanted = ids.filter((i): i is string => !!i);
  if (wanted.length === 0) return;
  const merged = await trx.selectFrom('persons').select('id').where('id', 'in', wanted).where('merged_into', 'is not', null).executeTakeFirst();
  if (merged) throw new HttpError(409, 'already-merged');
}

/** Whatever a record refers to must exist: places, units, provisions, act types, incidents, people, acts, reports. */
export async function checkReferences<T extends RecordType>(trx: Transaction<Database>, type: T, input: RecordInput<T>): Promise<void> {
  const r = input as Record<string, unknown>;
  if (type === 'act') {
    await mustExist(trx, 'incidents', [r.incidentId as string]);
    await mustExist(trx, 'persons', [r.personId as string]);
    await mustNotBeMerged(trx, [r.personId as string]);
    const code = r.typeCode as string;
    if (!actType(code) && !(await trx.selectFrom('registry').select('id').where('kind', '=', 'act-type').where('code', '=', code).executeTakeFirst())) {
      throw new HttpError(400, 'unknown-reference');
    }
  }
  if (type === 'involvement') {
    await mustExist(trx, 'acts', [r.actId as string]);
  }
  if (type === 'source') {
    const table = ({ incident: 'incidents', person: 'persons', act: 'acts' } as const)[r.targetType as 'incident' | 'person' | 'act'];
    await mustExist(trx, table, [r.targetId as string]);
    if (r.targetType === 'person') await mustNotBeMerged(trx, [r.targetId as string]);
    await mustExist(trx, 'reports', [r.reportId as string | null]);
  }
  if (type === 'intervention') {
    await mustExist(trx, 'incidents', [r.incidentId as string | null]);
    await mustExist(trx, 'persons', [r.personId as string | null]);
    await mustNotBeMerged(trx, [r.personId as string | null]);
    await mustExist(trx, 'acts', [r.actId as string | null]);
  }
  // Places and units, as the record type's field table names them.
  for (const kind of ['place', 'unit'] as const) await mustExist(trx, 'registry', registryIds(RECORD_FIELDS[type], r, kind), kind);
}

/** Inserts a checked record (version 1, with its first history row); the caller audits. */
export async function insertRecord<T extends RecordType>(
  trx: Transaction<Database>,
  serverSecret: ServerSecret,
  { type, id, record, member, now }: { type: T; id: string; record: RecordInput<T>; member: string; now: string },
): Promise<{ id: string; code: string; version: number }> {
  await checkReferences(trx, type, record);
  const secret = await checkedSecret(trx, serverSecret, record.secret, { current: true });
  const table = TABLES[type] as 'incidents';
  if (await trx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) throw new HttpError(409, 'edit-conflict');
  const plain: Record<string, unknown> = { ...plainColumns(type, record), ...(type === 'person' ? { consent_recorded_by: member, consent_recorded_at: now } : {}) };
  if (type === 'source') plain.channel_id = await newSourceChannel(trx, record as RecordInput<'source'>);
  const row = await trx
    .insertInto(table)
    .values({ id, ...plain, ...secret, version: 1, created_at: now, created_by: member, updated_at: now, updated_by: member } as never)
    .returning(['seq'])
    .executeTakeFirstOrThrow();
  await appendVersion(trx, { type, id, version: 1, at: now, by: member, plain, keyEnvelope: secret.key_envelope, sealed: secret.sealed });
  return { id, code: codeOf(type, Number(row.seq)), version: 1 };
}
