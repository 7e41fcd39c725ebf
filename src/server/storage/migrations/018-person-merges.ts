// Issue 11: one person, one count. A merge ("same person") keeps both person records: the merged
// one gets `merged_into` (the survivor's id) while the merge stands, and `person_merges` lists
// exactly which rows moved to the survivor, so an undo moves back those and no others.
// `person_distinct`: pairs a member decided are different people, so they are never suggested
// again; each pair stored once, smaller id first. Record ids only: no name, and nothing derived
// from one, is stored (names are compared in the member's browser).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('persons').addColumn('merged_into', 'text').execute();
  await db.schema.createIndex('persons_merged_into').on('persons').column('merged_into').execute();
  await db.schema
    .createTable('person_merges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survivor_id', 'text', (c) => c.notNull())
    .addColumn('merged_id', 'text', (c) => c.notNull())
    /** JSON { acts, sources, interventions, attachments }: the ids moved to the survivor. */
    .addColumn('moved', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addColumn('undone_by', 'text')
    .execute();
  await db.schema.createIndex('person_merges_merged').on('person_merges').column('merged_id').execute();
  await db.schema
    .createTable('person_distinct')
    .addColumn('person_a', 'text', (c) => c.notNull())
    .addColumn('person_b', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_distinct_pk', ['person_a', 'person_b'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('person_distinct').execute();
  await db.schema.dropTable('person_merges').execute();
  await db.schema.dropIndex('persons_merged_into').execute();
  await db.schema.alterTable('persons').dropColumn('merged_into').execute();
}
