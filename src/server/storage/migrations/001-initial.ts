import { type Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';
import { createIndex, ofMember, requiredText, serialKey, textKey } from './shape.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('organization')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .$call(requiredText('name', 'public_title', 'languages', 'created_at'))
    .execute();
  await db.schema.createTable('setup_tokens').$call(textKey('token_hash')).$call(requiredText('created_at')).execute();
  await db.schema
    .createTable('members')
    .$call(textKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .$call(requiredText('role', 'kdf', 'login_hash'))
    .addColumn('public_key', t.bytes, (c) => c.notNull())
    .addColumn('wrapped_private_key', t.bytes, (c) => c.notNull())
    .$call(requiredText('created_at'))
    .execute();
  await db.schema
    .createTable('intake_keys')
    .$call(textKey())
    .addColumn('public_key', t.bytes, (c) => c.notNull())
    .$call(requiredText('created_at'))
    .addColumn('retired_at', 'text')
    .execute();
  await db.schema
    .createTable('key_grants')
    .$call(ofMember)
    .addColumn('key_id', 'text', (c) => c.notNull().references('intake_keys.id'))
    .addColumn('sealed', t.bytes, (c) => c.notNull())
    .$call(requiredText('created_at'))
    .addPrimaryKeyConstraint('key_grants_pk', ['member_id', 'key_id'])
    .execute();
  await db.schema.createTable('sessions').$call(textKey('token_hash')).$call(ofMember).$call(requiredText('created_at', 'expires_at')).execute();
  await db.schema
    .createTable('reports')
    .$call(serialKey(db))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('key_id', 'text', (c) => c.notNull().references('intake_keys.id'))
    .addColumn('envelope', t.bytes, (c) => c.notNull())
    .$call(requiredText('received_hour', 'status_lookup'))
    .addColumn('read_hour', 'text')
    .execute();
  await createIndex(db, 'reports_status_lookup', 'reports', 'status_lookup');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['reports', 'sessions', 'key_grants', 'intake_keys', 'members', 'setup_tokens', 'organization']) {
    await db.schema.dropTable(table).execute();
  }
}
