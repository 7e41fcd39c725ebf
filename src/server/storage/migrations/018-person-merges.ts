// Issue 11: one person, one count. A merge ("same person") keeps both person records: the merged
// one gets `merged_into` (the survivor's id) while the merge stands, and `person_merges` lists
// exactly which rows moved to the survivor, so an undo moves back those and no others.
// `person_distinct`: pairs a member decided are different people, so they are never suggested
// again; each pair stored once, smaller id first. Record ids only: no name, and nothing derived
// from one, is stored (names are compared in the member's browser).
import type { Kysely } from 'kysely';
import { createIndex, created, optionalText, requiredText, textKey } from './shape.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('persons').addColumn('merged_into', 'text').execute();
  await createIndex(db, 'persons_merged_into', 'persons', 'merged_into');
  await db.schema
    .createTable('person_merges')
    .$call(textKey())
    // moved: JSON { acts, sources, interventions, attachments }, the ids moved to the survivor.
    .$call(requiredText('survivor_id', 'merged_id', 'moved'))
    .$call(created)
    .$call(optionalText('undone_at', 'undone_by'))
    .execute();
  await createIndex(db, 'person_merges_merged', 'person_merges', 'merged_id');
  await db.schema
    .createTable('person_distinct')
    .$call(requiredText('person_a', 'person_b', 'decided_by', 'decided_at'))
    .addPrimaryKeyConstraint('person_distinct_pk', ['person_a', 'person_b'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('person_distinct').execute();
  await db.schema.dropTable('person_merges').execute();
  await db.schema.dropIndex('persons_merged_into').execute();
  await db.schema.alterTable('persons').dropColumn('merged_into').execute();
}
