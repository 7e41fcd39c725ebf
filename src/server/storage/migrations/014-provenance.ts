// Issue 5: records imported from a partner organization's bundle keep where they came from.
// `bundle_imports`: one row per bundle imported; who sent it (the partner's name) and the day they
// exported it are sealed to the records key like a record's fields (a seized server must not reveal
// which organizations work together). `provenance`: one row per imported record, with the partner's
// own id and code for it; unique per (bundle, original id), so a bundle imported twice adds nothing.
import type { Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('bundle_imports')
    .addColumn('bundle_id', 'text', (c) => c.primaryKey())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('key_envelope', t.bytes, (c) => c.notNull())
    .addColumn('sealed', t.bytes, (c) => c.notNull())
    /** To the day, like everything a partner could correlate. */
    .addColumn('imported_on', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('provenance')
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('bundle_id', 'text', (c) => c.notNull().references('bundle_imports.bundle_id'))
    .addColumn('original_id', 'text', (c) => c.notNull())
    .addColumn('original_code', 'text', (c) => c.notNull())
    .addUniqueConstraint('provenance_original', ['bundle_id', 'original_id'])
    .execute();
  await db.schema.createIndex('provenance_record').on('provenance').column('record_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('provenance').execute();
  await db.schema.dropTable('bundle_imports').execute();
}
