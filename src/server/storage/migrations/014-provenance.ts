// Issue 5: records imported from a partner organization's bundle keep where they came from.
// `bundle_imports`: one row per bundle imported; who sent it (the partner's name) and the day they
// exported it are sealed to the records key like a record's fields (a seized server must not reveal
// which organizations work together). `provenance`: one row per imported record, with the partner's
// own id and code for it; unique per (bundle, original id), so a bundle imported twice adds nothing.
import type { Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';
import { createIndex, requiredText, textKey } from './shape.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('bundle_imports')
    .$call(textKey('bundle_id'))
    .$call(requiredText('key_id'))
    .addColumn('key_envelope', t.bytes, (c) => c.notNull())
    .addColumn('sealed', t.bytes, (c) => c.notNull())
    /** To the day, like everything a partner could correlate. */
    .$call(requiredText('imported_on', 'imported_by'))
    .execute();
  await db.schema
    .createTable('provenance')
    .$call(requiredText('record_type', 'record_id'))
    .addColumn('bundle_id', 'text', (c) => c.notNull().references('bundle_imports.bundle_id'))
    .$call(requiredText('original_id', 'original_code'))
    .addUniqueConstraint('provenance_original', ['bundle_id', 'original_id'])
    .execute();
  await createIndex(db, 'provenance_record', 'provenance', 'record_id');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('provenance').execute();
  await db.schema.dropTable('bundle_imports').execute();
}
