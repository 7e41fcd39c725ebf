// Issue 13: surviving a seizure. A recovery kit is a key pair whose private half only the trustees'
// shares make whole: every organization key is granted to it as to a member (recovery_grants), so a
// kit made once still opens keys rotated later. M trustees prove they met (lockdown, recovery) by
// answering a one-time challenge sealed to the kit (recovery_challenges keeps only its hash), without
// the server seeing a share and without anything reusable crossing the wire. Lockdown is a time on the organization;
// backup_runs is what administrators see of scheduled backups (no content, only time, size, outcome).
import type { Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';
import { createIndex, created, optionalText, requiredText, textKey } from './shape.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('recovery_kits')
    .$call(textKey())
    .addColumn('public_key', t.bytes, (c) => c.notNull())
    .addColumn('threshold', 'integer', (c) => c.notNull())
    .addColumn('shares', 'integer', (c) => c.notNull())
    .$call(created)
    .$call(optionalText('retired_at'))
    .$call(requiredText('mac'))
    .execute();
  await db.schema
    .createTable('recovery_grants')
    .addColumn('kit_id', 'text', (c) => c.notNull().references('recovery_kits.id').onDelete('cascade'))
    .addColumn('key_id', 'text', (c) => c.notNull().references('intake_keys.id'))
    .addColumn('sealed', t.bytes, (c) => c.notNull())
    .$call(requiredText('created_at', 'mac'))
    .addPrimaryKeyConstraint('recovery_grants_pk', ['kit_id', 'key_id'])
    .execute();
  await db.schema
    .createTable('recovery_challenges')
    .$call(textKey('answer_hash'))
    .addColumn('kit_id', 'text', (c) => c.notNull().references('recovery_kits.id').onDelete('cascade'))
    .$call(requiredText('expires_at'))
    .execute();
  await db.schema.alterTable('organization').addColumn('locked_at', 'text').execute();
  await db.schema
    .createTable('backup_runs')
    .$call(textKey())
    .$call(requiredText('started_at'))
    .$call(optionalText('finished_at'))
    .$call(requiredText('outcome'))
    .addColumn('size', 'bigint')
    .$call(optionalText('file', 'error'))
    .execute();
  await createIndex(db, 'backup_runs_started', 'backup_runs', 'started_at');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('backup_runs').execute();
  await db.schema.alterTable('organization').dropColumn('locked_at').execute();
  await db.schema.dropTable('recovery_challenges').execute();
  await db.schema.dropTable('recovery_grants').execute();
  await db.schema.dropTable('recovery_kits').execute();
}
