// The article of the code a detained person is charged under, beside the registry's legal provision
// (src/core/records/fields/detention.ts). Plain like the rest of a detention: a number only.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('detentions').addColumn('charged_article', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('detentions').dropColumn('charged_article').execute();
}
