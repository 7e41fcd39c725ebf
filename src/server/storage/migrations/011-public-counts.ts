// Issue 5: the opt-in public counts page, and its k (cells under k are suppressed; at least 3).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organization').addColumn('public_counts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('organization').addColumn('public_k', 'integer', (c) => c.notNull().defaultTo(5)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organization').dropColumn('public_k').execute();
  await db.schema.alterTable('organization').dropColumn('public_counts').execute();
}
