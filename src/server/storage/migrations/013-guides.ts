// Issue 5: the "know your rights" and "staying safe" pages, written by the organization per
// language. Public words, so stored plain: one row per guide, its sections as JSON.
import type { Kysely } from 'kysely';
import { requiredText, textKey } from './shape.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('guides')
    .$call(textKey('kind'))
    .$call(requiredText('sections'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .$call(requiredText('updated_day', 'updated_by'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('guides').execute();
}
