// Writing an act's detention: expected release and appeal deadline computed here, never typed.
// Used by POST /api/acts/:id/detention and by the import of a partner's bundle; the caller audits.
import type { Transaction } from 'kysely';
import type { DetentionInput } from '../../core/records/schemas.ts';
import { appealDeadline, expectedRelease } from '../../core/records/custody.ts';
import type { Database } from '../storage/schema.ts';
import { HttpError } from '../http/errors.ts';
import { appendVersion, mustExist } from './store.ts';
import { DETENTION_FIELDS } from '../../core/records/fields/detention.ts';
import { registryIds, toColumns, type ColumnsOf } from '../../core/records/fields/field.ts';

type DetentionColumns = ColumnsOf<typeof DETENTION_FIELDS>;

export async function writeDetention(
  trx: Transaction<Database>,
  { actId, version, detention, member, now }: { actId: string; version: number; detention: DetentionInput; member: string; now: string },
): Promise<{ version: number; expectedRelease: string | null; appealDeadline: string | null }> {
  const act = await trx.selectFrom('acts').select(['id', 'date_start', 'date_start_precision']).where('id', '=', actId).executeTakeFirst();
  if (!act) throw new HttpError(404, 'not-found');
  for (const kind of ['place', 'provision'] as const) await mustExist(trx, 'registry', registryIds(DETENTION_FIELDS, detention, kind), kind);
  const existing = await trx.selectFrom('detentions').select('version').where('act_id', '=', actId).executeTakeFirst();
  if ((existing ? Number(existing.version) : 0) !== version) throw new HttpError(409, 'edit-conflict');
  // Custody began on the day of the act, unless the team records another day.
  const custodyStart = detention.custodyStart ?? (act.date_start_precision === 'day' ? act.date_start : null);
  const provision = detention.legalProvisionId ? await trx.selectFrom('registry').select('appeal_days').where('id', '=', detention.legalProvisionId).executeTakeFirst() : undefined;
  const computed = {
    custodyStart,
    expectedRelease: expectedRelease({ decision: detention.decision, detentionDays: detention.detentionDays, sentenceStart: detention.sentenceStart, custodyStart }),
    appealDeadline: appealDeadline(detention.decisionDate, provision?.appeal_days ?? null),
  };
  const row = { ...(toColumns(DETENTION_FIELDS, { ...detention, ...computed }) as DetentionColumns), version: version + 1, updated_at: now, updated_by: member };
  if (existing) await trx.updateTable('detentions').set(row).where('act_id', '=', actId).execute();
  else await trx.insertInto('detentions').values({ act_id: actId, ...row }).execute();
  const { version: _, updated_at: __, updated_by: ___, ...plain } = row;
  await appendVersion(trx, { type: 'detention', id: actId, version: version + 1, at: now, by: member, plain });
  return { version: version + 1, expectedRelease: row.expected_release, appealDeadline: row.appeal_deadline };
}
