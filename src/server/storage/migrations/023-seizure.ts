// Issue 13: surviving a seizure. A recovery kit is a key pair whose private half only the trustees'
// shares make whole: every organization key is granted to it as to a member (recovery_grants), so a
// kit made once still opens keys rotated later. M trustees prove they met (lockdown, recovery) by
// answering a one-time challenge sealed to the kit (recovery_challenges keeps only its hash), without
// the server seeing a share and without anything reusable crossing the wire. Lockdown is a time on the organization;
// backup_runs is what administrators see of scheduled backups (no content, only time, size, outcome).
import type { Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('recovery_kits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('public_key', t.bytes, (c) => c.notNull())
    .addColumn('threshold', 'integer', (c) => c.notNull())
    .addColumn('shares', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('mac', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('recovery_grants')
    .addColumn('kit_id', 'text', (c) => c.notNull().references('recovery_kits.id').onDelete('cascade'))
    .addColumn('key_id', 'text', (c) => c.notNull().references('intake_keys.id'))
    .addColumn('sealed', t.bytes, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('mac', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('recovery_grants_pk', ['kit_id', 'key_id'])
    .execute();
  await db.schema
    .createTable('recovery_challenges')
    .addColumn('answer_hash', 'text', (c) => c.primaryKey())
    .addColumn('kit_id', 'text', (c) => c.notNull().references('recovery_kits.id').onDelete('cascade'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('organization').addColumn('locked_at', 'text').execute();
  await db.schema
    .createTable('backup_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint')
    .addColumn('file', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('backup_runs_started').on('backup_runs').column('started_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('backup_runs').execute();
  await db.schema.alterTable('organization').dropColumn('locked_at').execute();
  await db.schema.dropTable('recovery_challenges').execute();
  await db.schema.dropTable('recovery_grants').execute();
  await db.schema.dropTable('recovery_kits').execute();
}
