// Issue 3: the opened-report cache (src/core/report/cache.ts): a report's answers re-encrypted by
// the first member who opened it, so later logins need not open every HPKE envelope again.
import type { Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('reports').addColumn('cache', t.bytes).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reports').dropColumn('cache').execute();
}
