// Issue 11: one arrest, one count. When two records of one person are merged, each often has its
// own record of the same arrest (same incident, same act type, days apart at most). The merged
// record's copy stays — both versions are kept — but is marked `duplicate_of` the survivor's, and
// every count over acts (dashboard, situation report, public counts) leaves it out. An undo clears
// the mark. Record ids only.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('acts').addColumn('duplicate_of', 'text').execute();
  // Repeats are few: a partial index finds them without reading every act.
  await db.schema.createIndex('acts_repeats').on('acts').column('duplicate_of').where(sql.ref('duplicate_of'), 'is not', null).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('acts_repeats').execute();
  await db.schema.alterTable('acts').dropColumn('duplicate_of').execute();
}
