// Issue 12: the lists of multiple systems estimation. A channel is a way the organization learns of
// people (its own report form, a lawyers' network, a partner's bundles, media monitoring, a hotline).
// Its name is sealed to the records key like a record's fields — a seized server must not say which
// lawyers or partners the team works with; only its kind is plain. The report form is built in and
// needs no name. Each source may name its channel; a bundle import names the partner's channel, so
// everyone it brought was seen by that list. Record ids and channel ids only.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { columnTypes } from '../dialect.ts';
import { FORM_CHANNEL_ID } from '../../../core/records/channels.ts';
import { createIndex, created, optionalText, requiredText, textKey, updated } from './shape.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('channels')
    .$call(textKey())
    .$call(requiredText('kind'))
    // Null only for the built-in report form, whose name comes with the workspace in every language.
    .$call(optionalText('key_id'))
    .addColumn('key_envelope', t.bytes)
    .addColumn('sealed', t.bytes)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('retired', 'integer', (c) => c.notNull().defaultTo(0))
    .$call(created)
    .$call(updated)
    .execute();
  const now = new Date().toISOString();
  await sql`insert into channels (id, kind, version, retired, created_at, created_by, updated_at, updated_by)
    values (${FORM_CHANNEL_ID}, 'form', 1, 0, ${now}, 'vigil', ${now}, 'vigil')`.execute(db);
  await db.schema.alterTable('sources').addColumn('channel_id', 'text').execute();
  await createIndex(db, 'sources_channel', 'sources', 'channel_id');
  // Sources that are reports of the inbox came through the form.
  await sql`update sources set channel_id = ${FORM_CHANNEL_ID} where report_id is not null`.execute(db);
  await db.schema.alterTable('bundle_imports').addColumn('channel_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('bundle_imports').dropColumn('channel_id').execute();
  await db.schema.dropIndex('sources_channel').execute();
  await db.schema.alterTable('sources').dropColumn('channel_id').execute();
  await db.schema.dropTable('channels').execute();
}
