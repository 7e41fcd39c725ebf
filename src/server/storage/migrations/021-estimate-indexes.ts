// Issue 12: the capture histories read, for every person documented, which channels saw them. At
// 100,000 people that is a few hundred thousand sources: read through an index that holds all the
// estimate needs (channel, what the source is about), never the rows with their sealed parts.
// Groups are few and found without reading every person. Plain ids only.
import { sql, type Kysely } from 'kysely';
import { createIndex } from './shape.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Replaces sources_channel (its first column): the same look-ups by channel, now covered.
  await createIndex(db, 'sources_channel_target', 'sources', ['channel_id', 'target_type', 'target_id']);
  await db.schema.dropIndex('sources_channel').execute();
  await db.schema.createIndex('persons_groups').on('persons').column('id').where(sql.ref('counting_unit'), '<>', 'individual').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('persons_groups').execute();
  await createIndex(db, 'sources_channel', 'sources', 'channel_id');
  await db.schema.dropIndex('sources_channel_target').execute();
}
