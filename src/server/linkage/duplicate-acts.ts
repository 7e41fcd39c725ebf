// One arrest, one count (migration 019): after a merge, an act the merged record brought that the
// survivor already has — the same incident, the same act type, dated within three days (or not to
// the day) — is marked `duplicate_of` the survivor's, so counts over acts leave it out. Both are
// kept, as the merge keeps both records; an undo clears the marks.
import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { daysBetween } from '../../core/records/custody.ts';

type Trx = Transaction<Database>;

interface ActFacts {
  id: string;
  incident_id: string;
  type_code: string;
  date_start: string | null;
  date_start_precision: string;
}

/** Two records of one act: a day apart at most three, or either not known to the day. */
function sameAct(a: ActFacts, b: ActFacts): boolean {
  if (a.incident_id !== b.incident_id || a.type_code !== b.type_code) return false;
  if (a.date_start_precision !== 'day' || b.date_start_precision !== 'day' || !a.date_start || !b.date_start) return true;
  return Math.abs(daysBetween(a.date_start, b.date_start)) <= 3;
}

export async function markDuplicateActs(trx: Trx, survivorId: string, movedActIds: readonly string[]): Promise<number> {
  if (movedActIds.length === 0) return 0;
  const columns = ['id', 'incident_id', 'type_code', 'date_start', 'date_start_precision'] as const;
  const moved = new Set(movedActIds);
  const all = await trx.selectFrom('acts').select(columns).where('person_id', '=', survivorId).where('duplicate_of', 'is', null).execute();
  const own = all.filter((a) => !moved.has(a.id));
  let marked = 0;
  for (const act of all.filter((a) => moved.has(a.id))) {
    const original = own.find((o) => sameAct(o, act));
    if (!original) continue;
    await trx.updateTable('acts').set({ duplicate_of: original.id }).where('id', '=', act.id).execute();
    marked += 1;
  }
  return marked;
}

export async function unmarkDuplicateActs(trx: Trx, movedActIds: readonly string[]): Promise<void> {
  if (movedActIds.length === 0) return;
  await trx.updateTable('acts').set({ duplicate_of: null }).where('id', 'in', [...movedActIds]).execute();
}
