// Issue 4: a transfer happens at a time of day as well as on a day (taken from the station to the
// court at 09:00, to the detention centre at 18:00). Optional: often only the day is known.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('transfers').addColumn('at_time', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('transfers').dropColumn('at_time').execute();
}
