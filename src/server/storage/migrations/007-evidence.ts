// Issue 4: evidence. An attachment's parts are stored only encrypted (src/core/evidence/attachment.ts);
// the server knows which report or record it belongs to, which key opens it, its padded size and
// when it came. The custody log is append-only: who (a member, or the reporter), when, what; the hashes seen
// are sealed in `detail`. Times of reporters' uploads are kept to the hour, like reports.
import type { Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';
import { createIndex, optionalText, requiredText, serialKey, uniqueId } from './shape.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('attachments')
    .$call(serialKey(db))
    .$call(uniqueId)
    .$call(requiredText('owner_type', 'owner_id', 'key_id'))
    .addColumn('key_envelope', t.bytes, (c) => c.notNull())
    .addColumn('meta', t.bytes, (c) => c.notNull())
    .addColumn('original', t.bytes, (c) => c.notNull())
    .addColumn('working', t.bytes)
    .addColumn('size', 'integer', (c) => c.notNull())
    .$call(requiredText('created_at'))
    .$call(optionalText('created_by'))
    .execute();
  await createIndex(db, 'attachments_owner', 'attachments', ['owner_type', 'owner_id']);
  await db.schema
    .createTable('custody_log')
    .$call(serialKey(db))
    .$call(requiredText('attachment_id', 'at'))
    .$call(optionalText('actor'))
    .$call(requiredText('action'))
    .addColumn('detail', t.bytes)
    .execute();
  await createIndex(db, 'custody_attachment', 'custody_log', 'attachment_id');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('custody_log').execute();
  await db.schema.dropTable('attachments').execute();
}
