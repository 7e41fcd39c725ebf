// Issue 15: several servers on one PostgreSQL. Each running server has a row it keeps fresh (a
// heartbeat), so work a stopped server held — an email only its memory could send, a backup it was
// writing — is ended by whoever outlives it, and never while its owner still runs. Login lockouts
// are counted here so every server refuses the same account (keyed hashes of typed addresses and
// device nonces, never a client's network address). A daily claim lets one server do a day's job.
import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';
import { createIndex, requiredText, textKey } from './shape.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('server_instances')
    .$call(textKey())
    .$call(requiredText('started_at', 'seen_at'))
    .execute();
  await db.schema
    .createTable('login_failures')
    .$call(textKey('key'))
    .addColumn('failures', 'integer', (c) => c.notNull())
    .$call(requiredText('ends_at'))
    .execute();
  await createIndex(db, 'login_failures_ends', 'login_failures', 'ends_at');
  await db.schema
    .createTable('daily_claims')
    .$call(requiredText('job', 'day', 'owner'))
    .addPrimaryKeyConstraint('daily_claims_pk', ['job', 'day'])
    .execute();
  // Proofs of work spent on any server (unix seconds): a proof is spent once across servers.
  // Unlogged on PostgreSQL (half the cost of a spend: no write-ahead log to flush): a database crash
  // empties it, which lets proofs of the last ten minutes be spent once more — one request each
  // past the rate limit, nothing more.
  await db.schema
    .createTable('pow_spent')
    .$call((table) => (columnTypes(db).isSqlite ? table : table.modifyFront(sql`unlogged`)))
    .$call(textKey())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await createIndex(db, 'pow_spent_expires', 'pow_spent', 'expires_at');
  await db.schema.alterTable('setup_tokens').addColumn('owner', 'text').execute();
  await db.schema.alterTable('alert_deliveries').addColumn('owner', 'text').execute();
  await db.schema.alterTable('backup_runs').addColumn('owner', 'text').execute();
  // One scheduled backup running at a time across the servers: the second claim fails here.
  await sql`create unique index backup_runs_one_scheduled on backup_runs (outcome) where outcome = 'running' and file is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('backup_runs_one_scheduled').execute();
  await db.schema.alterTable('backup_runs').dropColumn('owner').execute();
  await db.schema.alterTable('alert_deliveries').dropColumn('owner').execute();
  await db.schema.alterTable('setup_tokens').dropColumn('owner').execute();
  await db.schema.dropTable('pow_spent').execute();
  await db.schema.dropTable('daily_claims').execute();
  await db.schema.dropTable('login_failures').execute();
  await db.schema.dropTable('server_instances').execute();
}
