// Who stands for whom after merges (issue 11). Merges chain — A merged into B, then B into C — so
// "everyone this person stands for" is a walk down the chains, one step per query. The one walk,
// used by merges ("different people" across the groups), consents (the most careful of a group)
// and documents (every spelling of a person's name).
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { RecordRow } from '../records/view.ts';

export interface MergedRecord {
  row: RecordRow & { merged_into: string; consent_sharing: string; name_preference: string };
  /** The one of the asked-for people its chain of merges ends at. */
  survivor: string;
}

/**
 * Every record merged into one of `ids`, directly or through others merged into them, each with
 * the one of `ids` it was merged into in the end; in recorded order within each step of the chains.
 */
export async function mergedInto(db: Kysely<Database>, ids: string[]): Promise<MergedRecord[]> {
  const found: MergedRecord[] = [];
  const survivorOf = new Map(ids.map((id) => [id, id]));
  for (let frontier = [...survivorOf.keys()]; frontier.length; ) {
    const next = (await db.selectFrom('persons').selectAll().where('merged_into', 'in', frontier).orderBy('seq').execute()) as unknown as MergedRecord['row'][];
    // A merge never makes a cycle; were the database changed by hand, the walk still ends.
    const fresh = next.filter((row) => !survivorOf.has(row.id));
    for (const row of fresh) {
      const survivor = survivorOf.get(row.merged_into)!;
      survivorOf.set(row.id, survivor);
      found.push({ row, survivor });
    }
    frontier = fresh.map((row) => row.id);
  }
  return found;
}
