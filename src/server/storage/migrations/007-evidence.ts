// Issue 4: evidence. An attachment's parts are stored only encrypted (src/core/evidence/attachment.ts);
// the server knows which report or record it belongs to, which key opens it, its padded size and
// when it came. The custody log is append-only: who (a member, or the reporter), when, what; the hashes seen
// are sealed in `detail`. Times of reporters' uploads are kept to the hour, like reports.
import type { Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('attachments')
    .addColumn('seq', t.serial, (c) => c.primaryKey().$call((col) => (t.isSqlite ? col.autoIncrement() : col)))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('key_envelope', t.bytes, (c) => c.notNull())
    .addColumn('meta', t.bytes, (c) => c.notNull())
    .addColumn('original', t.bytes, (c) => c.notNull())
    .addColumn('working', t.bytes)
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('attachments_owner').on('attachments').columns(['owner_type', 'owner_id']).execute();
  await db.schema
    .createTable('custody_log')
    .addColumn('seq', t.serial, (c) => c.primaryKey().$call((col) => (t.isSqlite ? col.autoIncrement() : col)))
    .addColumn('attachment_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', t.bytes)
    .execute();
  await db.schema.createIndex('custody_attachment').on('custody_log').column('attachment_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('custody_log').execute();
  await db.schema.dropTable('attachments').execute();
}
