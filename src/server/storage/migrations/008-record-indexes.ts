// Indexes for the record lists at 100,000 acts: by place (place pages) and by act type, newest first.
import type { Kysely } from 'kysely';
import { createIndex } from './shape.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await createIndex(db, 'acts_place_seq', 'acts', ['place_id', 'seq']);
  await createIndex(db, 'acts_type_seq', 'acts', ['type_code', 'seq']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('acts_type_seq').execute();
  await db.schema.dropIndex('acts_place_seq').execute();
}
