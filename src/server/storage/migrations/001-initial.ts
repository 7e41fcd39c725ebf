import { type Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('organization')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('public_title', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('setup_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('kdf', 'text', (c) => c.notNull())
    .addColumn('login_hash', 'text', (c) => c.notNull())
    .addColumn('public_key', t.bytes, (c) => c.notNull())
    .addColumn('wrapped_private_key', t.bytes, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('intake_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('public_key', t.bytes, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();
  await db.schema
    .createTable('key_grants')
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('key_id', 'text', (c) => c.notNull().references('intake_keys.id'))
    .addColumn('sealed', t.bytes, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('key_grants_pk', ['member_id', 'key_id'])
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('reports')
    .addColumn('seq', t.serial, (c) => c.primaryKey().$call((col) => (t.isSqlite ? col.autoIncrement() : col)))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('key_id', 'text', (c) => c.notNull().references('intake_keys.id'))
    .addColumn('envelope', t.bytes, (c) => c.notNull())
    .addColumn('received_hour', 'text', (c) => c.notNull())
    .addColumn('status_lookup', 'text', (c) => c.notNull())
    .addColumn('read_hour', 'text')
    .execute();
  await db.schema.createIndex('reports_status_lookup').on('reports').column('status_lookup').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['reports', 'sessions', 'key_grants', 'intake_keys', 'members', 'setup_tokens', 'organization']) {
    await db.schema.dropTable(table).execute();
  }
}
