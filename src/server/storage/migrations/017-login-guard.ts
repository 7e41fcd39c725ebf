// Issue 10: a TOTP code is accepted once (the last accepted time step per factor), and a login
// challenge allows a few tries at the second factor (tries used, counted on the challenge).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('second_factors').addColumn('totp_last_step', 'integer').execute();
  await db.schema.alterTable('challenges').addColumn('tries', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('challenges').dropColumn('tries').execute();
  await db.schema.alterTable('second_factors').dropColumn('totp_last_step').execute();
}
