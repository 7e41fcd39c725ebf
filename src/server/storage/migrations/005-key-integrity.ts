// Intake keys and key grants carry a MAC under the server secret (kept outside the database), so
// rows written straight into the database — a swapped-in intake key, a forged grant — are ignored.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('intake_keys').addColumn('mac', 'text').execute();
  await db.schema.alterTable('key_grants').addColumn('mac', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('key_grants').dropColumn('mac').execute();
  await db.schema.alterTable('intake_keys').dropColumn('mac').execute();
}
