// Indexes for the record lists at 100,000 acts: by place (place pages) and by act type, newest first.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('acts_place_seq').on('acts').columns(['place_id', 'seq']).execute();
  await db.schema.createIndex('acts_type_seq').on('acts').columns(['type_code', 'seq']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('acts_type_seq').execute();
  await db.schema.dropIndex('acts_place_seq').execute();
}
