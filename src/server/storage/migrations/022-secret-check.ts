// Issue 13: no silent secrets. The database remembers a keyed check of the server secret it was made
// with (an HMAC of a constant, which says nothing about the secret), so a server started with that
// secret missing or replaced refuses to start instead of quietly making a new one and locking the team
// out of every codename, login and second factor.
import type { Kysely } from 'kysely';
import { requiredText } from './shape.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('secret_check')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .$call(requiredText('check_value', 'created_at'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('secret_check').execute();
}
